"""A QR code for a link, so visitors take it away on their phone; the kiosk opens no browser."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath
from PySide6.QtWidgets import QWidget

QUIET_ZONE = 4  # modules of light margin, as the QR standard asks


class QrCode(QWidget):
    """Painted from the code's module matrix: sharp at any size, no image in between."""

    def __init__(self, url: str, size: int, dark: str = "#000000"):
        super().__init__()
        import segno  # here, not at the top: only screens with a link need it (60 ms to import)

        code = segno.make_qr(url, error="m")  # make_qr: never a Micro QR that phones miss
        self.url = url
        self.matrix = code.matrix
        self._dark = QColor(dark)
        self._path = QPainterPath()
        self.setFixedSize(size, size)
        self.setAccessibleName(f"QR code: {url}")

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        count = len(self.matrix) + 2 * QUIET_ZONE
        cell = int(min(self.width(), self.height()) / count)  # whole pixels: crisp edges
        offset = (min(self.width(), self.height()) - cell * count) / 2 + QUIET_ZONE * cell
        self._path = QPainterPath()
        self._path.setFillRule(Qt.FillRule.WindingFill)
        for row, modules in enumerate(self.matrix):
            for col, dark in enumerate(modules):
                if dark:
                    self._path.addRect(QRectF(offset + col * cell, offset + row * cell,
                                              cell, cell))

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#FFFFFF"))
        painter.fillPath(self._path, self._dark)
        painter.end()
