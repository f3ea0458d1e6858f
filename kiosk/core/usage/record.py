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


@dataclass(slots=True)
class Session:
    started: datetime
    language: str  # the language the session ended in
    seconds: float = 0.0
    views: list[View] = field(default_factory=list)


class SessionLog:
    """Builds sessions from what the window reports; hands each finished one to `save`."""

    def __init__(self, save: Callable[[Session], None], clock: Callable[[], datetime]):
        self.save = save
        self.clock = clock
        self.current: Session | None = None
        self.paused = False
        self._where = ("home", "", "en")

    def touched(self) -> None:
        """A touch: the first one starts a session on the screen on show."""
        if self.current is None and not self.paused:
            now = self.clock()
            screen, detail, language = self._where
            self.current = Session(now, language, views=[View(screen, detail, language, now)])

    def shown(self, screen: str, detail: str, language: str) -> None:
        """The window shows a screen (or a detail, or the same one in another language)."""
        self._where = (screen, detail, language)
        session = self.current
        if session is None:
            return
        now = self.clock()
        last = session.views[-1]
        if (last.screen, last.detail, last.language) == self._where:
            return
        last.seconds = (now - last.started).total_seconds()
        session.views.append(View(screen, detail, language, now))
        session.language = language

    def ended(self) -> None:
        """The visitor has gone (the idle reset): the session is saved."""
        session, self.current = self.current, None
        self.paused = False
        if session is None:
            return
        now = self.clock()
        last = session.views[-1]
        last.seconds = (now - last.started).total_seconds()
        session.seconds = (now - session.started).total_seconds()
        self.save(session)

    def discard(self) -> None:
        """Staff at the screen: not a visitor's session, until the next idle reset."""
        self.current = None
        self.paused = True
