"""SIGTERM (systemctl stop or restart, a shutdown) and SIGINT (Ctrl+C) stop the kiosk cleanly:
the event loop ends, the session in progress is saved and the start is marked clean, as for
any exit. Killed by the default handler instead, the stop counted as a crash (three of them
within a minute start the kiosk on its last good content) and the session in progress was lost.

Python runs a signal handler only when the interpreter gets control, which an idle Qt event
loop does not give it; so the signal's number is written to a socket (signal.set_wakeup_fd),
and a QSocketNotifier wakes the event loop to read it. Nothing polls.
"""

from __future__ import annotations

import logging
import signal
import socket

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk")
SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopOnSignals(QObject):
    def __init__(self, app: QApplication, code: int = 0):
        super().__init__(app)
        self.code = code
        self._reader, self._writer = socket.socketpair()
        for end in (self._reader, self._writer):
            end.setblocking(False)
        self._previous_fd = signal.set_wakeup_fd(self._writer.fileno())
        self._previous = {number: signal.signal(number, lambda *_: None) for number in SIGNALS}
        self._notifier = QSocketNotifier(self._reader.fileno(), QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            numbers = self._reader.recv(64)
        except OSError:
            return
        for number in numbers:
            if number in SIGNALS:
                log.info("%s received: stopping", signal.Signals(number).name)
                QApplication.exit(self.code)
                return

    def close(self) -> None:
        """Give the signals back to their earlier handlers (for tests)."""
        self._notifier.setEnabled(False)
        signal.set_wakeup_fd(self._previous_fd)
        for number, handler in self._previous.items():
            signal.signal(number, handler)
        self._reader.close()
        self._writer.close()
