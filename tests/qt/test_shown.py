"""What a window shows of a widget is copied from its backing store, not painted again."""

from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QWidget

from kiosk.qt.shown import shown

from ..helpers import settle


def coloured(parent: QWidget | None, colour: str) -> QWidget:
    widget = QWidget(parent)
    widget.setStyleSheet(f"background: {colour}")
    return widget


def test_a_widget_is_copied_from_where_its_window_drew_it(qtbot):
    window = coloured(None, "#102030")
    qtbot.addWidget(window)
    window.resize(400, 300)
    inner = coloured(window, "#c0ffee")
    inner.setGeometry(50, 60, 120, 80)
    window.show()
    qtbot.waitExposed(window)
    settle()
    painted = []
    inner.paintEvent = lambda event: painted.append(event)  # a paint would be seen
    picture = shown(inner)
    assert painted == []
    assert picture.size() == inner.size()
    corners = {picture.pixelColor(x, y).name() for x in (0, 119) for y in (0, 79)}
    assert corners == {"#c0ffee"}  # its own pixels, not its window's around it
    inner.setStyleSheet("background: #ff0000")  # not yet drawn: the window still shows the old
    assert shown(inner).pixelColor(QPoint(5, 5)) == QColor("#c0ffee")


def test_a_widget_outside_its_windows_picture_is_painted():
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
    window = coloured(None, "#102030")
    qtbot.addWidget(window)
    window.resize(200, 200)
    inner = coloured(window, "#c0ffee")
    inner.setGeometry(10, 10, 50, 50)
    window.show()
    qtbot.waitExposed(window)
    settle()
    inner.hide()  # the window's picture shows its background there
    settle()
    assert shown(inner).pixelColor(QPoint(20, 20)) == QColor("#c0ffee")
