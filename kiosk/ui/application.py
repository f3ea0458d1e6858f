"""The Qt application as the kiosk sets it up, one way for the kiosk, `snapshot`, the benchmark
and the tests: Qt's caches kept small (kiosk/qt/memory.py), the bundled fonts registered once and
made the application's font, so that every picture and every measurement shows what a visitor
sees."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from ..qt import memory
from .theme import load_fonts

FAMILY = "kioskFontFamily"  # the application's property that remembers the registered family


def settle(app: QApplication) -> None:
    """Let layouts finish: wrapped labels set their heights over a few passes (for pictures
    of screens made offscreen: `snapshot`, the report's heatmaps)."""
    for _ in range(6):
        app.sendPostedEvents()
        app.processEvents()


def make_application(argv: list[str] | None = None) -> tuple[QApplication, str]:
    """The application (made now, or the one that exists) and the kiosk's font family."""
    app = QApplication.instance() or QApplication(argv or ["kiosk"])
    assert isinstance(app, QApplication)
    family = app.property(FAMILY)
    if not family:  # once: registering the fonts again would add them again
        app.setApplicationName("kiosk")
        memory.limit_qt_caches()
        family = load_fonts()
        app.setFont(QFont(family))
        app.setProperty(FAMILY, family)
    return app, family
