"""Start-up, top to bottom: logging, content, the Qt application, fonts, the window, run.

1. Logging goes to stderr and (from the first frame on, with what came before) to rotating
   files in the platform's log folder, and Qt's own messages join it (kiosk/logs.py); an
   unexpected error is logged and sends the kiosk home (kiosk/safety.py).
2. The start is recorded: after a crash loop the kiosk starts on its last good content, or on
   a calm "back soon" screen (kiosk/crash_loop.py).
3. The content file is loaded and checked; its problems are logged with their lines. It is
   watched from then on: a valid save is shown when the current session ends.
4. The QApplication is created and the bundled fonts registered.
5. The kiosk window (or, if there is no content to show, the "back soon" screen) is placed on
   the chosen display, fullscreen with the pointer hidden and the exit keys locked, or in a
   normal window with `--windowed`.
6. Just after the first frame: Python's garbage collector, paused since cli.main, collects once
   and runs again, and glibc's malloc is told to give large blocks back (kiosk/memory.py); the
   log files, and around the window the content watcher, usage figures, opening hours and staff
   access (kiosk/services.py); on the "back soon" screen, a watcher that starts the kiosk again
   once the file is fixed, and after a crash loop a timer that tries a normal start again
   (after 3 minutes, then 6, 12, ... at most an hour).
7. The idle watcher starts and the event loop runs until staff ask for a restart (cli.py
   starts the kiosk again) or for the desktop, or SIGTERM or SIGINT asks it to stop
   (kiosk/stop_signals.py). Every way out saves the session in progress and marks the start
   clean.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from datetime import datetime

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, qInstallMessageHandler
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from . import logs, memory, paths, pyside_fixes, safety  # noqa: F401  (pyside_fixes: see there)
from .cli import ExitCode
from .crash_loop import Fallback, LastGood, Starts, load_for_start
from .idle import IdleWatcher
from .lockdown import Lockdown
from .stop_signals import StopOnSignals
from .ui.theme import load_fonts
from .ui.window import KioskWindow

log = logging.getLogger("kiosk")


def run(args: argparse.Namespace) -> int:
    logs.setup()  # to stderr at once; to the log files just after the first frame
    qInstallMessageHandler(logs.qt_message)

    starts = Starts(paths.state_dir() / "starts.json")
    started = datetime.now()
    fallback = starts.begin(started)
    if fallback is not Fallback.NONE:
        log.error("the kiosk crashed again and again; starting on the %s", fallback.value)
    content_path = args.content or paths.default_content()
    last_good = LastGood(paths.state_dir())
    loaded = load_for_start(content_path, fallback, last_good)
    for problem in loaded.problems if loaded else ():
        log.log(logging.WARNING if problem.warning else logging.ERROR, "%s", problem)
    content = loaded.content if loaded else None
    if content is not None and args.lang:
        content = content.with_settings(default_language=args.lang)

    app = QApplication(sys.argv[:1])
    app.setApplicationName("kiosk")
    stopper = StopOnSignals(app, ExitCode.OK)  # noqa: F841  (systemctl stop: a clean exit)
    memory.limit_qt_caches()
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
        from .ui.problems_view import ProblemsView

        window = ProblemsView(loaded.errors if loaded else [], family, size,
                              allow_close=windowed)
    else:
        window = KioskWindow(content, family, idle, allow_close=windowed, size=size)
    window.setGeometry(screen.geometry().x(), screen.geometry().y(), *size)
    running: list = []  # the services, once attached
    first_frame = FirstFrame(app)
    if args.quit_when_shown:  # for measuring start-up (bench/run.py): first, before the rest
        first_frame.then(quit_when_shown)
    if isinstance(window, KioskWindow):
        window.session_reset.connect(memory.trim_after_deletes)  # nobody there: a good moment
        safety.install(window.reset)

        def attach() -> None:  # just after the first frame: see kiosk/services.py
            from .services import Services

            logs.to_files()
            running.append(Services(app, window, idle, content_path, last_good, started,
                                    on_fallback=fallback is not Fallback.NONE))

        first_frame.then(attach)
    else:
        if fallback is not Fallback.NONE:  # after a crash loop: try again later, backing off
            retry_s = starts.back_soon(started)
            log.error("on the back soon screen; trying a normal start in %d minutes",
                      round(retry_s / 60))
            retry = QTimer(window)
            retry.setSingleShot(True)
            retry.timeout.connect(lambda: QApplication.exit(ExitCode.RESTART))
            retry.start(round(retry_s * 1000))

        def watch_for_a_fix() -> None:  # a valid save: start again, on it
            from .watcher import ContentWatcher

            watcher = ContentWatcher(content_path, None, parent=window)
            watcher.loaded.connect(lambda _content: QApplication.exit(ExitCode.RESTART))
            logs.to_files()  # its line says the watcher is there

        first_frame.then(watch_for_a_fix)
    first_frame.then(memory.settle_after_start)  # the collector, paused by cli.main
    first_frame.then(memory.keep_large_blocks_returnable)  # before a screen is let go
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
    code = app.exec()
    for services in running:
        services.close()
    starts.end(started)
    log.info("kiosk stopped (exit code %d)", code)
    return code


class FirstFrame(QObject):
    """Runs the steps it is given, each on its own and in that order, just after the first
    frame is painted. One filter for all of them: every event before that frame passes
    through it."""

    def __init__(self, app: QApplication):
        super().__init__(app)
        self._steps: list = []
        app.installEventFilter(self)

    def then(self, step) -> None:
        self._steps.append(step)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().removeEventFilter(self)
            for step in self._steps:
                QTimer.singleShot(0, step)  # once this frame is done
        return False


def quit_when_shown() -> None:
    # The moment the first frame was done, on the clock bench/run.py's time.perf_counter()
    # reads (CLOCK_MONOTONIC), so that exiting is not counted; exit, not quit: quit asks the
    # windows to close, and the kiosk window refuses.
    print(f"painted_at {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
    QApplication.exit(0)
