"""One-shot timers that the kiosk keeps and starts again, rather than QTimer.singleShot: with a
delay and a context object, PySide6 6.11 kept a weak reference for every such call, never
freed (tests/ui/test_touch.py counts the window's references over sessions)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, SignalInstance


def single_shot(parent: QObject, slot: Callable[[], object] | SignalInstance,
                interval_ms: int = 0) -> QTimer:
    """A single-shot timer owned by `parent` that calls `slot`; not started."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(interval_ms)
    timer.timeout.connect(slot)
    return timer
