"""The application as kiosk/app.py sets it up (kiosk/ui/application.py), for the benchmark's
kiosk windows. The malloc setting, which the kiosk makes just after its first frame, is made here
at once: these windows have no first frame of the kiosk's to wait for. Returns the application
and the font family."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from kiosk.qt import memory
from kiosk.ui.application import make_application


def kiosk_app() -> tuple[QApplication, str]:
    memory.keep_large_blocks_returnable()  # before any window: see the docstring
    return make_application(sys.argv[:1])
