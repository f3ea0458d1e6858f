"""How late the event loop is: a timer that should fire every TICK_MS, and how much later than
that it did. A frozen screen (a long layout, a slow disk on the UI thread) is a late tick."""

from __future__ import annotations

import time

from PySide6.QtCore import QObject, Qt, QTimer

from ..core.metrics import LongestStall

TICK_MS = 100


class StallMeter(QObject):
    def __init__(self, stalls: LongestStall, parent: QObject | None = None,
                 tick_ms: int = TICK_MS):
        super().__init__(parent)
        self.stalls = stalls
        self.tick_s = tick_ms / 1000
        self._last = time.monotonic()
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self._tick)
        self._timer.start()

    def _tick(self) -> None:
        now = time.monotonic()
        self.stalls.add(now, max(0.0, now - self._last - self.tick_s))
        self._last = now
