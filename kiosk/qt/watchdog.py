"""Tells systemd that the kiosk is up and still answering, from its event loop.

Under deploy/kiosk.service (Type=notify, WatchdogSec=) systemd gives the kiosk a socket
(NOTIFY_SOCKET) and a time (WATCHDOG_USEC): the kiosk says READY=1 once its first frame is
drawn and WATCHDOG=1 every half of that time, from a timer of the UI thread's event loop, not
from another thread. A screen frozen for longer stops the pings, and systemd ends the service
and starts it again. The message format is sd_notify(3)'s; a datagram needs no library.

WATCHDOG_PID is not checked: the service's main process is the cage compositor, which starts
the kiosk (NotifyAccess=all lets the kiosk speak for it). Without NOTIFY_SOCKET, nothing is
sent and no timer runs.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

if TYPE_CHECKING:
    import socket

log = logging.getLogger("kiosk")


class ServiceWatchdog(QObject):
    def __init__(self, parent: QObject | None = None, environ: Mapping[str, str] = os.environ):
        super().__init__(parent)
        address = environ.get("NOTIFY_SOCKET", "")
        if address.startswith("@"):  # a socket in the abstract namespace
            address = "\0" + address[1:]
        self.address = address
        self._socket: socket.socket | None = None
        self._failed = False
        self.timer = QTimer(self)
        self.timer.timeout.connect(lambda: self.send("WATCHDOG=1"))
        try:
            watchdog_us = int(environ.get("WATCHDOG_USEC", "0"))
        except ValueError:
            watchdog_us = 0
        if address and watchdog_us > 0:
            self.timer.setInterval(max(1, watchdog_us // 2000))  # half the time, in ms

    def ready(self) -> None:
        """The first frame is drawn: ready, and the pings begin."""
        self.send("READY=1")
        if self.timer.interval() > 0 and self.address:
            self.timer.start()

    def stopping(self) -> None:
        self.timer.stop()
        self.send("STOPPING=1")

    def send(self, message: str) -> None:
        if not self.address:
            return
        try:
            if self._socket is None:
                import socket  # here, not at every start: 4 to 6 ms (kiosk/qt/stop_signals.py)

                self._socket = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
            self._socket.sendto(message.encode("ascii"), self.address)
        except OSError as exc:
            if not self._failed:  # once: the kiosk runs on without systemd's watch
                log.warning("cannot tell systemd %s at %r: %s", message, self.address, exc)
            self._failed = True
