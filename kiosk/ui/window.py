"""The kiosk window: draws the visitor's session (kiosk/core/session.py), which holds where the
visitor is and what they changed, and wires the screens, the bar of buttons, the overlays and the
idle countdown to it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QLayout,
    QScroller,
    QStackedWidget,
    QWidget,
)

from ..core.content.model import Content, Location
from ..core.session import HOME, OnIdle, Route, Session
from ..qt.idle import IdleWatcher
from ..qt.safety import guarded
from ..qt.timers import single_shot
from .home import HomeScreen
from .pictures import ScreenPictures
from .theme import LARGER_TEXT, Look
from .widgets import NavButton, button_text, column, hbox

if TYPE_CHECKING:  # the other screens are imported when first needed, after the first frame
    from .attract import AttractView
    from .closed import ClosedScreen
    from .countdown import CountdownOverlay
    from .detail import DetailView
    from .fade import CrossFade
    from .map_view import MapView


CALM = "calm"  # in place of a screen that could not be built: "This display is being updated"
TRANSITION_MS = 250
BUILD_REST_AFTER_MS = 100  # after the first frame: the kiosk is on screen before it prepares more
log = logging.getLogger("kiosk")
Built = TypeVar("Built")


def built(make: Callable[[], Built], what: str, builder: QWidget) -> Built | None:
    """What `make` builds, or None if building it raised (logged with its traceback).

    Whatever was half built is handed to Qt before Python lets go of it (see
    _dispose_half_built): a screen that raised half way through its constructor, freed as
    its traceback was, crashed the kiosk (SIGSEGV in a parentless layout's destructor).
    """
    try:
        return make()
    except Exception as exc:
        log.error("could not build %s; showing another screen instead", what, exc_info=exc)
        _dispose_half_built(exc, builder)
        return None


def _dispose_half_built(exc: BaseException, builder: QWidget) -> None:
    """Give every widget and layout that the failed frames made (not the `builder`, the
    window that asked for them) a Qt parent, and delete those parents with Qt: Qt then deletes
    children before parents, as it should, instead of Python's reference counting freeing
    them in whatever order their frames held them."""
    import shiboken6

    found: dict[int, QObject] = {}
    trace = exc.__traceback__
    while trace is not None:
        for value in trace.tb_frame.f_locals.values():
            if isinstance(value, (QWidget, QLayout)) and value is not builder \
                    and shiboken6.isValid(value):
                found[id(value)] = value
        trace = trace.tb_next
    holders = []
    for thing in found.values():
        if isinstance(thing, QLayout) and thing.parent() is None:
            holders.append(QWidget())
            holders[-1].setLayout(thing)  # its items' widgets go to the holder too
    for thing in found.values():
        if isinstance(thing, QWidget) and thing.parent() is None and thing not in holders:
            holders.append(QWidget())
            thing.setParent(holders[-1])
    exc.__traceback__ = None
    found.clear()
    for holder in holders:
        holder.deleteLater()


def _from_session(name: str) -> property:
    """The window's `name` is its session's."""
    return property(lambda window: getattr(window.session, name),
                    doc=f"The session's {name} (kiosk/core/session.py).")


class KioskWindow(QWidget):
    session_reset = Signal()
    visitor_left = Signal()  # a session is over: the idle reset, or idle on the home screen
    shown = Signal(str, str, str)  # screen, detail ("" for none), language: for usage figures
    closed_shown = Signal()  # the closed screen came up (the display may be turned off)

    def __init__(self, content: Content, family: str, idle: IdleWatcher,
                 allow_close: bool = False, size: tuple[int, int] = (1920, 1080)):
        super().__init__()
        self.setObjectName("kiosk")
        self.setWindowTitle(content.organisation.name.get(content.settings.default_language))
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        self.session = Session(content)
        self.family = family
        self.allow_close = allow_close
        self.screens: dict[str, QWidget] = {}
        self._broken: set[str] = set()  # screens that raised while being built: not tried again
        self.look = self._look(*size)
        self._fade: CrossFade | None = None
        self._rest_to_build = False
        # One timer for building the rest, not QTimer.singleShot: kiosk/qt/timers.py
        self._rest_timer = single_shot(self, self._build_the_rest)

        self.stack = QStackedWidget()
        self.pictures = ScreenPictures(self.stack)  # on a large display: kiosk/ui/pictures.py
        self.nav = QWidget()
        self.nav.setObjectName("navBar")
        layout = column(self.stack, self.nav)
        # The screens' sizes never resize the window (nor trouble platforms without size hints).
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        self.setLayout(layout)
        self._overlay: CountdownOverlay | None = None
        self._attract: AttractView | None = None
        self._closed_view: ClosedScreen | None = None
        self._opens_at: tuple[datetime | None, datetime] = (None, datetime.now())

        self.idle = idle
        idle.idle.connect(self.on_idle)
        idle.long_idle.connect(self.on_long_idle)
        idle.activity.connect(self._end_fade)
        self.resize(*size)
        self._build()

    # -- the session, as the screens read it (read-only here: the session changes them) ------
    content = _from_session("content")
    route = _from_session("route")
    history = _from_session("history")
    language = _from_session("language")
    larger_text = _from_session("larger_text")
    closed = _from_session("closed")

    # -- what shows over the screens, made when first needed ----------------------------------
    @property
    def overlay(self) -> CountdownOverlay:
        """The "Still there?" countdown."""
        if self._overlay is None:
            from .countdown import CountdownOverlay

            self._overlay = CountdownOverlay(self)
            self._overlay.expired.connect(self.reset)
        return self._overlay

    @property
    def attract(self) -> AttractView:
        if self._attract is None:
            from .attract import AttractView

            self._attract = AttractView(self)
        return self._attract

    @property
    def closed_view(self) -> ClosedScreen:
        """Outside opening hours."""
        if self._closed_view is None:
            from .closed import ClosedScreen

            self._closed_view = ClosedScreen(self)
            self._closed_view.touched.connect(self.idle.poke)
        return self._closed_view

    def _showing(self, name: str) -> bool:
        """Is this overlay made and on screen? (Asking does not make it.)"""
        made = getattr(self, f"_{name}")
        return made is not None and made.isVisible()

    def _stop_overlays(self) -> None:
        """No countdown, no attract loop (those not made yet need no stopping)."""
        for made in (self._overlay, self._attract):
            if made is not None:
                made.stop()

    def _nobody_in_a_session(self) -> bool:
        return self.session.nobody_here(counting_down=self._showing("overlay"))

    # -- building ------------------------------------------------------------------------------
    def _look(self, width: int, height: int) -> Look:
        return Look(self.content.theme, width, height, family=self.family,
                    text_scale=LARGER_TEXT if self.larger_text else 1.0,
                    motion=not self.content.settings.reduced_motion)

    def _build(self) -> None:
        """(Re)create the screens for the current language and size, keeping the route.

        The screen on show is built at once, the others just after it is painted: a visitor
        (or the start of the kiosk) waits for one screen, not for five.
        """
        self.setStyleSheet(self.look.style_sheet())
        self.pictures.set_size(self.width(), self.height())
        for screen in self.screens.values():
            self.stack.removeWidget(screen)
            screen.deleteLater()
        self.screens = {}
        self._broken = set()
        self.nav.setVisible(built(self._build_nav, "the bar of buttons", self) is not None)
        self._show()
        self._rest_to_build = True  # once this screen is painted: see paintEvent

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._rest_to_build:
            self._rest_to_build = False
            self._rest_timer.start(BUILD_REST_AFTER_MS)

    def _build_the_rest(self) -> None:
        """Build the screens not yet built, one per turn of the event loop so that a tap in
        between is answered at once, each drawn once off screen: its layout, its map and the
        glyphs it needs are ready before a visitor taps its tile (the first visit of the network
        screen took 53 ms, the next ones 5)."""
        if not self.isVisible():  # closed, or hidden: its next paint starts this again
            self._rest_to_build = True
            return
        self._finish_home()  # what the home screen held back for its first frame
        missing = [name for name in self.pages()
                   if name not in self.screens and name not in self._broken]
        if not missing:
            return
        screen = self._screen(missing[0])
        if screen is not None:
            self._finish_home()  # it may be the one just built, off screen: nothing to wait for
            screen.resize(self.stack.size())
            self.pictures.keep(missing[0], screen.grab())
        if len(missing) > 1:
            self._rest_timer.start(0)

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
        screen = built(lambda: self._make_screen(name), f"the screen '{name}'", self)
        if screen is None:
            self._broken.add(name)
            return None
        self.screens[name] = screen
        self.stack.addWidget(screen)
        self._watch_scrolling(screen)
        return screen

    def _calm_screen(self) -> QWidget:
        """Shown when not even the home screen can be built."""
        if CALM not in self.screens:
            from .problems_view import CalmScreen

            self.screens[CALM] = CalmScreen(self.look, labels=self.content.labels)
            self.stack.addWidget(self.screens[CALM])
        return self.screens[CALM]

    def _make_screen(self, name: str) -> QWidget:
        content, look, language = self.content, self.look, self.language
        if name == "home":
            screen = HomeScreen(content, look, language)
            screen.page_requested.connect(lambda page: self.navigate(Route(page)))
        elif name == "network":
            from .network import NetworkScreen

            screen = NetworkScreen(content.network, content.labels, look, language)
            screen.detail_requested.connect(lambda key: self.navigate(Route("network", key)))
        else:
            from .section import SectionScreen

            screen = SectionScreen(content.pages[name], content.labels, look, language)
            screen.detail_requested.connect(
                lambda key, name=name: self.navigate(Route(name, key)))
        return screen

    def _watch_scrolling(self, screen: QWidget) -> None:
        """A kinetic scroll still moving is a visitor still there."""
        for body in screen.findChildren(QWidget, "scrollBody"):
            QScroller.scroller(body.parentWidget()).stateChanged.connect(self.idle.poke)

    def _build_nav(self) -> QWidget:
        look, labels, language = self.look, self.content.labels, self.language
        old = self.nav.layout()
        if old is not None:
            QWidget().setLayout(old)  # reparent the old layout and its buttons away
        row = hbox(look.gap)
        row.setContentsMargins(look.margin, look.px(20), look.margin, look.px(20))
        self.back_button = NavButton(look, labels.back.get(language), "fa6s.arrow-left")
        self.home_button = NavButton(look, labels.home.get(language), "fa6s.house")
        self.language_button = NavButton(look, labels.switch_language.get(language),
                                         "fa6s.language", name="lang")
        self.larger_text_button = NavButton(look, "", "fa6s.text-height", name="lang")
        self.larger_text_button.setAccessibleName(labels.larger_text.get(language))
        self.larger_text_button.setCheckable(True)
        self.larger_text_button.setChecked(self.larger_text)
        self.back_button.clicked.connect(self.back)
        self.home_button.clicked.connect(self.go_home)
        self.language_button.clicked.connect(self.toggle_language)
        self.larger_text_button.clicked.connect(self.toggle_larger_text)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        row.addWidget(self.larger_text_button)
        row.addWidget(self.language_button)
        self.nav.setLayout(row)
        return self.nav

    def _detail_view(self, route: Route) -> DetailView | None:
        siblings = self.content.siblings(route.page, route.detail)
        detail = next((d for d in siblings if d.id == route.detail), None)
        if detail is None:
            return None
        eyebrow = next((t.title.get(self.language) for t in self.content.tiles
                        if t.page == route.page), "")
        from .detail import DetailView

        def make() -> DetailView:
            return DetailView(detail, self.content.labels, self.look, self.language, eyebrow,
                              siblings, self._place_on_map(route), self._where(route),
                              self._near(route))

        view = built(make, f"the detail '{route.name}'", self)
        if view is not None:
            view.detail_requested.connect(lambda key: self.replace(Route(route.page, key)))
        return view

    def _location(self, route: Route) -> Location | None:
        """The network's location that `route` shows, if it shows one."""
        network = self.content.network
        if route.page != "network" or network is None:
            return None
        return next((loc for loc in network.locations if loc.id == route.detail), None)

    def _where(self, route: Route) -> str:
        """A location's distance and direction from the headquarters, in words."""
        place = self._location(route)
        if place is None or self.content.network is None:
            return ""
        from .detail import from_headquarters

        headquarters = next((loc for loc in self.content.network.locations if loc.headquarters),
                            None)
        return from_headquarters(place, headquarters, self.language) if headquarters else ""

    def _near(self, route: Route) -> list[tuple[str, str]]:
        """A location's nearest neighbours in the network, in words, to open from its page."""
        place = self._location(route)
        if place is None or self.content.network is None:
            return []
        from .detail import nearby

        return nearby(place, self.content.network.locations, self.language)

    def _place_on_map(self, route: Route) -> MapView | None:
        """A location's detail shows where it is: the network map with it marked."""
        network = self.content.network
        if self._location(route) is None or network is None:
            return None
        from .map_view import MapView

        look = self.look
        view = MapView(network.locations, look, self.language, network.map_image,
                       focus=route.detail)  # round the place, its neighbours named
        view.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)  # a picture here
        view.setAccessibleName(network.title.get(self.language))
        view.setFixedSize(look.px(960 if look.portrait else 840),
                          look.px(720 if look.portrait else 740))
        view.select(route.detail)
        return view

    # -- navigation ----------------------------------------------------------------------------
    def _fade_out(self, old: QWidget) -> None:
        """Cross-fade from the screen going away to the one coming (kiosk/ui/fade.py)."""
        self._end_fade()
        if not (self.look.motion and self.isVisible() and old.isVisible()):
            return
        from .fade import CrossFade

        self._fade = CrossFade(self.stack, old.grab(), TRANSITION_MS)
        self._fade.finished.connect(self._forget_fade)
        if self._overlay is not None:
            self._overlay.raise_()

    def _end_fade(self) -> None:
        if self._fade is not None:
            self._fade.end()

    def _forget_fade(self) -> None:
        if self._fade is not None:
            self._fade.deleteLater()
        self._fade = None

    def _show(self) -> None:
        """Draw the session's route; where its screen cannot be built, the next best."""
        route = self.session.route
        before = self.stack.currentWidget()
        self._fade_out(before or self.stack)
        old = self.screens.pop("detail", None)
        if route.detail:
            view = self._detail_view(route)
            if view is None:
                route = Route(route.page)
            else:
                self.screens["detail"] = view
                self.stack.addWidget(view)
                self._watch_scrolling(view)
        screen = self.screens["detail"] if route.detail else self._screen(route.page)
        if screen is None and route != HOME:  # it could not be built: home instead
            route, screen = HOME, self._screen("home")
        self.session.route = route
        self.stack.setCurrentWidget(screen or self._calm_screen())
        self._picture_instead(route, before)
        if old is not None:
            self.stack.removeWidget(old)
            old.deleteLater()
        if route.page == "network" and route.detail and "network" in self.screens:
            self.screens["network"].show_selected(route.detail)  # marked when the visitor is back
        # The bar stays (the screens keep their size, so nothing is laid out again); on the
        # home screen it holds the switches only, the larger-text one with its words.
        self.back_button.setVisible(route != HOME)
        self.home_button.setVisible(route != HOME)
        words = self.content.labels.larger_text.get(self.language)
        self.larger_text_button.setText(button_text(f"  {words}") if route == HOME else "")
        self.shown.emit(route.page, route.detail, self.language)

    def _picture_instead(self, route: Route, before: QWidget | None) -> None:
        """On a large display, the new screen's picture for this frame, the live screen from
        the next (kiosk/ui/pictures.py); the screen left behind is drawn again a moment later."""
        now = self.stack.currentWidget()
        if now is before:
            return
        page = not route.detail and now is self.screens.get(route.page)
        if self._fade is not None:  # the picture is where the fade ends
            picture = self.pictures.take(route.page) if page else None
            if not getattr(now, "count_ups", None):  # those count up from zero as it opens
                self._fade.end_on(picture)
        elif page:
            self.pictures.show(route.page)
        else:
            self.pictures.cover.take_away()
        left = next((name for name, screen in self.screens.items()
                     if screen is before and name in self.pages()), None)
        if left is not None:
            self.pictures.left(left, before)

    def replace(self, route: Route) -> None:
        """Move to a sibling detail: Back still returns to the list, not to the sibling."""
        self.session.at(route)
        self._show()

    def show_route(self, route: Route) -> None:
        """Go straight to a route, with no history (snapshots and tests)."""
        self.session.jump(route)
        self._show()

    def navigate(self, route: Route) -> None:
        if self.session.navigate(route):
            self._show()

    def back(self) -> None:
        self.session.back()
        self._show()

    def go_home(self) -> None:
        self.session.home()
        self._show()

    def toggle_language(self) -> None:
        self.session.toggle_language()
        self._build()

    def toggle_larger_text(self) -> None:
        self.session.toggle_larger_text()
        self.look = self._look(self.width(), self.height())
        self._build()

    # -- session -------------------------------------------------------------------------------
    def on_idle(self) -> None:
        action = self.session.on_idle(
            covered=self._showing("attract") or self._showing("closed_view"))
        if action is OnIdle.COUNTDOWN:
            settings = self.content.settings
            self.overlay.start(settings.countdown, self.look, self.content.labels, self.language)
        elif action is OnIdle.RESET:
            self.reset()
        elif action is OnIdle.LEFT:
            self.visitor_left.emit()
            if self.closed:
                self._show_closed()

    def on_long_idle(self) -> None:
        """Nobody for the attract delay: play the loop, on the home screen only."""
        if self.session.attract_now(counting_down=self._showing("overlay")):
            self.start_attract()

    def start_attract(self, slide_seconds: float | None = None) -> None:
        """The attract loop over the screens (`slide_seconds`: as the settings say)."""
        content = self.content
        self.attract.start(content.attract, slide_seconds or content.settings.attract_slide,
                           self.look, content.labels, self.language, self.look.motion,
                           content.organisation.name.get(self.language))

    def use_content(self, content: Content) -> None:
        """New content from staff: at once if nobody is in a session, else when it ends."""
        if self.session.offer(content, counting_down=self._showing("overlay")):
            self.reset()

    def reset(self) -> None:
        """End the visitor's session: home, default language, scroll positions, no details."""
        self.visitor_left.emit()
        if self.session.reset():  # new content: its idle times too
            settings = self.content.settings
            self.idle.set_timeout(round(settings.idle_timeout * 1000),
                                  round(settings.attract_delay * 1000))
        self._stop_overlays()
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
            if self._closed_view is not None:
                self._closed_view.hide()
        elif self._nobody_in_a_session():
            self._show_closed()

    def _show_closed(self) -> None:
        self._stop_overlays()
        self.closed_view.show_closed(self.look, self.content.organisation, self.content.labels,
                                     *self._opens_at)
        self.closed_shown.emit()

    # -- window --------------------------------------------------------------------------------
    @guarded
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        for made in (self._overlay, self._attract, self._closed_view):
            if made is not None:
                made.setGeometry(self.rect())
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
