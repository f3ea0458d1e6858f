"""The parts around the kiosk window, attached just after its first frame is on screen: a
visitor (and the start-up) waits for none of them. Content watching and the last good copy,
usage figures, opening hours, staff access, keys and reading aloud.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from .core import paths
from .core.content import Content, Loaded
from .core.crash_loop import LastGood
from .core.exit_codes import ExitCode
from .core.machine import run_command
from .core.pin import PinGate
from .core.usage import UsageStore
from .core.usage.record import Session, SessionLog
from .core.usage.report import figures
from .core.usage.summary import headline
from .qt.idle import IdleWatcher
from .qt.schedule import OpeningSchedule
from .qt.taps import TapWatcher
from .qt.voice import Voice
from .qt.watcher import ContentWatcher
from .qt.watchers import on_the_window
from .ui.keypad import Keypad
from .ui.speech_mode import SpeechMode
from .ui.staff_desk import StaffDesk
from .ui.staff_panel import StaffStatus
from .ui.window import KioskWindow

if TYPE_CHECKING:
    from .reporting import Reporting

log = logging.getLogger("kiosk")


class Services:
    """What runs beside the window, kept together so that nothing is collected while the
    kiosk runs, and closed properly when it stops."""

    def __init__(self, app: QApplication, window: KioskWindow, idle: IdleWatcher,
                 content_path: Path, last_good: LastGood, started: datetime,
                 on_fallback: bool = False, site: Path | None = None):
        content = window.content
        self.window = window
        self.watcher = ContentWatcher(content_path, content, parent=window, site=site)
        self.watcher.loaded.connect(window.use_content)
        self.failed_saves = FailedSaves()
        self.watcher.failed.connect(self.failed_saves.log)
        keep_when_stable(window, self.watcher, last_good, not on_fallback)
        self.store, self.sessions = record_usage(window, idle)
        self.schedule = follow_opening_hours(window, self.watcher, content)
        watcher, store = self.watcher, self.store
        self.desk = StaffDesk(window, PinGate(paths.settings_file()),
                              lambda: staff_status(watcher, store, started))
        self.desk.pad_opened.connect(self.sessions.discard)  # staff are no visitors
        self.desk.reload_requested.connect(
            lambda: reload_now(window, watcher, then=self.desk.open_panel))
        self.desk.restart_requested.connect(lambda: QApplication.exit(ExitCode.RESTART))
        self.desk.exit_requested.connect(lambda: staff_exit(paths.settings_file()))
        self.desk.start()
        self.keypad = Keypad(window, lambda: window.look, window.back)  # keys as well as touch
        window.shown.connect(lambda *_: self.keypad.first(window.stack.currentWidget()))
        on_the_window(window, self.keypad)
        self.voice = Voice(parent=window)
        self.speech = SpeechMode(window, self.voice, self.keypad)
        self.speech.start()
        open_when_nobody_is_there(idle, self.voice)

    def report(self, reporting: Reporting, warnings: int) -> None:
        """Tell the desk's figures (kiosk/reporting.py) what the kiosk does from now on."""
        window, save = self.window, self.sessions.save
        reporting.content_shown(warnings)

        def saved(session: Session) -> None:
            save(session)
            reporting.session(session)

        self.watcher.read.connect(reporting.read)
        self.sessions.save = saved
        window.shown.connect(lambda page, detail, language: reporting.shown(
            page, detail, language, window.content))
        self.schedule.changed.connect(lambda is_open: reporting.figures.open.set(int(is_open)))
        reporting.figures.open.set(int(self.schedule.open))

    def close(self) -> None:
        self.sessions.ended("stopped")  # a session in progress when staff exit is saved too
        self.store.close()
        self.voice.close()


class FailedSaves:
    """Logs the problems of a save that cannot be used, boundedly: at most LINES of them, and
    a save with the same problems as the last one in one line. A tool saving a file with
    thousands of problems in a loop would otherwise push the whole log history (5 files of
    1 MB) out within a minute."""

    LINES = 20

    def __init__(self):
        self._last: list = []
        self._repeats = 0

    def log(self, loaded: Loaded) -> None:
        first, more = loaded.first_errors(self.LINES)
        problems = list(loaded.problems)
        if problems == self._last:
            self._repeats += 1
            if self._repeats in (1, 10, 100) or self._repeats % 1000 == 0:
                log.error("the content file was saved again with the same %d problem(s) "
                          "(%d time(s) now); still showing the last good content",
                          len(first) + more, self._repeats)
            return
        self._last, self._repeats = problems, 0
        for problem in first:
            log.error("%s", problem)
        if more:
            log.error("... and %s more problem(s) in this save", f"{more:,}")


def open_when_nobody_is_there(idle: IdleWatcher, voice: Voice) -> None:
    """The speech engine opened at the first idle timeout after the start: opening it holds the
    screen up for up to 2 s (kiosk/qt/voice.py), which no visitor should meet."""
    voice.open_at(idle.idle)


STABLE_MS = 60_000  # content that has run this long without a crash is the last good content


def keep_when_stable(window: KioskWindow, watcher: ContentWatcher, last_good: LastGood,
                     shown_now: bool = True) -> QTimer:
    """The content file becomes the last good content once the kiosk has shown it for a
    minute without crashing: from the start, or (after a crash loop, when the kiosk shows the
    last good copy instead) from the first valid save staff make."""
    timer = QTimer(window)
    timer.setSingleShot(True)
    timer.setInterval(STABLE_MS)
    timer.timeout.connect(lambda: last_good.remember(watcher.path))
    watcher.loaded.connect(timer.start)
    if shown_now:
        timer.start()
    return timer


PRUNE_EVERY_MS = 24 * 3600 * 1000


def record_usage(window: KioskWindow, idle: IdleWatcher) -> tuple[UsageStore, SessionLog]:
    """Sessions from the first touch to the idle reset, saved as each ends; records older than
    the content's `usage_retention_days` removed at start and once a day."""
    store = UsageStore(paths.usage_database())

    def prune() -> None:
        days = window.content.settings.usage_retention_days  # the content in use now
        pruned = store.prune(datetime.now() - timedelta(days=days))
        if pruned:
            log.info("usage figures: forgot %d session(s) older than %g days", pruned, days)

    prune()
    daily = QTimer(window)
    daily.setInterval(PRUNE_EVERY_MS)
    daily.timeout.connect(prune)
    daily.start()
    sessions = SessionLog(store.save, datetime.now, store.save_attract)

    def shown(page: str, detail: str, language: str) -> None:
        sessions.shown(page, detail, language, window.content.link_on(page, detail))

    shown(window.route.page, window.route.detail, window.language)  # on screen now
    idle.activity.connect(sessions.touched)
    window.shown.connect(shown)
    window.visitor_left.connect(sessions.ended)
    window.nav.switch_text_size.connect(sessions.text_switched)
    window.overlay.stayed.connect(sessions.stayed)
    window.attract.started.connect(sessions.attract_started)
    window.attract.ended.connect(sessions.attract_ended)
    TapWatcher.of(window).tapped.connect(sessions.tapped)  # where each touch falls
    return store, sessions


def follow_opening_hours(window: KioskWindow, watcher: ContentWatcher,
                         content: Content) -> OpeningSchedule:
    """The closed screen outside opening hours; the display turned off and on around it where
    the installer gave the commands for it (kiosk/core/machine.py)."""
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
    return schedule


def staff_status(watcher: ContentWatcher, store: UsageStore, started: datetime) -> StaffStatus:
    midnight = datetime.combine(datetime.now().date(), datetime.min.time())
    try:
        week = store.sessions(since=midnight - timedelta(days=6))
    except Exception:  # a damaged database must not keep staff out of their panel
        log.exception("cannot read this week's usage figures")
        week = []
    return StaffStatus(
        content_path=str(watcher.path),
        loaded_at=watcher.loaded_at or started,
        problems=tuple(str(p) for p in watcher.last_problems),
        today=figures([s for s in week if s.started >= midnight]),
        week=headline(week),
    )


def staff_exit(settings) -> None:
    """Exit to desktop: tell the service manager to leave the kiosk stopped, then exit."""
    run_command(settings, "on_staff_exit")
    QApplication.exit(ExitCode.STAFF_EXIT)


def reload_now(window: KioskWindow, watcher: ContentWatcher,
               then: Callable[[], object] = lambda: None) -> None:
    """Staff asked for it at the screen: check the file (off the UI thread), show it at once
    if it is new and valid, then `then` (the panel, opened again with what was found)."""
    def show() -> None:
        watcher.checked.disconnect(show)
        if watcher.current is not None and watcher.current is not window.content:
            window.use_content(watcher.current)
            window.reset()
        then()

    watcher.checked.connect(show)
    watcher.reload()
