"""One visitor's session as plain data, and the bookkeeping that builds it as they tap.

A session runs from the first touch to the idle reset; each screen or detail shown in it is a
view with its time on screen and its language. Nothing identifies the visitor.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(slots=True)
class View:
    screen: str
    detail: str
    language: str
    started: datetime
    seconds: float = 0.0
    link: str = ""  # the address of the take-away QR code the screen showed, if any


@dataclass(slots=True)
class Tap:
    """Where a touch fell, as a share of the window's width and height (0 to 1), on which
    screen, and the kind of control it pressed ("" for none): "tile", "item", "nav", ..."""

    screen: str
    detail: str
    x: float
    y: float
    control: str = ""


ENDINGS = ("idle", "left", "staff", "stopped")  # how a session ended: see SessionLog


@dataclass(slots=True)
class Session:
    started: datetime
    language: str  # the language the session ended in
    seconds: float = 0.0
    views: list[View] = field(default_factory=list)
    taps: list[Tap] = field(default_factory=list)
    # "idle": "Still there?" ran out; "left": the visitor went home and walked away; "staff":
    # the staff panel opened; "stopped": the kiosk stopped; "" : not recorded (an older kiosk)
    ended: str = ""
    from_attract: bool = False  # the first touch ended the attract loop
    stayed: int = 0  # "Still there?" answered
    language_switches: int = 0
    text_switches: int = 0


@dataclass(slots=True)
class AttractRun:
    """One showing of the attract loop: how long, and whether a touch ended it."""

    started: datetime
    seconds: float = 0.0
    woken: bool = False


class SessionLog:
    """Builds sessions from what the window reports; hands each finished one to `save`, and
    each showing of the attract loop to `save_attract`."""

    def __init__(self, save: Callable[[Session], None], clock: Callable[[], datetime],
                 save_attract: Callable[[AttractRun], None] = lambda run: None):
        self.save = save
        self.save_attract = save_attract
        self.clock = clock
        self.current: Session | None = None
        self.paused = False
        self._where = ("home", "", "en", "")
        self._attract: AttractRun | None = None
        self._woke_it = False  # the touch about to start a session ended the attract loop

    def touched(self) -> None:
        """A touch: the first one starts a session on the screen on show."""
        if self.current is None and not self.paused:
            now = self.clock()
            screen, detail, language, link = self._where
            self.current = Session(now, language, views=[View(screen, detail, language, now,
                                                              link=link)],
                                   from_attract=self._woke_it)
        self._woke_it = False

    def tapped(self, x: float, y: float, control: str) -> None:
        """Where a touch fell (shares of the window) and what it pressed, on the screen on
        show; the first starts the session."""
        self.touched()
        if self.current is not None:
            screen, detail, _, _ = self._where
            self.current.taps.append(Tap(screen, detail, round(min(max(x, 0.0), 1.0), 4),
                                         round(min(max(y, 0.0), 1.0), 4), control))

    def shown(self, screen: str, detail: str, language: str, link: str = "") -> None:
        """The window shows a screen (or a detail, or the same one in another language)."""
        self._where = (screen, detail, language, link)
        session = self.current
        if session is None:
            return
        now = self.clock()
        last = session.views[-1]
        if (last.screen, last.detail, last.language) == (screen, detail, language):
            return
        if last.language != language:
            session.language_switches += 1
        last.seconds = (now - last.started).total_seconds()
        session.views.append(View(screen, detail, language, now, link=link))
        session.language = language

    def text_switched(self) -> None:
        if self.current is not None:
            self.current.text_switches += 1

    def stayed(self) -> None:
        """"Still there?" answered: the visitor stays."""
        if self.current is not None:
            self.current.stayed += 1

    def attract_started(self) -> None:
        self._attract = AttractRun(self.clock())

    def attract_ended(self, woken: bool) -> None:
        """The attract loop ended: by a touch (`woken`, which then starts a session) or not."""
        run, self._attract = self._attract, None
        if run is None:
            return
        run.seconds = (self.clock() - run.started).total_seconds()
        run.woken = woken
        if woken and self.current is not None and len(self.current.views) == 1 \
                and self.current.started >= run.started:
            self.current.from_attract = True  # its touch was seen first, as it began
        else:
            self._woke_it = woken
        self.save_attract(run)

    def ended(self, how: str = "idle") -> None:
        """The visitor has gone (`how`: one of ENDINGS): the session is saved."""
        session, self.current = self.current, None
        self.paused = False
        if session is None:
            return
        now = self.clock()
        last = session.views[-1]
        last.seconds = (now - last.started).total_seconds()
        session.seconds = (now - session.started).total_seconds()
        session.ended = how
        self.save(session)

    def discard(self) -> None:
        """Staff at the screen: not a visitor's session, until the next idle reset."""
        self.current = None
        self.paused = True
