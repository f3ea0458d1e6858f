"""One slow job at a time off the UI thread, its result handed back on the UI thread.

Reading and checking a saved content file (up to a second at the size limit) and checking a
staff PIN (a slow hash on purpose, 0.2-0.6 s) would otherwise freeze the screen in front of a
visitor. The job runs in a plain Python thread; its result comes back through a queued signal,
so whoever receives `done` is on the UI thread. A job that raises is logged and delivers None:
the owner is never left waiting for ever.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal, Slot

log = logging.getLogger("kiosk")


class Background(QObject):
    done = Signal(object)  # the job's result (None if it raised), on the UI thread
    _finished = Signal(object)  # emitted in the job's thread, queued to this object's

    def __init__(self, name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.name = name
        self._thread: threading.Thread | None = None
        self._finished.connect(self._deliver)

    @property
    def busy(self) -> bool:
        return self._thread is not None

    def start(self, job: Callable[[], object]) -> bool:
        """Run `job` in a thread of its own; False (and nothing run) if one is still running."""
        if self._thread is not None:
            return False
        self._thread = threading.Thread(target=self._run, args=(job,), name=self.name,
                                        daemon=True)  # a stop never waits for a slow job
        self._thread.start()
        return True

    def _run(self, job: Callable[[], object]) -> None:
        try:
            result = job()
        except Exception:
            log.exception("%s failed", self.name)
            result = None
        try:
            self._finished.emit(result)
        except RuntimeError:  # the owner was deleted meanwhile (the kiosk is stopping)
            pass

    @Slot(object)
    def _deliver(self, result: object) -> None:
        self._thread = None
        self.done.emit(result)
