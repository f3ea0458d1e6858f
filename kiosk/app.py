"""Start-up, top to bottom: logging, content, the Qt application, fonts, the window, run.

1. Logging goes to stderr and to rotating files in the platform's log folder, and Qt's own
   messages join it; an unexpected error is logged and sends the kiosk home (kiosk/safety.py).
2. The start is recorded: after a crash loop the kiosk starts on its last good content, or on
   a calm "back soon" screen (kiosk/crash_loop.py).
3. The content file is loaded and checked; its problems are logged with their lines. It is
   watched from then on: a valid save is shown when the current session ends.
4. The QApplication is created and the bundled fonts registered.
5. The kiosk window (or, if there is no content to show, the "back soon" screen) is placed on
   the chosen display, fullscreen with the pointer hidden and the exit keys locked, or in a
   normal window with `--windowed`.
6. Around the window: usage figures, opening hours, staff access behind the hidden gesture.
7. The idle watcher starts and the event loop runs. Its exit code says whether staff asked
   for a restart (cli.py starts the kiosk again) or for the desktop.
"""

from __future__ import annotations

import argparse
import logging
import logging.handlers
import sys
import time
from datetime import datetime, timedelta

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QtMsgType, qInstallMessageHandler
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QApplication

from . import memory, paths, safety
from .cli import ExitCode
from .content import Content
from .crash_loop import Fallback, LastGood, Starts, load_for_start
from .idle import IdleWatcher
from .lockdown import Lockdown
from .machine import run_command
from .pin import PinGate
from .schedule import OpeningSchedule
from .ui.problems_view import ProblemsView
from .ui.staff_desk import StaffDesk
from .ui.staff_panel import StaffStatus
from .ui.theme import load_fonts
from .ui.window import KioskWindow
from .usage import UsageStore
from .usage.record import SessionLog
from .usage.report import figures
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
    memory.keep_large_blocks_returnable()  # before the first picture: see kiosk/memory.py
    setup_logging()
    qInstallMessageHandler(qt_message)

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
        window = ProblemsView(loaded.errors if loaded else [], family, size,
                              allow_close=windowed)
    else:
        window = KioskWindow(content, family, idle, allow_close=windowed, size=size)
    window.setGeometry(screen.geometry().x(), screen.geometry().y(), *size)
    if isinstance(window, KioskWindow):
        window.session_reset.connect(memory.trim)  # nobody there: a good moment
        safety.install(window.reset)
        watcher = ContentWatcher(content_path, content, parent=window)
        watcher.loaded.connect(window.use_content)
        watcher.failed.connect(lambda problems: [log.error("%s", p) for p in problems])
        keep_when_stable(window, watcher, last_good)
        store, sessions = record_usage(window, idle, content)
        follow_opening_hours(window, watcher, content)
        desk = StaffDesk(window, PinGate(paths.settings_file()),
                         lambda: staff_status(watcher, store, started))
        desk.pad_opened.connect(sessions.discard)  # staff at the screen are no visitors
        desk.reload_requested.connect(lambda: reload_now(window, watcher))
        desk.restart_requested.connect(lambda: QApplication.exit(ExitCode.RESTART))
        desk.exit_requested.connect(lambda: staff_exit(paths.settings_file()))
        desk.start(app)
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
    code = app.exec()
    if isinstance(window, KioskWindow):
        sessions.ended()  # a session in progress when staff exit is saved too
        store.close()
    starts.end(started)
    log.info("kiosk stopped (exit code %d)", code)
    return code


# -- the parts around the window ----------------------------------------------------------------
STABLE_MS = 60_000  # content that has run this long without a crash is the last good content


def keep_when_stable(window: KioskWindow, watcher: ContentWatcher, last_good: LastGood) -> None:
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(STABLE_MS)
    timer.timeout.connect(lambda: last_good.remember(watcher.path))
    watcher.loaded.connect(timer.start)
    timer.start()


def record_usage(window: KioskWindow, idle: IdleWatcher, content: Content
                 ) -> tuple[UsageStore, SessionLog]:
    store = UsageStore(paths.usage_database())
    days = content.settings.usage_retention_days
    pruned = store.prune(datetime.now() - timedelta(days=days))
    if pruned:
        log.info("usage figures: forgot %d session(s) older than %g days", pruned, days)
    sessions = SessionLog(store.save, datetime.now)
    idle.activity.connect(sessions.touched)
    window.shown.connect(sessions.shown)
    window.visitor_left.connect(sessions.ended)
    return store, sessions


def follow_opening_hours(window: KioskWindow, watcher: ContentWatcher, content: Content) -> None:
    """The closed screen outside opening hours; the display turned off and on around it where
    the installer gave the commands for it (kiosk/machine.py)."""
    schedule = OpeningSchedule(content.opening_hours, parent=window)
    settings = paths.settings_file()

    def apply(is_open: bool) -> None:
        log.info("opening hours: %s", "open" if is_open else "closed")
        window.set_closed(not is_open, schedule.opens_at())
        if is_open:
            run_command(settings, "display_on")

    schedule.changed.connect(apply)
    watcher.loaded.connect(lambda new: schedule.set_hours(new.opening_hours))
    window.closed_shown.connect(lambda: run_command(settings, "display_off"))
    window.closed_view.touched.connect(lambda: run_command(settings, "display_on"))
    if not schedule.open:
        apply(False)


def staff_status(watcher: ContentWatcher, store: UsageStore, started: datetime) -> StaffStatus:
    midnight = datetime.combine(datetime.now().date(), datetime.min.time())
    try:
        today = store.sessions(since=midnight)
    except Exception:  # a damaged database must not keep staff out of their panel
        log.exception("cannot read today's usage figures")
        today = []
    return StaffStatus(
        content_path=str(watcher.path),
        loaded_at=watcher.loaded_at or started,
        problems=tuple(str(p) for p in watcher.last_problems),
        today=figures(today),
    )


def staff_exit(settings) -> None:
    """Exit to desktop: tell the service manager to leave the kiosk stopped, then exit."""
    run_command(settings, "on_staff_exit")
    QApplication.exit(ExitCode.STAFF_EXIT)


def reload_now(window: KioskWindow, watcher: ContentWatcher) -> None:
    """Staff asked for it at the screen: load the file and show it at once."""
    watcher.reload()
    if watcher.current is not None and watcher.current is not window.content:
        window.use_content(watcher.current)
        window.reset()


class QuitWhenPainted(QObject):
    """For start-up measurements: quit as soon as the window has painted its first frame."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            QApplication.instance().removeEventFilter(self)
            # exit, not quit: quit asks the windows to close, and the kiosk window refuses
            QTimer.singleShot(0, self.painted)  # once this frame is done
        return False

    def painted(self) -> None:
        # For bench/run.py: the moment the first frame was done, on the clock its own
        # time.perf_counter() reads (CLOCK_MONOTONIC), so that exiting is not counted.
        print(f"painted_at {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
        QApplication.exit(0)


