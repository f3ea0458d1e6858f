"""A soak: thousands of random taps, drags and swipes, with idle resets in between."""

from __future__ import annotations

import random
import sys

from .common import in_event_loop, kiosk_window, rss_kib


def soak(app, content, events: int, seed: int = 7) -> dict:
    """Random taps, drags and swipes all over the screen, with idle returns in between."""
    from PySide6.QtCore import QPoint, Qt, qInstallMessageHandler
    from PySide6.QtTest import QTest

    window = kiosk_window(app, content, (1920, 1080))
    window.idle.stop(window)
    warnings, errors = [], []
    qInstallMessageHandler(lambda kind, context, message: warnings.append(message))
    sys.excepthook = lambda kind, error, trace: errors.append(error)
    chance = random.Random(seed)
    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    first_thousand = []

    def visitor():
        for number in range(events):
            point = QPoint(chance.randrange(window.width()), chance.randrange(window.height()))
            action = chance.random()
            screen = window.windowHandle()  # given to the window, as the display gives it
            if action < 0.7:
                QTest.mouseClick(screen, left, none, point)
            else:
                end = point + QPoint(chance.randrange(-400, 400), chance.randrange(-300, 300))
                # a finger stays on the screen, which the kiosk's window fills
                end = QPoint(min(max(end.x(), 0), window.width() - 1),
                             min(max(end.y(), 0), window.height() - 1))
                QTest.mousePress(screen, left, none, point)
                QTest.mouseMove(screen, end)
                QTest.mouseRelease(screen, left, none, end)
            if number % 250 == 249:
                window.on_idle()  # the countdown, then its end: back home, session reset
                window.overlay.stop()
                window.reset()
            for _ in range(6):  # turns of the loop between taps: layouts settle, as with people
                yield
            if number == 999:
                first_thousand.append(rss_kib())

    in_event_loop(app, visitor())
    qInstallMessageHandler(None)
    sys.excepthook = sys.__excepthook__
    window.close()
    return {"soak_events": events, "soak_exceptions": len(errors),
            "soak_qt_warnings": len(warnings),
            "soak_rss_growth_mib": (rss_kib() - (first_thousand or [rss_kib()])[0]) / 1024}
