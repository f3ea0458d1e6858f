"""systemd's watchdog is told of the first frame and pinged from the event loop, over a real
notification socket as systemd gives it (sd_notify(3))."""

import os
import socket

import pytest
from PySide6.QtCore import QElapsedTimer
from PySide6.QtWidgets import QApplication

from kiosk.qt.watchdog import ServiceWatchdog

from ..samples import run_kiosk


@pytest.fixture
def notify_socket(tmp_path):
    """What systemd listens on: a datagram socket; its messages, as they come."""
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    listening.bind(str(tmp_path / "notify"))
    listening.setblocking(False)
    yield listening
    listening.close()


def received(listening) -> list[str]:
    messages = []
    while True:
        try:
            messages.append(listening.recv(4096).decode())
        except BlockingIOError:
            return messages


def test_ready_then_pings_from_the_event_loop_only(qtbot, notify_socket, tmp_path):
    watchdog = ServiceWatchdog(environ={"NOTIFY_SOCKET": str(tmp_path / "notify"),
                                        "WATCHDOG_USEC": "60000"})  # 60 ms: a ping every 30
    assert watchdog.timer.interval() == 30
    watchdog.ready()
    assert received(notify_socket) == ["READY=1"]
    seen: list[str] = []
    qtbot.waitUntil(lambda: seen.extend(received(notify_socket)) or len(seen) >= 2, timeout=5000)
    assert set(seen) == {"WATCHDOG=1"}
    busy = QElapsedTimer()  # the UI thread busy (a frozen screen) for four intervals
    busy.start()
    while busy.elapsed() < 120:
        pass
    assert received(notify_socket) == []  # no ping while the loop was not turning
    watchdog.stopping()
    QApplication.processEvents()
    assert received(notify_socket)[-1:] == ["STOPPING=1"]
    assert not watchdog.timer.isActive()


def test_an_abstract_socket_address(qtbot):
    listening = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    name = f"kiosk-test-{os.getpid()}"
    listening.bind("\0" + name)
    listening.setblocking(False)
    try:
        ServiceWatchdog(environ={"NOTIFY_SOCKET": "@" + name}).ready()
        assert received(listening) == ["READY=1"]
    finally:
        listening.close()


@pytest.mark.parametrize("environ", [{}, {"NOTIFY_SOCKET": "/nonexistent/notify",
                                          "WATCHDOG_USEC": "30000000"},
                                     {"NOTIFY_SOCKET": "/x", "WATCHDOG_USEC": "soon"}])
def test_without_systemd_or_with_a_bad_address_the_kiosk_runs_on(qapp, environ, caplog):
    watchdog = ServiceWatchdog(environ=environ)
    watchdog.ready()
    watchdog.ready()
    assert watchdog.timer.isActive() == (environ.get("WATCHDOG_USEC") == "30000000")
    warnings = [r.getMessage() for r in caplog.records]
    if environ.get("NOTIFY_SOCKET"):
        assert len(warnings) == 1  # said once
        address = environ["NOTIFY_SOCKET"]
        assert warnings[0].startswith(f"cannot tell systemd READY=1 at '{address}'")
    else:
        assert warnings == []
    watchdog.stopping()


def test_the_kiosk_tells_systemd_it_is_ready_once_its_first_frame_is_drawn(notify_socket,
                                                                           tmp_path):
    result = run_kiosk(tmp_path, 400, NOTIFY_SOCKET=str(tmp_path / "notify"),
                       WATCHDOG_USEC="100000")
    assert result.returncode == 0, result.stderr
    messages = received(notify_socket)
    assert messages[0] == "READY=1" and messages[-1] == "STOPPING=1"
    assert "WATCHDOG=1" in messages  # pinged every 50 ms for 400
