"""What the probes share: the kiosk's window as the benchmark drives it, and figures."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYTHON = sys.executable
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # with a screen of its size: see run.py


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def kiosk_window(app, content, size, motion=False):
    from kiosk.qt.app_filter import ApplicationFilter
    from kiosk.qt.idle import IdleWatcher
    from kiosk.qt.lockdown import Lockdown
    from kiosk.qt.memory import trim_after_deletes
    from kiosk.ui.application import settle
    from kiosk.ui.window import KioskWindow

    content = content.with_settings(reduced_motion=not motion)
    family = app.font().family()  # the bundled fonts' family: bench/kiosk_app.py
    idle = IdleWatcher(3_600_000)
    window = KioskWindow(content, family, idle, size=size)
    window.session_reset.connect(trim_after_deletes)  # as kiosk/app.py wires it
    # the application's filter with the watchers kiosk/app.py gives it, so that every event
    # of a tap passes it as in the kiosk (docs/performance.md, 2026-12-04)
    filters = ApplicationFilter.of(app)
    for earlier in filters.watching():  # the earlier windows': one kiosk window at a time
        filters.unwatch(earlier)
    idle.start(app)
    filters.watch(Lockdown(window))
    window.show()
    settle(app)
    window.build_every_screen()  # as the kiosk does once its first frame is shown
    settle(app)
    return window


def tap_targets(window, rounds: int):
    """What a visitor taps, in turn: each page's tile on the home screen, then Back."""
    for _ in range(rounds):
        for page in window.pages()[1:]:
            yield window.screens["home"].tiles[page]
            yield window.back_button


def in_event_loop(app, steps) -> None:
    """Run the generator `steps` inside Qt's event loop (app.exec), as the kiosk runs: each
    `yield` gives the loop one turn, in which Qt does its posted work, deferred deletes of
    old screens included. (Driving Qt from outside its loop with sendPostedEvents, as the soak
    did before, leaves 24 bytes of Qt's bookkeeping behind for every object deleted, which the
    kiosk never does: docs/performance.md.)"""
    from PySide6.QtCore import QTimer

    def turn() -> None:
        try:
            next(steps)
        except StopIteration:
            app.exit(0)
            return
        QTimer.singleShot(0, turn)

    QTimer.singleShot(0, turn)
    app.exec()
