"""Icons from qtawesome, drawn in the colours of the look."""

from __future__ import annotations

import os

os.environ.setdefault("QT_API", "pyside6")  # qtawesome goes through QtPy: use this binding

import qtawesome  # noqa: E402
from PySide6.QtGui import QColor, QIcon, QPixmap  # noqa: E402


def icon(name: str, color: QColor | str, color_on: QColor | str | None = None) -> QIcon:
    """`color_on` is for a checked toggle button."""
    return qtawesome.icon(name, color=QColor(color), color_on=QColor(color_on or color),
                          color_active=QColor(color), color_on_active=QColor(color_on or color))


def pixmap(name: str, color: QColor | str, size: int) -> QPixmap:
    return icon(name, color).pixmap(size, size)
