"""One slow job at a time off the UI thread, its result handed back on the UI thread.

Reading and checking a saved content file (up to a second at the size limit) and checking a
staff PIN (a slow hash on purpose, 0.2-0.6 s) would otherwise freeze the screen in front of a
visitor. The job runs in a plain Python thread; its result comes back through a queued signal,
so whoever receives `done` is on the UI thread. A job that raises is logged and delivers None:
the owner is never left waiting for ever.

Qt objects must be destroyed on the thread they live on, and Python may destroy one wherever
it drops the last reference or collects a cycle. So the job is given plain data only (never a
widget or a QObject); the Background object is kept referenced from the UI thread while its
job runs, so the job's thread never drops the last reference to it; and Python's cyclic
garbage collector is paused while any job runs (a collection started by the job's allocations
would free other code's Qt objects on the job's thread: the test suite crashed with heap
corruption that way). It is resumed on the UI thread when the last job is delivered.
"""

from __future__ import annotations

import gc
import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Signal, SignalInstance, Slot

log = logging.getLogger("kiosk")

# Each Background whose job runs, and the job's thread: referenced here, on the UI thread,
# until the thread has ended, so that the thread never holds the last reference to it.
_running: dict[Background, threading.Thread] = {}
_collector_was_on = False


def _pause_collector() -> None:
    global _collector_was_on
    if not _running:
        _collector_was_on = gc.isenabled()
        gc.disable()


def collector_wanted(on: bool) -> None:
    """The automatic collector on or off (kiosk/qt/memory.py decides); while a job runs, the
    change waits for the last one to be delivered, as the pause above does."""
    global _collector_was_on
    if _running:
        _collector_was_on = on
    elif on:
        gc.enable()
    else:
        gc.disable()


def _abandoned(job: Background) -> None:
    thread = _running.pop(job, None)
    if thread is not None:
        thread.join()
        _resume_collector()


def any_running() -> bool:
    """Whether any job is running (the collector is paused until none is)."""
    return bool(_running)


def _resume_collector() -> None:
    if not _running and _collector_was_on:
        gc.enable()


class Background(QObject):
    done = Signal(object)  # the job's result (None if it raised), on the UI thread
    _finished = Signal(object)  # emitted in the job's thread, queued to this object's

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._finished.connect(self._deliver)
        # deleted with its owner while its job runs: the result can never be delivered, so the
        # thread is waited for here and the collector resumed all the same
        self.destroyed.connect(lambda *_args, job=self: _abandoned(job))

    @property
    def busy(self) -> bool:
        return self in _running

    def start(self, job: Callable[[], object]) -> bool:
        """Run `job` (given plain data only) in a thread of its own; False, and nothing run,
        if this object's last job is still running."""
        if self in _running:
            return False
        _pause_collector()
        thread = threading.Thread(target=_run, args=(job, self.name, self._finished),
                                  name=self.name, daemon=True)  # a stop never waits for it
        _running[self] = thread
        thread.start()
        return True

    def finish(self) -> None:
        """Wait for the job in progress, if any, and deliver its result now: before this
        object's owner goes (a result queued to a deleted object is never delivered, and the
        collector, paused for the job, would never resume)."""
        thread = _running.get(self)
        if thread is not None:
            thread.join()
            QCoreApplication.sendPostedEvents(self)  # the queued result: _deliver, now

    @Slot(object)
    def _deliver(self, result: object) -> None:
        _running.pop(self).join()  # it has emitted: it ends at once, dropping its references
        _resume_collector()
        self.done.emit(result)


def _run(job: Callable[[], object], name: str, finished: SignalInstance) -> None:
    try:
        result = job()
    except Exception:
        log.exception("%s failed", name)
        result = None
    try:
        finished.emit(result)
    except RuntimeError:  # the owner was deleted meanwhile (the kiosk is stopping)
        pass
