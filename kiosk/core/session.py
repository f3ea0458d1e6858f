"""The visitor's session, with no Qt: where the visitor is and how they got there, the language,
text size, reading aloud and its volume they chose, content that waits for the session to end,
and whether the kiosk is closed. The kiosk window draws what this says (kiosk/ui/window.py);
the rules of navigating, of idling and of resetting live here, and are tested without a window
(tests/core/).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

from .content.model import Content
from .speech import DEFAULT_VOLUME, VOLUMES, louder, softer


class Route(NamedTuple):
    """A screen: a page ("home", a page of the content, "network"), and on it a detail."""

    page: str
    detail: str = ""

    @property
    def name(self) -> str:
        return f"{self.page}-{self.detail}" if self.detail else self.page


HOME = Route("home")


class OnIdle(Enum):
    """What the kiosk does when nobody has touched it for the idle timeout."""

    NOTHING = "nothing"  # the attract loop or the closed screen is already showing
    COUNTDOWN = "countdown"  # "Still there?" before the session ends
    RESET = "reset"  # on the home screen, but in the visitor's language or text size
    LEFT = "left"  # on the home screen as the kiosk starts: the visitor has gone


class Session:
    """One visitor's path through the kiosk, and the content it is shown with. A plain class,
    not a dataclass: this module is imported before the first frame, and the dataclasses
    module with its generated methods cost about 3 ms of every start (docs/performance.md)."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self.route: Route = HOME
        self.history: list[Route] = []
        self.language = content.settings.default_language
        self.larger_text = False
        self.speech = False  # reading aloud (kiosk/ui/speech_mode.py)
        self.volume = DEFAULT_VOLUME  # a step of kiosk/core/speech.py's VOLUMES
        self.closed = False
        self.waiting: Content | None = None  # new content from staff, shown when it ends
        # told of every move (the window draws the route): a visitor's tap, Back, Home, a jump
        self.moved: list[Callable[[Route], None]] = []

    # -- where the visitor is -------------------------------------------------------------------
    def pages(self) -> list[str]:
        content = self.content
        return ["home", *content.pages, *(["network"] if content.network else [])]

    def exists(self, route: Route) -> bool:
        """Is there such a page, and on it such a detail?"""
        if route.page not in self.pages():
            return False
        return not route.detail or any(
            d.id == route.detail for d in self.content.siblings(route.page, route.detail))

    def nearest(self, route: Route) -> Route:
        """`route` if it exists, else its page, else home."""
        if self.exists(route):
            return route
        return Route(route.page) if route.page in self.pages() else HOME

    def at(self, route: Route) -> Route:
        """Be at `route`, or at the nearest that exists (its page, else home); returns where."""
        route = self.nearest(route)
        self.route = route
        for listener in self.moved:
            listener(route)
        return route

    def navigate(self, route: Route) -> bool:
        """A visitor's tap: `route`, with the way back remembered. False if already there."""
        if route == self.route:
            return False
        self.history.append(self.route)
        self.at(route)
        return True

    def back(self) -> Route:
        return self.at(self.history.pop() if self.history else HOME)

    def home(self) -> Route:
        self.history.clear()
        return self.at(HOME)

    def jump(self, route: Route) -> Route:
        """Straight to `route` with no way back (snapshots and tests)."""
        self.history.clear()
        return self.at(route)

    # -- what the visitor changed ---------------------------------------------------------------
    def toggle_language(self) -> str:
        self.language = "zh" if self.language == "en" else "en"
        return self.language

    def toggle_larger_text(self) -> bool:
        self.larger_text = not self.larger_text
        return self.larger_text

    def toggle_speech(self) -> bool:
        self.speech = not self.speech
        return self.speech

    @property
    def volume_step(self) -> tuple[int, int]:
        """The volume as the bar shows it: its step from 1, of how many ("3/4")."""
        return self.volume + 1, len(VOLUMES)

    def next_volume(self) -> int:
        """The Volume button: a step louder, and from the loudest back to the softest."""
        self.volume = (self.volume + 1) % len(VOLUMES)
        return self.volume

    def louder(self) -> int:
        self.volume = louder(self.volume)
        return self.volume

    def softer(self) -> int:
        self.volume = softer(self.volume)
        return self.volume

    def switched(self) -> bool:
        """Has the visitor changed the language, the text size, reading aloud or its volume?"""
        return self.language != self.content.settings.default_language or self.larger_text \
            or self.speech or self.volume != DEFAULT_VOLUME

    def nobody_here(self, counting_down: bool) -> bool:
        """On the home screen as it starts, with no countdown: no visitor to interrupt."""
        return self.route == HOME and not counting_down and not self.switched()

    # -- the end of a session -------------------------------------------------------------------
    def on_idle(self, covered: bool) -> OnIdle:
        """Nobody for the idle timeout; `covered`: the attract loop or closed screen shows."""
        if covered:
            return OnIdle.NOTHING
        if self.route != HOME:
            return OnIdle.COUNTDOWN
        return OnIdle.RESET if self.switched() else OnIdle.LEFT

    def attract_now(self, counting_down: bool) -> bool:
        """Nobody for the attract delay: play the loop? On the home screen, open, with slides."""
        return not self.closed and self.route == HOME and not counting_down \
            and bool(self.content.attract)

    def offer(self, content: Content, counting_down: bool) -> bool:
        """New content from staff: kept until the session ends. True if it can be shown at once
        (nobody is in a session): the caller then resets."""
        self.waiting = content
        return self.nobody_here(counting_down)

    def replace(self, content: Content) -> Route:
        """New content at once, whoever is there (the preview of a save): the visitor stays
        where they were if it still exists (else on its page, else home), the way back keeps
        what still exists (and leads somewhere else at each step), the language and text size
        stay as they were. Returns where."""
        self.content, self.waiting = content, None
        self.route = self.nearest(self.route)
        kept: list[Route] = []
        for route in self.history:
            if self.exists(route) and route != (kept[-1] if kept else None):
                kept.append(route)
        while kept and kept[-1] == self.route:
            kept.pop()
        self.history = kept if self.route != HOME else []
        return self.route

    def reset(self) -> bool:
        """End the session: home, no way back, the default language and text size, reading
        aloud off at the default volume, and the content that waited. True if the content
        changed."""
        waited, self.waiting = self.waiting, None
        if waited is not None:
            self.content = waited
        self.history.clear()
        self.route = HOME
        self.language = self.content.settings.default_language
        self.larger_text = False
        self.speech, self.volume = False, DEFAULT_VOLUME
        return waited is not None
