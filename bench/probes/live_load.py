"""A save of content staff make while the kiosk runs: the screen's thread, as the new content's
screens are built, measured by how late a timer of 5 ms fires (a tap waits as long)."""

from __future__ import annotations

import time

from .common import kiosk_window

TICK_MS = 5


def live_load(app, content, large) -> dict:
    """The longest the event loop was held while the window took new content (the bundled file
    again, then the large one), every screen built ahead as the kiosk does after a save; and
    then while each page of the large file was opened and filled (kiosk/ui/slices.py)."""
    from kiosk.core.session import HOME, Route

    window = kiosk_window(app, content, (1920, 1080))
    window.build_ahead_ms = 0
    figures = {f"live_load_stall_ms_{name}": _held(window, lambda new=new: window.use_content(new))
               for name, new in (("bundled", content), ("large", large))}
    opened = []
    for page in window.pages()[1:]:
        opened.append(_held(window, lambda page=page: window.navigate(Route(page))))
        window.navigate(HOME)
    figures["open_stall_ms_large"] = max(opened)
    window.close()
    return figures


def _held(window, action) -> float:
    """Ms: the longest a timer fired late while `action` was done and the window built its
    screens."""
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
    action()  # as the content watcher gives it, or a visitor's tap
    loop.exec()
    return max(late, default=0.0)
