"""Opening hours on a timer: one single-shot timer to the next opening or closing time.

Nothing polls. The timer is capped at an hour so that a clock set forward or back (daylight
saving, a time server) is noticed within the hour.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer, Signal

from ..core.content.model import OpeningHours
from ..core.hours import is_open, next_change, next_opening

LONGEST_WAIT_MS = 3_600_000


class OpeningSchedule(QObject):
    changed = Signal(bool)  # open now?

    def __init__(self, hours: OpeningHours | None, clock: Callable[[], datetime] = datetime.now,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.hours = hours
        self.clock = clock
        self.open = is_open(hours, clock())
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.check)
        self._arm()

    def set_hours(self, hours: OpeningHours | None) -> None:
        self.hours = hours
        self.check()

    def opens_at(self) -> datetime | None:
        return next_opening(self.hours, self.clock())

    def check(self) -> None:
        now_open = is_open(self.hours, self.clock())
        if now_open != self.open:
            self.open = now_open
            self.changed.emit(now_open)
        self._arm()

    def _arm(self) -> None:
        now = self.clock()
        change = next_change(self.hours, now)
        if change is None:
            self._timer.stop()
            return
        wait = (change - now).total_seconds() * 1000
        self._timer.start(int(min(max(wait, 0) + 50, LONGEST_WAIT_MS)))
