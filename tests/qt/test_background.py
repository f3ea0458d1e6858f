"""Slow jobs off the UI thread: the result comes back on the UI thread, a job that raises
delivers None, one job at a time, and Python's collector waits while a job runs (a collection
on the job's thread would free other code's Qt objects there)."""

import gc
import logging
import threading

from kiosk.qt.background import Background


def test_the_result_comes_back_on_the_ui_thread(qtbot):
    background = Background("test job")
    ran_on, received_on = [], []
    background.done.connect(lambda result: received_on.append((result,
                                                               threading.current_thread())))
    with qtbot.waitSignal(background.done, timeout=10_000):
        assert background.start(lambda: ran_on.append(threading.current_thread()) or 42)
    assert ran_on[0] is not threading.main_thread()
    assert received_on == [(42, threading.main_thread())]
    assert not background.busy


def test_one_job_at_a_time_and_the_collector_waits_for_it(qtbot):
    background = Background("test job")
    go = threading.Event()
    assert gc.isenabled()
    with qtbot.waitSignal(background.done, timeout=10_000) as blocker:
        assert background.start(lambda: go.wait(10) and "first")
        assert background.busy and not gc.isenabled()
        assert not background.start(lambda: "second")  # refused while the first runs
        go.set()
    assert blocker.args == ["first"]
    assert gc.isenabled() and not background.busy


def test_a_job_that_raises_is_logged_and_delivers_none(qtbot, caplog):
    background = Background("test job")

    def broken():
        raise OSError("disk gone")

    with caplog.at_level(logging.ERROR, logger="kiosk"), \
            qtbot.waitSignal(background.done, timeout=10_000) as blocker:
        background.start(broken)
    assert blocker.args == [None]
    assert caplog.records[-1].getMessage() == "test job failed"
    assert "OSError: disk gone" in caplog.text


def test_a_job_whose_owner_is_deleted_still_lets_the_collector_resume(qtbot):
    """Its result can never be delivered: the collector, paused for the job, resumes when
    the owner goes (it stayed off for the rest of a test run before)."""
    from PySide6.QtCore import QObject

    from kiosk.qt import background as module

    owner = QObject()
    job = Background("orphan", owner)
    go = threading.Event()
    assert job.start(lambda: go.wait(10))
    assert not gc.isenabled()
    go.set()
    owner.deleteLater()
    qtbot.waitUntil(lambda: gc.isenabled() and not module._running, timeout=5000)
