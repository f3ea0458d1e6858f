"""The application as kiosk/app.py sets it up, for the benchmark's kiosk windows: Qt's caches
kept small, the bundled fonts registered once and made the application's font. The malloc
setting, which the kiosk makes just after its first frame, is made here at once: these windows
have no first frame of the kiosk's to wait for. Returns the application and the font family."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication

from kiosk import memory
from kiosk.ui.theme import load_fonts


def kiosk_app() -> tuple[QApplication, str]:
    memory.keep_large_blocks_returnable()  # before any window: see the docstring
    app = QApplication(sys.argv[:1])
    memory.limit_qt_caches()
    family = load_fonts()
    app.setFont(QFont(family))
    return app, family
