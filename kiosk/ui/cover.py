"""A layer over the whole kiosk window: the "Still there?" countdown, the closed screen, the
staff PIN pad and panel. Hidden until it covers the window; it takes every tap, so none reaches
the screen below; it is painted in one colour, over which its own layout is laid."""

from __future__ import annotations

from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLayout, QWidget


class Cover(QWidget):
    def __init__(self, parent: QWidget, name: str):
        super().__init__(parent)
        self.setObjectName(name)
        self.colour: QColor | None = None
        self.hide()

    def cover(self, layout: QLayout, colour: QColor) -> None:
        """Show `layout` (in place of the one before) over the whole window."""
        old = self.layout()
        if old is not None:
            QWidget().setLayout(old)  # the old layout and its widgets go with a throwaway
        self.setLayout(layout)
        self.colour = colour
        parent = self.parentWidget()
        assert parent is not None  # made over the window
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.colour is None:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), self.colour)
        painter.end()
