"""A visitor's taps: from a tap to the next screen painted, and to a cross-fade under way."""

from __future__ import annotations

import time

from .common import kiosk_window, tap, tap_targets


def taps(app, content, size, rounds: int) -> tuple[list[float], list[float], int]:
    """From a tap on a tile (or Back) to the next screen fully painted once, motion off: the
    tap and every event it posts (the layouts it asks for and the window's paint). Then, apart,
    the next turn of the event loop: where the tap showed a screen's picture (a large window:
    kiosk/ui/pictures.py), the live screen taking over and painted; else nothing (how this
    was measured before: docs/performance.md). And the most bytes the screens' pictures took."""
    window = kiosk_window(app, content, size)
    times, after = [], []
    kept = window.pictures.bytes_kept()
    for widget in tap_targets(window, rounds):
        begin = time.perf_counter()
        tap(window, widget)
        app.sendPostedEvents()
        times.append((time.perf_counter() - begin) * 1000)
        begin = time.perf_counter()
        app.processEvents()  # the next turn: the picture's hand-over to the live screen
        app.sendPostedEvents()
        after.append((time.perf_counter() - begin) * 1000)
        window.pictures.draw_left_now()  # as the kiosk does while a visitor reads
        kept = max(kept, window.pictures.bytes_kept())
    window.close()
    return times, after, kept


def fade_starts(app, content, size, rounds: int) -> list[float]:
    """Motion on: from a tap on a tile (or Back) to the cross-fade under way, its first frame
    painted (the old screen drawn, and the new one, or its picture drawn ahead)."""
    window = kiosk_window(app, content, size, motion=True)
    times = []
    for widget in tap_targets(window, rounds):
        begin = time.perf_counter()
        tap(window, widget)
        app.sendPostedEvents()
        app.processEvents()  # the fade begins on the next turn of the event loop
        app.sendPostedEvents()
        times.append((time.perf_counter() - begin) * 1000)
        window.finish_transition()
        app.processEvents()
        window.pictures.draw_left_now()  # as the kiosk does while a visitor reads
    window.close()
    return times
