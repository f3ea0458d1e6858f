"""The hidden gesture that opens the staff PIN pad: a long press in the top-left corner, then,
within a few seconds, three taps in the top-right corner. A visitor does not stumble on it:
the corners hold no controls, and a tap anywhere else starts over."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

HOLD_S = 2.0
TAPS = 3
WITHIN_S = 6.0
CORNER = 0.12  # of the screen's shorter side


class StaffGesture(QObject):
    made = Signal()
    KINDS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease})

    def __init__(self, window: QWidget, clock: Callable[[], float] = time.monotonic,
                 hold_s: float = HOLD_S, within_s: float = WITHIN_S):
        super().__init__(window)
        self.window = window
        self.clock = clock
        self.hold_s = hold_s
        self.within_s = within_s
        self._pressed_at: float | None = None
        self._armed_at: float | None = None
        self._taps = 0

    def corner(self, position: QPointF) -> str:
        side = CORNER * min(self.window.width(), self.window.height())
        if position.y() > side:
            return ""
        if position.x() < side:
            return "left"
        return "right" if position.x() > self.window.width() - side else ""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind not in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonRelease) \
                or not isinstance(event, QMouseEvent):
            return False
        # as the window receives it (kiosk/qt/watchers.py): each press and release once
        where = self.corner(event.position())
        now = self.clock()
        if kind == QEvent.Type.MouseButtonPress:
            self._press(where, now)
        else:
            self._release(where, now)
        return False

    def _press(self, where: str, now: float) -> None:
        if self._armed_at is not None and where == "right" \
                and now - self._armed_at <= self.within_s:
            return  # counted on release
        self._armed_at = None
        self._taps = 0
        self._pressed_at = now if where == "left" else None

    def _release(self, where: str, now: float) -> None:
        if self._armed_at is not None:
            if where != "right" or now - self._armed_at > self.within_s:
                self._armed_at, self._taps = None, 0
                return
            self._taps += 1
            if self._taps >= TAPS:
                self._armed_at, self._taps = None, 0
                self.made.emit()
            return
        if where == "left" and self._pressed_at is not None \
                and now - self._pressed_at >= self.hold_s:
            self._armed_at = now
        self._pressed_at = None
