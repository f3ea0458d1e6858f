"""The UI thread's longest pause while staff save a large file or check a PIN."""

from __future__ import annotations

import itertools
import statistics
import tempfile
import time
from pathlib import Path

from .scale import large_content


def longest_pause_ms(app, start, finished) -> float:
    """The longest the UI thread's event loop stops turning (a 1 ms timer's longest gap) from
    `start()` until `finished` is emitted."""
    from PySide6.QtCore import QTimer

    ticks = [time.perf_counter()]
    tick = QTimer()
    tick.setInterval(1)
    tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
    tick.start()

    def done(*_args) -> None:  # exit, not quit: quit asks the windows, and a kiosk's refuse
        app.exit(0)

    finished.connect(done)
    QTimer.singleShot(5, start)
    app.exec()
    finished.disconnect(done)
    tick.stop()
    ticks.append(time.perf_counter())
    return max(b - a for a, b in itertools.pairwise(ticks)) * 1000


def pauses(app, runs: int) -> dict:
    """What a visitor would feel while staff save a large content file (the scale file) and
    while staff check a PIN: the UI thread's longest pause with the work on it (as before,
    the baseline) and in a thread (kiosk/qt/background.py), measured in the same run."""
    from PySide6.QtCore import QObject, Signal

    from kiosk.core.content import load
    from kiosk.core.pin import PinGate, set_pin
    from kiosk.qt.background import Background
    from kiosk.qt.watcher import ContentWatcher

    class Done(QObject):
        done = Signal()

    figures: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content.yaml"
        path.write_text(large_content(), encoding="utf-8")
        settings = Path(folder) / "settings.json"
        set_pin(settings, "480916")
        gate = PinGate(settings)
        watcher = ContentWatcher(path, None)
        background = Background("bench")
        on_ui = Done()
        jobs = {"save": (lambda: load(path), watcher.reload, watcher.checked),
                "pin": (lambda: gate.check("480916"),
                        lambda: background.start(lambda: gate.check("480916")),
                        background.done)}
        for name, (job, start_off_ui, finished) in jobs.items():
            def on_ui_thread(job=job):
                job()
                on_ui.done.emit()

            before = [longest_pause_ms(app, on_ui_thread, on_ui.done) for _ in range(runs)]
            after = [longest_pause_ms(app, start_off_ui, finished) for _ in range(runs)]
            figures |= {f"{name}_pause_ms_on_ui_thread": statistics.median(before),
                        f"{name}_pause_ms": statistics.median(after)}
    return figures
