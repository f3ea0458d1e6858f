"""Icons: Font Awesome 6 glyphs drawn in the colours of the look.

The fonts and their character maps are qtawesome's (kiosk/core/content/icons.py finds them); the
kiosk draws the glyphs itself instead of importing qtawesome, whose import (through QtPy) took
0.35 s of a 1.1 s start.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap, QRawFont

from ..core.content.icons import PREFIXES, code, font_files

SCALE = 0.875  # the glyph's height within the icon's square, as qtawesome draws it


@cache
def _font(prefix: str, size: int) -> QRawFont:
    return QRawFont(str(font_files(prefix)[0]), size * SCALE)


def pixmap(name: str, color: QColor | str, size: int) -> QPixmap:
    """`name` ('fa6s.flask') as a square picture `size` pixels wide; empty if unknown."""
    image = QPixmap(size, size)
    image.fill(Qt.GlobalColor.transparent)
    prefix, _, glyph_name = name.partition(".")
    point = code(prefix, glyph_name) if prefix in PREFIXES else None
    if point is None:
        return image
    font = _font(prefix, size)
    glyph = font.glyphIndexesForString(chr(point))[0]
    path = font.pathForGlyph(glyph)
    advance = font.advancesForGlyphIndexes([glyph])[0].x()
    offset = QPointF((size - advance) / 2, (size + font.ascent() - font.descent()) / 2)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.translate(offset)
    painter.fillPath(path, QColor(color))
    painter.end()
    return image


def icon(name: str, color: QColor | str, color_on: QColor | str | None = None,
         size: int = 64) -> QIcon:
    """A button icon; `color_on` is its colour when a toggle button is checked."""
    result = QIcon()
    result.addPixmap(pixmap(name, color, size), QIcon.Mode.Normal, QIcon.State.Off)
    result.addPixmap(pixmap(name, color_on or color, size), QIcon.Mode.Normal, QIcon.State.On)
    return result
