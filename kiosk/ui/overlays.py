"""What shows over the screens, each made when first needed: "Still there?", the attract loop
and the closed screen."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QRect
from PySide6.QtWidgets import QWidget

if TYPE_CHECKING:  # imported when first needed, after the first frame
    from .attract import AttractView
    from .closed import ClosedScreen
    from .countdown import CountdownOverlay


class Overlays:
    def __init__(self, window: QWidget, on_expired: Callable[[], None],
                 on_closed_touched: Callable[[], None]):
        """`on_expired`: the countdown ran out; `on_closed_touched`: a late visitor touched
        the closed screen."""
        self._window = window
        self._on_expired = on_expired
        self._on_closed_touched = on_closed_touched
        self._countdown: CountdownOverlay | None = None
        self._attract: AttractView | None = None
        self._closed: ClosedScreen | None = None

    @property
    def countdown(self) -> CountdownOverlay:
        """The "Still there?" countdown."""
        if self._countdown is None:
            from .countdown import CountdownOverlay

            self._countdown = CountdownOverlay(self._window)
            self._countdown.expired.connect(self._on_expired)
        return self._countdown

    @property
    def attract(self) -> AttractView:
        if self._attract is None:
            from .attract import AttractView

            self._attract = AttractView(self._window)
        return self._attract

    @property
    def closed(self) -> ClosedScreen:
        """Outside opening hours."""
        if self._closed is None:
            from .closed import ClosedScreen

            self._closed = ClosedScreen(self._window)
            self._closed.touched.connect(self._on_closed_touched)
        return self._closed

    # -- asking does not make them ----------------------------------------------------------
    @property
    def counting_down(self) -> bool:
        return self._countdown is not None and self._countdown.isVisible()

    @property
    def covered(self) -> bool:
        """The attract loop or the closed screen is over the screens."""
        return any(made is not None and made.isVisible() for made in (self._attract, self._closed))

    def stop(self) -> None:
        """No countdown, no attract loop."""
        for made in (self._countdown, self._attract):
            if made is not None:
                made.stop()

    def hide_closed(self) -> None:
        if self._closed is not None:
            self._closed.hide()

    def keep_countdown_on_top(self) -> None:
        if self._countdown is not None:
            self._countdown.raise_()

    def fit(self, rect: QRect) -> None:
        for made in (self._countdown, self._attract, self._closed):
            if made is not None:
                made.setGeometry(rect)
