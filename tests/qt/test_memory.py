"""Memory given back to the system (kiosk/qt/memory.py): large blocks freed are returned at once."""

import gc
import os
import subprocess
import sys

import pytest

from ..samples import ROOT

SCRIPT = """
import sys
from kiosk.qt import memory

def rss_mib():
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:")) / 1024

if sys.argv[1] == "fixed":
    assert memory.keep_large_blocks_returnable()
warm = bytearray(8 << 20); del warm          # glibc now raises its threshold (unless fixed)
before = rss_mib()
shots = [bytearray(8 << 20) for _ in range(6)]  # six 1920x1080 screenshots, pages touched
for shot in shots:
    shot[::4096] = b"x" * len(shot[::4096])
pin = bytearray(256 << 10)                     # a smaller block allocated after them
del shots, shot
print(round(rss_mib() - before, 1))
"""


def kept_after_freeing(mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=True).stdout
    return float(out)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_freed_screenshots_go_back_to_the_system():
    assert kept_after_freeing("glibc default") > 40  # what the kiosk used to keep
    assert kept_after_freeing("fixed") < 8


STARTED = """
import gc, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
import kiosk.app
from kiosk import cli
from kiosk.qt.background import any_running

seen = {}

def report():
    if any_running():  # a job begun after the first frame (the speech engine opening) pauses it
        QTimer.singleShot(20, report)
        return
    print("enabled" if gc.isenabled() else "disabled", gc.get_freeze_count() > 0,
          seen["during"], flush=True)
    QApplication.exit(0)

def run(args):
    seen["during"] = "paused" if not gc.isenabled() else "running"
    return real_run(args)

real_run = kiosk.app.run
kiosk.app.run = run
kiosk.app.quit_when_shown = lambda: QTimer.singleShot(0, report)  # after the first frame's work
sys.exit(cli.main(["--windowed", "--quit-when-shown"]))
"""


def test_the_collector_is_paused_while_starting_and_runs_after_the_first_frame(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_STATE_HOME": str(tmp_path),
           "XDG_DATA_HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", STARTED], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=True, env=env).stdout
    assert out.split() == ["enabled", "True", "paused"]


def test_the_collector_runs_again_if_the_kiosk_stops_before_its_first_frame(monkeypatch):
    from kiosk import cli

    monkeypatch.setattr("kiosk.app.run", lambda args: cli.ExitCode.NO_DISPLAY)
    assert cli.main(["--windowed"]) == cli.ExitCode.NO_DISPLAY
    assert gc.isenabled()


def test_a_trim_after_a_session_waits_for_the_old_screens_to_go(qtbot, monkeypatch):
    """The old screens are let go with deleteLater; trimmed before they are deleted, their
    memory stayed with the kiosk until the next session."""
    from PySide6.QtCore import QObject

    from kiosk.qt import memory

    old_screen, gone, trimmed = QObject(), [], []
    old_screen.destroyed.connect(lambda: gone.append(True))
    monkeypatch.setattr(memory, "trim", lambda: trimmed.append(bool(gone)) or True)
    old_screen.deleteLater()
    memory.trim_after_deletes()
    qtbot.waitUntil(lambda: len(trimmed) > 0)
    assert trimmed == [True]


def test_the_collector_changes_wait_for_a_jobs_thread_to_end(qtbot):
    """The metrics server's start and stop switch the automatic collector off and on; while a
    job runs in a thread of its own, neither may let a collection start there (it would free
    Qt objects on the wrong thread: a worker crashed in CI so)."""
    import threading

    from kiosk.qt import memory
    from kiosk.qt.background import Background

    gate = threading.Event()
    job = Background("test job")
    with qtbot.waitSignal(job.done, timeout=5000):
        assert job.start(lambda: gate.wait(5))
        timer = memory.collect_on_ui_thread(None)  # while the job runs
        gate.set()
    assert not gc.isenabled()  # the job delivered: the collector stays off, as asked
    gate.clear()
    with qtbot.waitSignal(job.done, timeout=5000):
        assert job.start(lambda: gate.wait(5))
        memory.collect_as_usual(timer)
        assert not gc.isenabled()  # a job's thread runs: not yet
        gate.set()
    assert gc.isenabled() and not memory.ui_thread_only()
