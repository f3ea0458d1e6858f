"""Driving the kiosk as a visitor would: taps with a mouse or a finger, waiting for layout."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget


def settle() -> None:
    app = QApplication.instance()
    for _ in range(6):
        app.sendPostedEvents()
        app.processEvents()


def tap(qtbot, widget: QWidget, pos: QPoint | None = None) -> None:
    """A mouse tap, as a visitor with a mouse-emulating touchscreen makes."""
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos or widget.rect().center())
    settle()


_touch_device = None


def touch_device():
    global _touch_device
    if _touch_device is None:
        _touch_device = QTest.createTouchDevice()
    return _touch_device


def touch_tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """A finger tap: touch events sent to the window, as a touchscreen sends them."""
    window = widget.window()
    point = widget.mapTo(window, pos or widget.rect().center())
    QTest.touchEvent(window, touch_device()).press(0, point, window).commit()
    QTest.touchEvent(window, touch_device()).release(0, point, window).commit()
    settle()


def fling(qtbot, widget: QWidget, start: QPoint, end: QPoint, steps: int = 10) -> None:
    """A finger pressed at `start`, moved to `end` at 60 moves a second, and lifted.

    A kinetic scroller reads the finger's speed, so the moves are spread over real time by a
    timer (not by sleeping); this returns once the finger has lifted.
    """
    from PySide6.QtCore import QTimer

    window = widget.window()
    points = [widget.mapTo(window, start + (end - start) * (i / steps)) for i in range(steps + 1)]
    lifted = []

    def send(index: int) -> None:
        sequence = QTest.touchEvent(window, touch_device())
        if index == 0:
            sequence.press(0, points[0], window)
        else:
            sequence.move(0, points[index], window)
        sequence.commit()
        if index == steps:
            # Lifted right after the last move, as a flicking finger is: on a busy machine a
            # timer's delay between the last move and the lift read as the finger stopping.
            QTest.touchEvent(window, touch_device()).release(0, points[-1], window).commit()
            lifted.append(True)

    for index in range(steps + 1):
        QTimer.singleShot(16 * index, lambda index=index: send(index))
    qtbot.waitUntil(lambda: bool(lifted), timeout=5000)
