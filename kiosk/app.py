"""Start-up, top to bottom: logging, content, the Qt application, fonts, the window, run.

1. Logging goes to stderr and to rotating files in the platform's log folder, and Qt's own
   messages join it; an unexpected error is logged and sends the kiosk home (kiosk/safety.py).
2. The content file is loaded and checked; its problems are logged with their lines. It is
   watched from then on: a valid save is shown when the current session ends.
3. The QApplication is created and the bundled fonts registered.
4. The kiosk window (or, if the content cannot be used, a calm "back soon" screen) is placed on
   the chosen display, fullscreen with the pointer hidden and the exit keys locked, or in a
   normal window with `--windowed`.
5. The idle watcher starts and the event loop runs.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from . import paths, safety
from .cli import ExitCode
from .content import load
from .idle import IdleWatcher
from .lockdown import Lockdown
from .ui.problems_view import ProblemsView
from .ui.theme import load_fonts
from .ui.window import KioskWindow
from .watcher import ContentWatcher

log = logging.getLogger("kiosk")
QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging() -> None:
    """To rotating files in the platform's log folder (5 files of 1 MB), then to stderr."""
    handlers: list[logging.Handler] = []
    problem = None
    try:
        handlers.append(logging.handlers.RotatingFileHandler(
            paths.log_dir() / "kiosk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"))
    except OSError as exc:  # a read-only or full disk must not stop the kiosk
        problem = exc
    handlers.append(logging.StreamHandler())
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT, handlers=handlers)
    if problem is not None:
        logging.getLogger("kiosk").warning("cannot write log files: %s", problem)


def qt_message(kind: QtMsgType, context, message: str) -> None:
    logging.getLogger("qt").log(QT_LEVELS.get(kind, logging.WARNING), message)


def run(args: argparse.Namespace) -> int:
    setup_logging()
    qInstallMessageHandler(qt_message)

    content_path = args.content or paths.default_content()
    loaded = load(content_path)
    for problem in loaded.problems:
        log.log(logging.WARNING if problem.warning else logging.ERROR, "%s", problem)
    content = loaded.content
    if content is not None and args.lang:
        content = content.with_settings(default_language=args.lang)

    app = QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    family = load_fonts()
    app.setFont(QFont(family))
    screens = QGuiApplication.screens()
    if not screens:
        log.error("no display found")
        return ExitCode.NO_DISPLAY
    if not 0 <= args.screen < len(screens):
        log.warning("there is no screen %d (screens: 0 to %d); using 0", args.screen,
                    len(screens) - 1)
    screen = screens[args.screen] if 0 <= args.screen < len(screens) else screens[0]
    windowed = args.windowed is not None
    size = args.windowed if windowed else screen.geometry().size().toTuple()

    settings = content.settings if content else None
    idle = IdleWatcher(round((settings.idle_timeout if settings else 60) * 1000),
                       round((settings.attract_delay if settings else 120) * 1000))
    if content is None:
        window = ProblemsView(loaded.errors, family, size, allow_close=windowed)
    else:
        window = KioskWindow(content, family, idle, allow_close=windowed, size=size)
    window.setGeometry(screen.geometry().x(), screen.geometry().y(), *size)
    if isinstance(window, KioskWindow):
        safety.install(window.reset)
        watcher = ContentWatcher(content_path, loaded.content, parent=window)
        watcher.loaded.connect(window.use_content)
        watcher.failed.connect(lambda problems: [log.error("%s", p) for p in problems])
    lockdown = Lockdown(app)  # keep a reference: a collected filter stops filtering
    if windowed:
        window.show()
    else:
        app.installEventFilter(lockdown)
        QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
        window.winId()
        window.windowHandle().setScreen(screen)
        window.showFullScreen()
    idle.start(app)
    log.info("kiosk started: %s, %s", content_path, "windowed" if windowed else "fullscreen")
    if args.quit_when_shown:
        quitter = QuitWhenPainted(app)
        app.installEventFilter(quitter)
    return app.exec()


class QuitWhenPainted(QObject):
    """For start-up measurements: quit as soon as the window has painted its first frame."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().removeEventFilter(self)
            # exit, not quit: quit asks the windows to close, and the kiosk window refuses
            QTimer.singleShot(0, lambda: QApplication.exit(0))  # once this frame is done
        return False
