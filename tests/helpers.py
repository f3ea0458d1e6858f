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


def touch_tap(widget: QWidget, pos: QPoint | None = None) -> None:
    """A finger tap: touch events sent to the window, as a touchscreen sends them."""
    global _touch_device
    if _touch_device is None:
        _touch_device = QTest.createTouchDevice()
    window = widget.window()
    point = widget.mapTo(window, pos or widget.rect().center())
    QTest.touchEvent(window, _touch_device).press(0, point, window).commit()
    QTest.touchEvent(window, _touch_device).release(0, point, window).commit()
    settle()
