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
    from kiosk.qt.idle import IdleWatcher
    from kiosk.qt.lockdown import Lockdown
    from kiosk.qt.memory import trim_after_deletes
    from kiosk.qt.watchers import on_the_window
    from kiosk.ui.application import settle
    from kiosk.ui.window import KioskWindow

    content = content.with_settings(reduced_motion=not motion)
    family = app.font().family()  # the bundled fonts' family: bench/kiosk_app.py
    idle = IdleWatcher(3_600_000)
    window = KioskWindow(content, family, idle, size=size)
    window.session_reset.connect(trim_after_deletes)  # as kiosk/app.py wires it
    window.show()
    settle(app)
    # the window's input watched as kiosk/app.py has it, so that each tap (given to the
    # window: `tap`) passes the watchers as in the kiosk (kiosk/qt/watchers.py)
    idle.start(window)
    on_the_window(window, Lockdown(window))
    window.build_every_screen()  # as the kiosk does once its first frame is shown
    settle(app)
    return window


def tap(window, widget) -> None:
    """A click at the middle of `widget`, given to the window as the display gives it."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    point = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton,
                     Qt.KeyboardModifier.NoModifier, point)


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
