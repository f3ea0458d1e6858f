"""What a window shows of a widget is copied from its backing store, not painted again."""

from PySide6.QtCore import QPoint, QRect
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from kiosk.qt.shown import shown

from ..helpers import settle


def coloured(parent: QWidget | None, colour: str) -> QWidget:
    widget = QWidget(parent)
    widget.setStyleSheet(f"background: {colour}")
    return widget


def on_show(qtbot, size: int, inner: QRect) -> tuple[QWidget, QWidget]:
    """A window of `size` squared, shown and drawn, and a widget of another colour in it at
    `inner`."""
    window = coloured(None, "#102030")
    qtbot.addWidget(window)
    window.resize(size, size)
    coloured(window, "#c0ffee").setGeometry(inner)
    window.show()
    qtbot.waitExposed(window)
    settle()
    return window, window.findChild(QWidget)


def test_a_widget_is_copied_from_where_its_window_drew_it(qtbot):
    _window, inner = on_show(qtbot, 400, QRect(50, 60, 120, 80))
    painted = []
    inner.paintEvent = lambda event: painted.append(event)  # a paint would be seen
    picture = shown(inner)
    assert painted == []
    assert picture.size() == inner.size()
    corners = {picture.pixelColor(x, y).name() for x in (0, 119) for y in (0, 79)}
    assert corners == {"#c0ffee"}  # its own pixels, not its window's around it
    inner.setStyleSheet("background: #ff0000")  # not yet drawn: the window still shows the old
    assert shown(inner).pixelColor(QPoint(5, 5)) == QColor("#c0ffee")


def test_a_widget_outside_its_windows_picture_is_painted(qapp):
    window = coloured(None, "#102030")
    window.resize(100, 100)
    inner = coloured(window, "#c0ffee")
    inner.setGeometry(80, 80, 50, 50)  # half outside the window
    picture = shown(inner)
    assert isinstance(picture, QImage)
    assert picture.size() == inner.size()
    assert picture.pixelColor(QPoint(40, 40)) == QColor("#c0ffee")
    window.deleteLater()


def test_a_widget_not_on_show_is_painted(qtbot):
    _window, inner = on_show(qtbot, 200, QRect(10, 10, 50, 50))
    inner.hide()  # the window's picture shows its background there
    settle()
    assert shown(inner).pixelColor(QPoint(20, 20)) == QColor("#c0ffee")
