"""SIGTERM (systemctl stop) is a clean stop: the session in progress is saved and the start is
not counted as a crash."""

import json
import os
import signal
import sqlite3
import subprocess
import sys

import pytest
from PySide6.QtWidgets import QApplication

from kiosk.qt.stop_signals import StopOnSignals

from ..samples import ROOT

SCRIPT = """
import sys
from kiosk import app
from kiosk.cli import main

def ready():
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from kiosk.ui.window import KioskWindow
    window = next(w for w in app.QApplication.topLevelWidgets() if isinstance(w, KioskWindow))
    tile = window.screens["home"].tiles["mission"]  # tapped as the display gives a tap
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, tile.mapTo(window, tile.rect().center()))
    print("visitor on", window.route.page, flush=True)

app.quit_when_shown = lambda: app.QTimer.singleShot(300, ready)
sys.exit(main(["--windowed", "--quit-when-shown"]))
"""


def test_sigterm_stops_the_kiosk_cleanly_and_saves_the_session_in_progress(tmp_path):
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(tmp_path / "state"),
               XDG_DATA_HOME=str(tmp_path / "data"), XDG_CONFIG_HOME=str(tmp_path / "config"))
    kiosk = subprocess.Popen([sys.executable, "-c", SCRIPT], env=env, cwd=ROOT, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        assert kiosk.stdout.readline().strip() == "visitor on mission"
        kiosk.send_signal(signal.SIGTERM)
        _, errors = kiosk.communicate(timeout=30)
    finally:
        kiosk.kill()
    assert kiosk.returncode == 0, errors
    assert "SIGTERM received: stopping" in errors
    assert "kiosk stopped (exit code 0)" in errors
    starts = json.loads((tmp_path / "state" / "kiosk" / "starts.json").read_text())
    assert [start["clean"] for start in starts] == [True]
    database = sqlite3.connect(tmp_path / "data" / "kiosk" / "usage.sqlite3")
    screens = database.execute("SELECT screen FROM views").fetchall()
    database.close()
    assert ("mission",) in screens


@pytest.mark.parametrize("platform", [sys.platform, "win32"])
def test_the_signal_wakes_an_idle_event_loop(qtbot, qapp, monkeypatch, platform):
    """Through a pipe; through a socket pair on Windows (which Linux takes as well)."""
    from PySide6.QtCore import QTimer

    monkeypatch.setattr(sys, "platform", platform)
    stopper = StopOnSignals(qapp, 7)
    monkeypatch.undo()
    codes = []
    lost = QTimer()  # ends the loop only if the signal was lost; stopped before the next test
    lost.setSingleShot(True)
    lost.timeout.connect(lambda: QApplication.exit(99))
    try:
        QTimer.singleShot(0, lambda: os.kill(os.getpid(), signal.SIGTERM))
        lost.start(5000)
        codes.append(qapp.exec())
    finally:
        lost.stop()
        stopper.close()
    assert codes == [7]
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_DFL
