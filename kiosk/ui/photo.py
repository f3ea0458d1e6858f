"""A photo that fills its box, as a print fills a frame: scaled to cover the box, never
stretched, and cropped round its middle (a home tile's picture; before, it was scaled to fit a
fixed size and drawn from its top, so a 800x600 photo lost its middle to the tile's edge)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPaintEvent, QPixmap, QResizeEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ..qt.safety import guarded
from .read_picture import read_picture
from .theme import Look

KEPT = (1000, 700)  # px at the design size: the source is kept no larger than covers this


class Photo(QWidget):
    def __init__(self, source: QPixmap, look: Look):
        super().__init__()
        self._radius = look.px(16)
        self._source = source
        self._shown = QPixmap()  # the source scaled to cover the box, cut round its middle
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(look.px(120), look.px(90))

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        ratio = self.devicePixelRatioF()
        box = QSize(round(self.width() * ratio), round(self.height() * ratio))
        if box.isEmpty():
            return
        scaled = self._source.scaled(box, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                                     Qt.TransformationMode.SmoothTransformation)
        self._shown = scaled.copy((scaled.width() - box.width()) // 2,
                                  (scaled.height() - box.height()) // 2,
                                  box.width(), box.height())
        self._shown.setDevicePixelRatio(ratio)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._shown.isNull():
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QPainterPath()
        frame.addRoundedRect(QRectF(self.rect()), self._radius, self._radius)
        painter.setClipPath(frame)
        painter.drawPixmap(0, 0, self._shown)
        painter.end()


def photo(path: Path | None, look: Look) -> Photo | None:
    """The photo at `path`, or None if there is none or it cannot be read."""
    source = read_picture(path)
    if source.isNull():
        return None
    most = QSize(look.px(KEPT[0]), look.px(KEPT[1]))
    if source.width() > most.width() and source.height() > most.height():
        source = source.scaled(most, Qt.AspectRatioMode.KeepAspectRatioByExpanding,
                               Qt.TransformationMode.SmoothTransformation)
    return Photo(source, look)
