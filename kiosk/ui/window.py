"""The kiosk window: draws the visitor's session (kiosk/core/session.py), which holds where the
visitor is and what they changed, and wires the screens (screens.py), the bar of buttons
(nav_bar.py), the overlays (overlays.py) and the idle countdown to it."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLayout, QStackedWidget, QWidget

from ..core.content.model import Content
from ..core.session import HOME, OnIdle, Route, Session
from ..qt.half_built import built
from ..qt.idle import IdleWatcher
from ..qt.safety import guarded
from ..qt.timers import single_shot
from . import slices
from .home import HomeScreen
from .nav_bar import NavBar
from .overlays import Overlays
from .pictures import ScreenPictures
from .screens import Screens, watch_scrolling
from .theme import COUNT_UP_MS, LARGER_TEXT, Look
from .transitions import Transitions
from .widgets import column

if TYPE_CHECKING:  # imported when first needed, after the first frame
    from .attract import AttractView
    from .closed import ClosedScreen
    from .countdown import CountdownOverlay
    from .fade import CrossFade
    from .network import NetworkScreen


CALM = "calm"  # in place of a screen that could not be built: "This display is being updated"
TRANSITION_MS = 250
BUILD_AHEAD_MS = 100  # after the first frame: the kiosk is on screen before it prepares more


def _from_session(name: str) -> property:
    """The window's `name` is its session's."""
    return property(lambda window: getattr(window.session, name),
                    doc=f"The session's {name} (kiosk/core/session.py).")


class KioskWindow(QWidget):
    session_reset = Signal()
    visitor_left = Signal(str)  # a session is over: "idle" (the reset), "left" (idle at home)
    shown = Signal(str, str, str)  # screen, detail ("" for none), language: for usage figures
    closed_shown = Signal()  # the closed screen came up (the display may be turned off)

    def __init__(self, content: Content, family: str, idle: IdleWatcher,
                 allow_close: bool = False, size: tuple[int, int] = (1920, 1080),
                 build_ahead_ms: int | None = BUILD_AHEAD_MS,
                 transition_ms: int = TRANSITION_MS, count_up_ms: int = COUNT_UP_MS):
        """`build_ahead_ms`: after the first frame, the other screens are built this much
        later, one per turn of the event loop (None: each when first opened);
        `transition_ms`: the cross-fade between screens, and `count_up_ms` figures counting
        up as their screen opens, where motion is on."""
        super().__init__()
        self.setObjectName("kiosk")
        self.setWindowTitle(content.organisation.name.get(content.settings.default_language))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.session = Session(content)
        self.session.moved.append(lambda _route: self._show())
        self.family = family
        self.allow_close = allow_close
        self.screens: dict[str, QWidget] = {}
        self._broken: set[str] = set()  # screens that raised while being built: not tried again
        self.count_up_ms = count_up_ms
        self.look = self._look(*size)
        self.build_ahead_ms = build_ahead_ms  # may be changed: from the next first frame on
        self._ahead_waits_for_paint = False
        self._to_draw = ""  # the screen built ahead last: its picture is drawn in the next turn
        # One timer for building ahead, not QTimer.singleShot: kiosk/qt/timers.py
        self._ahead_timer = single_shot(self, self.build_next)

        self.idle = idle
        self.overlays = Overlays(self, self.reset, idle.poke)
        self.stack = QStackedWidget()
        self.transitions = Transitions(self.stack, self.overlays, transition_ms)
        self.nav = NavBar()
        self.nav.back.connect(self.back)
        self.nav.home.connect(self.go_home)
        self.nav.switch_language.connect(self.toggle_language)
        self.nav.switch_text_size.connect(self.toggle_larger_text)
        self.speech_languages: frozenset[str] = frozenset()  # see offer_speech
        layout = column(self.stack, self.nav)
        # The screens' sizes never resize the window (nor trouble platforms without size hints).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setLayout(layout)
        self._opens_at: tuple[datetime | None, datetime] = (None, datetime.now())
        self._screens: Screens  # made by each _build, for its content, look and language

        idle.idle.connect(self.on_idle)
        idle.long_idle.connect(self.on_long_idle)
        idle.activity.connect(self.finish_transition)
        self.resize(*size)
        self._build()

    # -- the session, as the screens read it (read-only here: the session changes them) ------
    content = _from_session("content")
    route = _from_session("route")
    history = _from_session("history")
    language = _from_session("language")
    larger_text = _from_session("larger_text")
    speech = _from_session("speech")
    volume = _from_session("volume")
    closed = _from_session("closed")

    # -- what shows over the screens, and the bar's buttons -----------------------------------
    overlay = property(lambda self: cast("CountdownOverlay", self.overlays.countdown),
                       doc='The "Still there?" countdown.')
    attract = property(lambda self: cast("AttractView", self.overlays.attract))
    closed_view = property(lambda self: cast("ClosedScreen", self.overlays.closed))
    back_button = property(lambda self: self.nav.back_button)
    home_button = property(lambda self: self.nav.home_button)
    language_button = property(lambda self: self.nav.language_button)
    larger_text_button = property(lambda self: self.nav.larger_text_button)

    # -- building ------------------------------------------------------------------------------
    def _look(self, width: int, height: int) -> Look:
        return Look(self.content.theme, width, height, family=self.family,
                    text_scale=LARGER_TEXT if self.larger_text else 1.0,
                    motion=not self.content.settings.reduced_motion,
                    count_up_ms=self.count_up_ms)

    def _build(self) -> None:
        """(Re)create the screens for the current language and size, keeping the route.

        The screen on show is built at once, the others just after it is painted: a visitor
        (or the start of the kiosk) waits for one screen, not for five.
        """
        for screen in self.screens.values():
            self.stack.removeWidget(screen)
            screen.setParent(None)  # not styled again below (50 ms for a long page's widgets)
            screen.deleteLater()
        sheet = self.look.style_sheet()
        if sheet != self.styleSheet():  # Qt styles every widget under the window again
            self.setStyleSheet(sheet)
        self.pictures.set_size(self.width(), self.height())
        self.screens = {}
        self._broken = set()
        self._to_draw = ""
        self._screens = Screens(self.content, self.look, self.language, self.navigate,
                                self.replace, self)
        self._make_nav()
        self._show()
        self._ahead_waits_for_paint = True  # once this screen is painted: see paintEvent

    def _make_nav(self) -> None:
        def make() -> NavBar:  # the bar shows reading aloud where it is offered
            speech = self.speech if self.language in self.speech_languages else None
            self.nav.build(self.look, self.content.labels, self.language, self.larger_text,
                           speech, self.session.volume_step)
            return self.nav

        self.nav.setVisible(built(make, "the bar of buttons", self) is not None)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if self._ahead_waits_for_paint:
            self._ahead_waits_for_paint = False
            if self.build_ahead_ms is not None:
                self._ahead_timer.start(self.build_ahead_ms)

    @property
    def building_ahead(self) -> bool:
        """Whether screens are still to be built ahead of a visitor's tap."""
        return (self._ahead_waits_for_paint and self.build_ahead_ms is not None) \
            or self._ahead_timer.isActive() or slices.building(self.stack)

    def build_next(self) -> None:
        """Build the next screen not yet built, and go on with the rest one per turn of the
        event loop so that a tap in between is answered at once; each is drawn once off
        screen, in the turn after its building: its layout, its map and the glyphs it needs
        are ready before a visitor taps its tile (the first visit of the network screen took
        53 ms, the next ones 5)."""
        if not self.isVisible():  # closed, or hidden: its next paint starts this again
            self._ahead_waits_for_paint = True
            return
        self._finish_home()  # what the home screen held back for its first frame
        self._ready_the_style()
        drawn, self._to_draw = self._to_draw, ""
        if drawn in self.screens:  # the picture of the one built last, in a turn of its own
            self.screens[drawn].resize(self.stack.size())
            self.pictures.draw(drawn, self.screens[drawn])
        missing = [name for name in self.pages()
                   if name not in self.screens and name not in self._broken]
        if missing and not drawn and self._screen(missing[0]) is not None:
            self._finish_home()  # it may be the one just built, off screen: nothing to wait for
            self._to_draw = missing[0]
        if missing:
            self._ahead_timer.start(0)

    def build_every_screen(self) -> None:
        """Every screen built and drawn off screen now, as building ahead does in turns."""
        while self._to_draw or any(name not in self.screens and name not in self._broken
                                   for name in self.pages()):
            self.build_next()
        self._ahead_timer.stop()
        slices.finish_all(self.stack)

    def _ready_the_style(self) -> None:
        """PySide6's side of Qt's style and palette made now, while nobody waits: made at a
        visitor's first tap (a button restyled as its words change: kiosk/ui/buttons.py), their
        13 enums were 9 ms of that tap (docs/performance.md). Not before the first frame."""
        self.style()
        self.palette()

    def _finish_home(self) -> None:
        home = self.screens.get("home")
        if isinstance(home, HomeScreen):
            home.finish()

    def pages(self) -> list[str]:
        return self.session.pages()

    def _screen(self, name: str) -> QWidget | None:
        """The screen called `name`, built when first wanted; None if it cannot be built."""
        if name in self.screens:
            return self.screens[name]
        if name in self._broken:
            return None
        screen = built(lambda: self._screens.page(name), f"the screen '{name}'", self)
        if screen is None:
            self._broken.add(name)
            return None
        self.screens[name] = screen
        self.stack.addWidget(screen)
        watch_scrolling(screen, self.idle)
        return screen

    def _calm_screen(self) -> QWidget:
        """Shown when not even the home screen can be built."""
        if CALM not in self.screens:
            self.screens[CALM] = self._screens.calm()
            self.stack.addWidget(self.screens[CALM])
        return self.screens[CALM]

    # -- navigation ----------------------------------------------------------------------------
    fade = property(lambda self: cast("CrossFade | None", self.transitions.fade),
                    doc="The cross-fade under way between two screens, if any.")
    pictures = property(lambda self: cast(ScreenPictures, self.transitions.pictures))

    def finish_transition(self) -> None:
        """The cross-fade under way, if any, ended at once (a touch ends it too)."""
        self.transitions.finish()

    def _show(self) -> None:
        """Draw the session's route; where its screen cannot be built, the next best."""
        route = self.session.route
        before = self.stack.currentWidget()
        self.transitions.leave(before or self.stack, self.look.motion and self.isVisible())
        old = self.screens.pop("detail", None)
        if route.detail:
            view = self._screens.detail(route)
            if view is None:
                route = Route(route.page)
            else:
                self.screens["detail"] = view
                self.stack.addWidget(view)
                watch_scrolling(view, self.idle)
        screen = self.screens["detail"] if route.detail else self._screen(route.page)
        if screen is None and route != HOME:  # it could not be built: home instead
            route, screen = HOME, self._screen("home")
        self.session.route = route
        self.stack.setCurrentWidget(screen or self._calm_screen())
        now = self.stack.currentWidget()
        page = route.page if not route.detail and now is self.screens.get(route.page) else None
        left = next((name for name, shown in self.screens.items()
                     if shown is before and name in self.pages()), None)
        self.transitions.arrive(page, before, left)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        network = self.screens.get("network")
        if route.page == "network" and route.detail and network is not None:
            # the location marked, when the visitor is back on the list
            cast("NetworkScreen", network).show_selected(route.detail)
        self.nav.show_for(route)
        self.shown.emit(route.page, route.detail, self.language)

    # The session tells the window of every move (see __init__): each of these is drawn.
    def replace(self, route: Route) -> None:
        """Move to a sibling detail: Back still returns to the list, not to the sibling."""
        self.session.at(route)

    def show_route(self, route: Route) -> None:
        """Go straight to a route, with no history (snapshots and tests)."""
        self.session.jump(route)

    def navigate(self, route: Route) -> None:
        self.session.navigate(route)

    def back(self) -> None:
        self.session.back()

    def go_home(self) -> None:
        self.session.home()

    def toggle_language(self) -> None:
        self.session.toggle_language()
        self._build()

    def toggle_larger_text(self) -> None:
        self.session.toggle_larger_text()
        self.look = self._look(self.width(), self.height())
        self._build()

    def offer_speech(self, languages: frozenset[str]) -> None:
        """Reading aloud can be turned on in these languages (kiosk/ui/speech_mode.py)."""
        self.speech_languages = languages
        self._make_nav()
        self.nav.show_for(self.route)

    # -- session -------------------------------------------------------------------------------
    def on_idle(self) -> None:
        action = self.session.on_idle(covered=self.overlays.covered)
        if action is OnIdle.COUNTDOWN:
            self.ask_still_there()
        elif action is OnIdle.RESET:
            self.reset()
        elif action is OnIdle.LEFT:
            self.visitor_left.emit("left")
            if self.closed:
                self._show_closed()

    def ask_still_there(self) -> None:
        """The "Still there?" countdown over the screen; when it runs out, the reset."""
        self.overlay.start(self.content.settings.countdown, self.look, self.content.labels,
                           self.language)

    def on_long_idle(self) -> None:
        """Nobody for the attract delay: play the loop, on the home screen only."""
        if self.session.attract_now(counting_down=self.overlays.counting_down):
            self.start_attract()

    def start_attract(self, slide_seconds: float | None = None) -> None:
        """The attract loop over the screens (`slide_seconds`: as the settings say)."""
        content = self.content
        self.attract.start(content.attract, slide_seconds or content.settings.attract_slide,
                           self.look, content.labels, self.language, self.look.motion,
                           content.organisation.name.get(self.language))

    def use_content(self, content: Content) -> None:
        """New content from staff: at once if nobody is in a session, else when it ends."""
        if self.session.offer(content, counting_down=self.overlays.counting_down):
            self.reset()

    def show_now(self, content: Content) -> None:
        """New content at once, the visitor kept where they are (the preview of a save)."""
        self.session.replace(content)
        self.look = self._look(self.width(), self.height())
        self._build()

    def reset(self) -> None:
        """End the visitor's session: home, default language, scroll positions, no details."""
        self.visitor_left.emit("idle")
        if self.session.reset():  # new content: its idle times too
            settings = self.content.settings
            self.idle.set_timeout(round(settings.idle_timeout * 1000),
                                  round(settings.attract_delay * 1000))
        self.overlays.stop()
        self.look = self._look(self.width(), self.height())
        self._build()
        self.idle.poke()
        self.session_reset.emit()
        if self.closed:
            self._show_closed()

    # -- opening hours -------------------------------------------------------------------------
    def set_closed(self, closed: bool, opens_at: datetime | None = None,
                   now: datetime | None = None) -> None:
        """Outside opening hours: the closed screen, once any visitor's session is over."""
        self.session.closed = closed
        self._opens_at = (opens_at, now or datetime.now())
        if not closed:
            self.overlays.hide_closed()
        elif self.session.nobody_here(counting_down=self.overlays.counting_down):
            self._show_closed()

    def _show_closed(self) -> None:
        self.overlays.stop()
        self.closed_view.show_closed(self.look, self.content.organisation, self.content.labels,
                                     *self._opens_at)
        self.closed_shown.emit()

    # -- window --------------------------------------------------------------------------------
    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.overlays.fit(self.rect())
        look = self._look(self.width(), self.height())
        if (look.portrait, look.px(1000)) != (self.look.portrait, self.look.px(1000)):
            self.look = look
            self._build()
        else:  # the same screens at another size: no picture of the old size may show
            self.pictures.set_size(self.width(), self.height())

    def closeEvent(self, event: QEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()
