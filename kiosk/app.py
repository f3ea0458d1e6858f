"""Start-up, top to bottom: logging, content, the Qt application, fonts, the window, run.

1. Logging goes to stderr and (from the first frame on, with what came before) to rotating
   files in the platform's log folder, and Qt's own messages join it (kiosk/qt/logs.py); an
   unexpected error is logged and sends the kiosk home (kiosk/qt/safety.py).
2. The start is recorded: after a crash loop the kiosk starts on its last good content, or on
   a calm "back soon" screen (kiosk/core/crash_loop.py).
3. The content file is loaded and checked; its problems are logged with their lines. It is
   watched from then on: a valid save is shown when the current session ends.
4. The QApplication is created and the bundled fonts registered.
5. The kiosk window (or, if there is no content to show, the "back soon" screen) is placed on
   the chosen display, fullscreen with the pointer hidden, or in a normal window with
   `--windowed`.
6. Just after the first frame: the exit keys are locked (fullscreen) and the idle watcher
   starts; systemd is told the kiosk is ready, and pinged from the event
   loop from then on, so that a frozen screen is restarted (kiosk/qt/watchdog.py); Python's
   garbage collector, paused since cli.main, collects once and runs again, and glibc's malloc
   is told to give large blocks back (kiosk/qt/memory.py); the log files, and around the
   window the content watcher, usage figures, opening hours and staff access
   (kiosk/services.py); on the "back soon" screen, a watcher that starts the kiosk again once
   the file is fixed, and after a crash loop a timer that tries a normal start again (after 3
   minutes, then 6, 12, ... at most an hour).
7. The event loop runs until staff ask for a restart (cli.py
   starts the kiosk again) or for the desktop, or SIGTERM or SIGINT asks it to stop
   (kiosk/qt/stop_signals.py). Every way out saves the session in progress and marks the start
   clean.
"""

from __future__ import annotations

import logging
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, qInstallMessageHandler
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QWidget

import kiosk.qt.pyside_fixes  # noqa: F401  (first, before the modules PySide6 checks: see there)

from .core import paths
from .core.content import Content, Loaded
from .core.crash_loop import Fallback, LastGood, Starts, load_for_start
from .core.exit_codes import ExitCode
from .core.site import with_site
from .qt import logs, memory, safety
from .qt.idle import IdleWatcher
from .qt.lockdown import Lockdown
from .qt.stop_signals import StopOnSignals
from .qt.watchdog import ServiceWatchdog
from .qt.watchers import on_the_window
from .ui.application import make_application
from .ui.window import KioskWindow

log = logging.getLogger("kiosk")


class StartOptions(NamedTuple):  # not a dataclass: see kiosk/core/session.py
    """How to start, from the command line (kiosk/cli.py)."""

    content: Path  # the content file
    windowed: tuple[int, int] | None = None  # a closable window of this size; None: fullscreen
    screen: int = 0  # the display to fill, counting from 0
    lang: str | None = None  # the language each visitor starts in; None: the content's
    quit_when_shown: bool = False  # quit once the first frame is painted (bench/run.py)
    site: tuple[Path | None, bool] = (None, False)  # the site file, and whether it was given


def run(options: StartOptions) -> int:
    logs.setup()  # to stderr at once; to the log files just after the first frame
    qInstallMessageHandler(logs.qt_message)
    starts = Starts(paths.state_dir() / "starts.json")
    started = datetime.now()
    fallback = record_start(starts, started)
    last_good = LastGood(paths.state_dir())
    loaded = load_for_start(options.content, fallback, last_good)
    loaded = with_site(loaded, *options.site) if loaded is not None else None
    content = content_to_show(loaded, options.lang)

    app, family = make_application(sys.argv[:1])
    stopper = StopOnSignals(app, ExitCode.OK)  # noqa: F841  (systemctl stop: a clean exit)
    screen = chosen_screen(options.screen)
    if screen is None:
        return ExitCode.NO_DISPLAY
    size = options.windowed or screen.geometry().size().toTuple()
    idle = idle_watcher(content)
    window = make_window(content, loaded, family, idle, size, options.windowed is not None)
    window.setGeometry(screen.geometry().x(), screen.geometry().y(), *size)

    first_frame = FirstFrame(window)
    if options.quit_when_shown:  # for measuring start-up (bench/run.py): first, before the rest
        first_frame.then(quit_when_shown)
    # The window's input watched from the first frame on (kiosk/qt/watchers.py).
    lockdown = Lockdown(window)  # keys locked where fullscreen
    if options.windowed is None:
        first_frame.then(lambda: on_the_window(window, lockdown))
    first_frame.then(lambda: idle.start(window))
    watchdog = ServiceWatchdog(app)  # systemd's: pinged from the event loop
    first_frame.then(watchdog.ready)
    running: list = [None]  # the desk's reporting (None: none), then the services
    first_frame.then(lambda: running.__setitem__(
        0, report_to_desk(window, options, content, fallback, starts.recent_crashes)))
    if isinstance(window, KioskWindow):
        window.session_reset.connect(memory.trim_after_deletes)  # nobody there: a good moment
        safety.install(window.reset)
        first_frame.then(lambda: running.append(
            attach_services(app, window, idle, options, last_good, started, fallback,
                            running[0], loaded)))
    else:
        if fallback is not Fallback.NONE:
            try_again_later(window, starts, started)
        first_frame.then(lambda: watch_for_a_fix(window, options.content, starts, started,
                                                 options.site[0]))
    first_frame.then(memory.settle_after_start)  # the collector, paused by cli.main
    first_frame.then(memory.keep_large_blocks_returnable)  # before a screen is let go
    show(window, screen, windowed=options.windowed is not None)
    log.info("kiosk started: %s, %s", options.content,
             "windowed" if options.windowed else "fullscreen")

    code = app.exec()
    watchdog.stopping()
    for services in running:
        if services is not None:
            services.close()
    starts.end(started)
    log.info("kiosk stopped (exit code %d)", code)
    return code


# -- the steps of run(), in order -----------------------------------------------------------------
def record_start(starts: Starts, started: datetime) -> Fallback:
    """After a crash loop, what to start on instead of the content file."""
    fallback = starts.begin(started)
    if fallback is not Fallback.NONE:
        log.error("the kiosk crashed again and again; starting on the %s", fallback.value)
    return fallback


def content_to_show(loaded: Loaded | None, lang: str | None) -> Content | None:
    """The content, its problems logged with their lines; None if there is none to show."""
    for problem in loaded.problems if loaded else ():
        log.log(logging.WARNING if problem.warning else logging.ERROR, "%s", problem)
    content = loaded.content if loaded else None
    if content is not None and lang:
        content = content.with_settings(default_language=lang)
    return content


def chosen_screen(number: int) -> QScreen | None:
    screens = QGuiApplication.screens()
    if not screens:
        log.error("no display found")
        return None
    if not 0 <= number < len(screens):
        log.warning("there is no screen %d (screens: 0 to %d); using 0", number,
                    len(screens) - 1)
        return screens[0]
    return screens[number]


def idle_watcher(content: Content | None) -> IdleWatcher:
    settings = content.settings if content else None
    return IdleWatcher(round((settings.idle_timeout if settings else 60) * 1000),
                       round((settings.attract_delay if settings else 120) * 1000))


def make_window(content: Content | None, loaded: Loaded | None, family: str, idle: IdleWatcher,
                size: tuple[int, int], windowed: bool) -> QWidget:
    """The kiosk window, or the calm "back soon" screen when there is no content to show."""
    if content is None:
        from .ui.problems_view import ProblemsView

        return ProblemsView(loaded, family, size, allow_close=windowed)
    return KioskWindow(content, family, idle, allow_close=windowed, size=size)


def report_to_desk(window: QWidget, options: StartOptions, content: Content | None,
                   fallback: Fallback, recent_crashes: int) -> object:
    """Just after the first frame, if site.yaml has `metrics:`: the figures for Prometheus
    and a picture of the screen, served in threads of their own (kiosk/reporting.py)."""
    site_file = options.site[0]
    if site_file is None or not site_file.exists():
        return None
    from .core.site.read import load_site  # not before: it brings the checker and PyYAML

    site = load_site(site_file, content).site
    if site is None or site.metrics is None:
        return None
    try:
        from .reporting import Reporting

        reporting = Reporting(site, window, options.content, fallback, recent_crashes)
    except Exception:  # the desk's figures must never take the kiosk's services with them
        log.exception("metrics: cannot be started; the kiosk runs on without them")
        return None
    return reporting if reporting.running else None


def attach_services(app: QApplication, window: KioskWindow, idle: IdleWatcher,
                    options: StartOptions, last_good: LastGood, started: datetime,
                    fallback: Fallback, reporting: object = None,
                    loaded: Loaded | None = None) -> object:
    """Just after the first frame: the log files, and around the window the content watcher,
    usage figures, opening hours and staff access (kiosk/services.py)."""
    from .services import Services

    logs.to_files()
    services = Services(app, window, idle, options.content, last_good, started,
                        on_fallback=fallback is not Fallback.NONE, site=options.site[0])
    if reporting is not None:
        from .reporting import Reporting

        assert isinstance(reporting, Reporting)
        services.report(reporting, loaded.counts()[1] if loaded else 0)
    return services


def try_again_later(window: QWidget, starts: Starts, started: datetime) -> None:
    """After a crash loop, on the "back soon" screen: a normal start again, backing off."""
    retry_s = starts.back_soon(started)
    log.error("on the back soon screen; trying a normal start in %d minutes",
              round(retry_s / 60))
    retry = QTimer(window)
    retry.setSingleShot(True)
    retry.timeout.connect(lambda: QApplication.exit(ExitCode.RESTART))
    retry.start(round(retry_s * 1000))


def watch_for_a_fix(window: QWidget, content_path: Path, starts: Starts,
                    started: datetime, site: Path | None = None) -> None:
    """On the "back soon" screen: a valid save starts the kiosk again, on it, as a normal
    start (the crashes before it, within the minute, were the old file's)."""
    from .qt.watcher import ContentWatcher

    def fixed(_content: Content) -> None:
        starts.end(started, afresh=True)
        QApplication.exit(ExitCode.RESTART)

    watcher = ContentWatcher(content_path, None, parent=window, site=site)
    watcher.loaded.connect(fixed)
    logs.to_files()  # its line says the watcher is there


def show(window: QWidget, screen: QScreen, windowed: bool) -> None:
    """In a normal window; or fullscreen on the chosen display, pointer hidden."""
    if windowed:
        window.show()
        return
    QGuiApplication.setOverrideCursor(Qt.CursorShape.BlankCursor)
    window.winId()
    window.windowHandle().setScreen(screen)
    window.showFullScreen()


class FirstFrame(QObject):
    """Runs the steps it is given, each on its own and in that order, just after the window's
    first frame is painted. It watches the window's own events only (its paint comes first in
    each frame); a filter on the application would see every event of every widget."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self._window = window
        self._steps: list = []
        window.installEventFilter(self)

    def then(self, step) -> None:
        self._steps.append(step)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            for step in self._steps:
                QTimer.singleShot(0, step)  # once this frame is done
        return False


def quit_when_shown() -> None:
    # The moment the first frame was done, on the clock bench/run.py's time.perf_counter()
    # reads (CLOCK_MONOTONIC), so that exiting is not counted; exit, not quit: quit asks the
    # windows to close, and the kiosk window refuses.
    print(f"painted_at {time.clock_gettime(time.CLOCK_MONOTONIC):.6f}", flush=True)
    QApplication.exit(0)
