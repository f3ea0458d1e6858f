"""A save of content staff make while the kiosk runs: the screen's thread, as the new content's
screens are built, measured by how late a timer of 5 ms fires (a tap waits as long)."""

from __future__ import annotations

import time

from .common import kiosk_window

TICK_MS = 5


def live_load(app, content, large) -> dict:
    """The longest the event loop was held while the window took new content (the bundled file
    again, then the large one), every screen built ahead as the kiosk does after a save."""
    window = kiosk_window(app, content, (1920, 1080))
    window.build_ahead_ms = 0
    figures = {f"live_load_stall_ms_{name}": _held(window, new)
               for name, new in (("bundled", content), ("large", large))}
    window.close()
    return figures


def _held(window, new) -> float:
    """Ms: the longest a timer fired late while `window` took `new` and built its screens."""
    from PySide6.QtCore import QEventLoop, QTimer

    late: list[float] = []
    last = [time.perf_counter()]

    def tick() -> None:
        now = time.perf_counter()
        late.append((now - last[0]) * 1000 - TICK_MS)
        last[0] = now

    loop = QEventLoop()
    ticks, done = QTimer(), QTimer()
    ticks.setInterval(TICK_MS)
    ticks.timeout.connect(tick)
    done.setInterval(50)
    done.timeout.connect(lambda: None if window.building_ahead else loop.quit())
    ticks.start()
    done.start()
    window.use_content(new)  # as the content watcher gives it, nobody at the screen
    loop.exec()
    return max(late, default=0.0)
