"""Never a traceback in front of visitors: an unexpected error is logged and the kiosk goes home.

Qt calls Python from its event loop (slots, paint and event handlers); an exception there
reaches sys.excepthook. The hook logs it with its traceback, then asks for a fresh session on
the next turn of the event loop (not inside the handler that failed).
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from PySide6.QtCore import QTimer

log = logging.getLogger("kiosk")


def install(recover: Callable[[], None]) -> None:
    def hook(kind, error, trace) -> None:
        log.error("unexpected error; returning to the home screen",
                  exc_info=(kind, error, trace))
        QTimer.singleShot(0, safe(recover))

    sys.excepthook = hook


def safe(action: Callable[[], None]) -> Callable[[], None]:
    def run() -> None:
        try:
            action()
        except Exception:  # recovering failed too: log it, keep the event loop alive
            log.exception("could not return to the home screen")

    return run
