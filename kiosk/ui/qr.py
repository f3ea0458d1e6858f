"""A QR code for a link, so visitors take it away on their phone; the kiosk opens no browser."""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QWidget

from ..core.content.contrast import QR_LIGHT
from ..qt.safety import guarded

QUIET_ZONE = 4  # modules of light margin, as the QR standard asks
_encoder: types.ModuleType | None = None


def qr_matrix(url: str) -> tuple[bytearray, ...]:
    """The modules of the QR code (never a Micro QR, which phones miss) for `url`, with error
    correction level M, exactly as `segno.make_qr(url, error="m").matrix` gives them."""
    global _encoder
    if _encoder is None:
        _encoder = segno_encoder()
    matrix: tuple[bytearray, ...] = _encoder.encode(url, "m", None, None, None, None, False,
                                                    False, boost_error=True).matrix
    return matrix


def segno_encoder() -> types.ModuleType:
    """segno's encoder module, without the rest of segno.

    `import segno` also imports its writers (SVG, PNG, ...), and through xml.sax.saxutils those
    import urllib.request, http.client, email and OpenSSL: 9 MiB resident for a kiosk that only
    needs the matrix. So the encoder (which needs only segno.consts) is imported under a bare
    stand-in for the package, which is then taken away again: a later `import segno` gets the
    real package. tests/ui/test_accessibility.py checks the matrices against segno.make_qr.
    """
    spec = importlib.util.find_spec("segno") if "segno" not in sys.modules else None
    if spec is None or not spec.submodule_search_locations:
        return importlib.import_module("segno.encoder")  # the whole of segno, as usual
    stand_in = types.ModuleType("segno")
    stand_in.__path__ = list(spec.submodule_search_locations)
    sys.modules["segno"] = stand_in
    try:
        return importlib.import_module("segno.encoder")
    finally:
        for name in ("segno", "segno.encoder", "segno.consts"):
            sys.modules.pop(name, None)


class QrCode(QWidget):
    """Painted from the code's module matrix: sharp at any size, no image in between."""

    def __init__(self, url: str, size: int, dark: str = "#000000"):
        matrix = qr_matrix(url)  # may raise (too long a link): before a widget is made
        super().__init__()
        self.url = url
        self.matrix = matrix
        self._dark = QColor(dark)
        self._path = QPainterPath()
        self.setFixedSize(size, size)
        self.setAccessibleName(f"QR code: {url}")

    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        count = len(self.matrix) + 2 * QUIET_ZONE
        side = min(self.width(), self.height())
        # whole pixels, for crisp edges; where a module gets less than one, its share of the
        # box (blurred, but drawn: `check` warns of such a link)
        cell = side // count or side / count
        offset = (min(self.width(), self.height()) - cell * count) / 2 + QUIET_ZONE * cell
        self._path = QPainterPath()
        self._path.setFillRule(Qt.FillRule.WindingFill)
        for row, modules in enumerate(self.matrix):
            for col, dark in enumerate(modules):
                if dark:
                    self._path.addRect(QRectF(offset + col * cell, offset + row * cell,
                                              cell, cell))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(QR_LIGHT))
        painter.fillPath(self._path, self._dark)
        painter.end()
