"""What recording taps costs a tap (kiosk/qt/taps.py, kiosk/core/usage): taps delivered to the
window as the display delivers them, from the tap to the next screen painted, with the usage
recording attached and without, in turn in one run (without, before and after: the machine's
drift shows); and the time to save the session, with its taps, at its end."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from .common import kiosk_window, p95, tap_targets


def window_taps(app, window, rounds: int) -> list[float]:
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    times = []
    for widget in tap_targets(window, rounds):
        point = QPoint(widget.mapTo(window, widget.rect().center()))
        begin = time.perf_counter()
        QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=point)
        app.sendPostedEvents()
        times.append((time.perf_counter() - begin) * 1000)
    return times


def recording(app, content, rounds: int) -> dict:
    from kiosk import services
    from kiosk.core import paths

    figures: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        original = paths.usage_database
        paths.usage_database = lambda create=True: Path(folder) / "usage.sqlite3"
        try:
            for name, record in (("unrecorded", False), ("recorded", True),
                                 ("unrecorded_again", False)):
                window = kiosk_window(app, content, (1920, 1080))
                store = sessions = None
                if record:
                    store, sessions = services.record_usage(window, window.idle)
                times = window_taps(app, window, rounds)
                if store is not None and sessions is not None:
                    begin = time.perf_counter()
                    sessions.ended("idle")  # the session saved, with its taps
                    figures["session_save_ms"] = (time.perf_counter() - begin) * 1000
                    figures["recorded_taps"] = sum(len(s.taps) for s in store.sessions())
                    store.close()
                figures[f"tap_ms_p95_{name}"] = p95(times)
                window.close()
        finally:
            paths.usage_database = original
    return figures
