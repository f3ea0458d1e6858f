"""Application-wide idle detection: one event filter restarting one single-shot timer.

Nothing polls: with nobody touching the screen the timer simply runs out once. Only real input
counts; hover, enter/leave and pointer moves with no button held arrive during animations with
nobody there, and must not keep a session alive.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

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
    idle = Signal()

    def __init__(self, timeout_ms: int, parent: QObject | None = None):
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(timeout_ms)
        self.timer.timeout.connect(self.idle)

    def start(self, app: QApplication) -> None:
        app.installEventFilter(self)
        self.timer.start()

    def stop(self, app: QApplication) -> None:
        app.removeEventFilter(self)
        self.timer.stop()

    def set_timeout(self, timeout_ms: int) -> None:
        self.timer.setInterval(timeout_ms)

    def poke(self) -> None:
        """Count as activity (a kinetic scroll still moving, say)."""
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in INPUT_EVENTS or (
            kind == QEvent.Type.MouseMove and event.buttons() != Qt.MouseButton.NoButton
        ):
            self.timer.start()
        return False
