"""Where each touch or click falls on a window, as a share of its width and height, and the
kind of control under it: what the usage figures' tap heatmap is made of.

Each is seen as the window first receives it from the display (before Qt hands it to a widget
and on to the widget's parents): a touch once, and not again as the mouse press Qt makes of
it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPointF, Signal
from PySide6.QtGui import QInputDevice, QMouseEvent, QTouchEvent
from PySide6.QtWidgets import QAbstractButton, QWidget

from .watchers import on_the_window

MAP = "map"


def control_at(window: QWidget, point: QPointF) -> str:
    """The kind of control at `point`: a button's object name ("tile", "item", "nav", ...),
    "map" for a map, "" for none. Names the code gives: a bounded set, never content."""
    widget = window.childAt(point.toPoint())
    while widget is not None and widget is not window:
        if isinstance(widget, QAbstractButton):
            return widget.objectName() or "button"
        if type(widget).__name__ == "MapView":
            return MAP
        widget = widget.parentWidget()
    return ""


class TapWatcher(QObject):
    tapped = Signal(float, float, str)  # x and y as shares of the window, the control
    KINDS = frozenset({QEvent.Type.TouchBegin, QEvent.Type.MouseButtonPress})

    def __init__(self, window: QWidget):
        """Given the window's input (kiosk/qt/watchers.py) by `of`."""
        super().__init__(window)
        self.window = window

    @classmethod
    def of(cls, window: QWidget) -> TapWatcher:
        """The window's one watcher (the usage figures and the metrics both listen to it),
        made and installed when first asked for."""
        found = window.findChild(cls)
        if found is None:
            found = cls(window)
            on_the_window(window, found)
        return found

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()  # only its KINDS, as the window receives them (watchers.py)
        point: QPointF | None = None
        if kind == QEvent.Type.TouchBegin and isinstance(event, QTouchEvent) and event.points():
            point = event.points()[0].position()
        elif kind == QEvent.Type.MouseButtonPress and isinstance(event, QMouseEvent) and \
                event.pointingDevice().type() != QInputDevice.DeviceType.TouchScreen:
            point = event.position()
        if point is not None and self.window.width() and self.window.height():
            self.tapped.emit(point.x() / self.window.width(), point.y() / self.window.height(),
                             control_at(self.window, point))
        return False
