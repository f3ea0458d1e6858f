"""Staff access, wired: the hidden gesture opens the PIN pad, the right PIN the staff panel.

The panel's buttons are passed on as signals; the application decides what reload, restart
and exit mean. The idle reset closes the pad and the panel, so neither is left open for the
next visitor.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from ..core.pin import PinGate
from ..qt.watchers import on_the_window
from .pin_pad import PinPad
from .staff_gesture import StaffGesture
from .staff_panel import StaffPanel, StaffStatus
from .window import KioskWindow


class StaffDesk(QObject):
    pad_opened = Signal()
    reload_requested = Signal()
    restart_requested = Signal()
    exit_requested = Signal()

    def __init__(self, window: KioskWindow, gate: PinGate, status: Callable[[], StaffStatus],
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(window)
        self.window = window
        self.status = status
        self.gesture = StaffGesture(window, clock)
        self.pad = PinPad(window, gate)
        self.panel = StaffPanel(window)
        self.gesture.made.connect(self.open_pad)
        self.pad.accepted.connect(self.open_panel)
        self.panel.reload.connect(self._reload)
        self.panel.restart.connect(self.restart_requested)
        self.panel.exit_app.connect(self.exit_requested)
        window.session_reset.connect(self.close)

    def start(self) -> None:
        on_the_window(self.window, self.gesture)

    def open_pad(self) -> None:
        if self.pad.isVisible() or self.panel.isVisible():
            return
        self.pad_opened.emit()
        self.pad.open(self.window.look, self.window.language)

    def open_panel(self) -> None:
        self.panel.open(self.window.look, self.window.language, self.status())

    def _reload(self) -> None:
        self.panel.checking()  # the application opens the panel again once it is checked
        self.reload_requested.emit()

    def close(self) -> None:
        self.pad.hide()
        self.panel.hide()
