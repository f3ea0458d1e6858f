"""Icons from qtawesome, drawn in the colours of the look.

Only the icon fonts staff may name in the content (kiosk.content.icons.PREFIXES) are loaded:
qtawesome's own `qtawesome.icon` loads all eleven of its fonts at the first icon.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_API", "pyside6")  # qtawesome goes through QtPy: use this binding

from functools import cache  # noqa: E402

import qtawesome  # noqa: E402
from PySide6.QtGui import QColor, QIcon, QPixmap  # noqa: E402
from qtawesome.iconic_font import IconicFont  # noqa: E402

from ..content.icons import PREFIXES  # noqa: E402


@cache
def _fonts() -> IconicFont:
    return IconicFont(*[font for font in qtawesome._BUNDLED_FONTS if font[0] in PREFIXES])


def icon(name: str, color: QColor | str, color_on: QColor | str | None = None) -> QIcon:
    """`color_on` is for a checked toggle button."""
    on = QColor(color_on or color)
    return _fonts().icon(name, color=QColor(color), color_on=on, color_active=QColor(color),
                         color_on_active=on)


def pixmap(name: str, color: QColor | str, size: int) -> QPixmap:
    return icon(name, color).pixmap(size, size)
