"""Application-wide idle detection: one event filter restarting one single-shot timer.

Nothing polls: with nobody touching the screen the timer simply runs out once. Only real input
counts; hover, enter/leave and pointer moves with no button held arrive during animations with
nobody there, and must not keep a session alive.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from .timers import single_shot
from .watchers import off_the_window, on_the_window

INPUT_EVENTS = frozenset({
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseButtonRelease,
    QEvent.Type.MouseButtonDblClick,
    QEvent.Type.TouchBegin,
    QEvent.Type.TouchUpdate,
    QEvent.Type.TouchEnd,
    QEvent.Type.KeyPress,
    QEvent.Type.Wheel,
    QEvent.Type.TabletPress,
})


class IdleWatcher(QObject):
    """`idle` after `timeout_ms` with no input, `long_idle` after `long_timeout_ms`."""

    idle = Signal()
    long_idle = Signal()
    activity = Signal()  # a person touched the screen
    KINDS = INPUT_EVENTS | {QEvent.Type.MouseMove}  # the events it is given (watchers.py)

    def __init__(self, timeout_ms: int, long_timeout_ms: int = 0,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.timer = single_shot(self, self.idle, timeout_ms)
        self.long_timer = single_shot(self, self.long_idle, long_timeout_ms or 2 * timeout_ms)

    def start(self, window: QWidget) -> None:
        """Watch the input `window` is given (kiosk/qt/watchers.py), from now on."""
        on_the_window(window, self)
        self.poke()

    def stop(self, window: QWidget) -> None:
        off_the_window(window, self)
        self.timer.stop()
        self.long_timer.stop()

    def set_timeout(self, timeout_ms: int, long_timeout_ms: int = 0) -> None:
        self.timer.setInterval(timeout_ms)
        if long_timeout_ms:
            self.long_timer.setInterval(long_timeout_ms)

    def poke(self) -> None:
        """Count as activity (a kinetic scroll still moving, say)."""
        self.timer.start()
        self.long_timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not event.isInputEvent():  # paints, timers, layouts: most events, let through fast
            return False
        kind = event.type()
        if kind in INPUT_EVENTS or (
            kind == QEvent.Type.MouseMove and isinstance(event, QMouseEvent)
            and event.buttons() != Qt.MouseButton.NoButton
        ):
            self.poke()
            self.activity.emit()
        return False
