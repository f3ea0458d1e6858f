"""`kiosk preview [PATH]`, top to bottom: the Qt application and its fonts, the content file read
once, the preview window (kiosk/ui/preview_window.py) opened on it and following its saves."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

from .core.content import load
from .core.exit_codes import ExitCode
from .core.site import with_site
from .qt import logs, pyside_fixes  # noqa: F401  (pyside_fixes: see there)
from .ui.application import make_application
from .ui.preview_window import PreviewWindow

SIZE = (1440, 900)  # the preview's window at first: beside an editor on a laptop's screen


def preview(path: Path, display: tuple[int, int], language: str | None,
            quit_when_shown: bool = False, site: tuple[Path | None, bool] = (None, False)
            ) -> int:
    logs.setup()  # to stderr
    qInstallMessageHandler(logs.qt_message)
    app, family = make_application(sys.argv[:1])
    app.setApplicationName("kiosk preview")
    window = PreviewWindow(path, family, display, language, site=site[0])
    window.resize(*SIZE)
    window.show()  # first: the kiosk is made at the size the window gives it
    window.start(with_site(load(path), *site))
    if quit_when_shown:  # the build's smoke test: it opens, shows the kiosk, and goes
        QTimer.singleShot(0, lambda: QApplication.exit(
            ExitCode.OK if window.stage.kiosk is not None else ExitCode.CONTENT_INVALID))
    return app.exec()
