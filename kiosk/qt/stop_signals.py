"""SIGTERM (systemctl stop or restart, a shutdown) and SIGINT (Ctrl+C) stop the kiosk cleanly:
the event loop ends, the session in progress is saved and the start is marked clean, as for
any exit. Killed by the default handler instead, the stop counted as a crash (three of them
within a minute start the kiosk on its last good content) and the session in progress was lost.

Python runs a signal handler only when the interpreter gets control, which an idle Qt event
loop does not give it; so the signal's number is written to a pipe (signal.set_wakeup_fd),
and a QSocketNotifier wakes the event loop to read it. Nothing polls. On Linux and macOS a pipe
(importing `socket` took 4 to 6 ms of every start); Windows takes sockets only.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier
from PySide6.QtWidgets import QApplication

log = logging.getLogger("kiosk")
SIGNALS = (signal.SIGTERM, signal.SIGINT)


class StopOnSignals(QObject):
    def __init__(self, app: QApplication, code: int = 0):
        super().__init__(app)
        self.code = code
        reader, writer, self._read, self._close = wakeup_ends()
        self._previous_fd = signal.set_wakeup_fd(writer)
        self._previous = {number: signal.signal(number, lambda *_: None) for number in SIGNALS}
        self._notifier = QSocketNotifier(reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)

    def _woken(self) -> None:
        try:
            numbers = self._read(64)
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
        self._close()


def wakeup_ends() -> tuple[int, int, Callable[[int], bytes], Callable[[], None]]:
    """Two connected non-blocking ends, to read and to write, with how to read the first and
    how to close both."""
    if sys.platform == "win32":
        import socket

        sockets = socket.socketpair()
        for end in sockets:
            end.setblocking(False)

        def close_sockets() -> None:
            for end in sockets:
                end.close()

        return sockets[0].fileno(), sockets[1].fileno(), sockets[0].recv, close_sockets
    reader, writer = os.pipe()
    for end in (reader, writer):
        os.set_blocking(end, False)

    def close_pipe() -> None:
        os.close(reader)
        os.close(writer)

    return reader, writer, lambda size: os.read(reader, size), close_pipe
