"""The parts around the window (kiosk/services.py): usage recording, opening hours, restart."""

import json
import shutil
import sys
from datetime import datetime, time
from pathlib import Path

from kiosk import cli, services
from kiosk.core import paths
from kiosk.core.content.model import OpeningHours

from .helpers import tap
from .samples import MINIMAL, ROOT, run_kiosk


def test_a_visitors_taps_become_one_recorded_session(qtbot, make_window, content, tmp_path,
                                                    monkeypatch):
    monkeypatch.setattr(paths, "usage_database", lambda: tmp_path / "usage.sqlite3")
    window = make_window()
    store, sessions = services.record_usage(window, window.idle)
    tap(qtbot, window.screens["home"].tiles["clusters"])
    tap(qtbot, window.language_button)
    window.reset()  # the idle reset
    [got] = store.sessions()
    assert [(v.screen, v.language) for v in got.views] == [("home", "en"), ("clusters", "en"),
                                                           ("clusters", "zh")]
    assert got.language == "zh"
    store.close()


def test_a_visitor_who_goes_home_and_walks_away_is_a_recorded_session(qtbot, make_window,
                                                                     tmp_path, monkeypatch):
    """Back on the home screen, in the kiosk's own language: no countdown, no reset, but the
    idle timeout still ends the session, and it is saved."""
    monkeypatch.setattr(paths, "usage_database", lambda: tmp_path / "usage.sqlite3")
    window = make_window()
    store, sessions = services.record_usage(window, window.idle)
    tap(qtbot, window.screens["home"].tiles["clusters"])
    tap(qtbot, window.home_button)
    assert store.sessions() == []
    with qtbot.waitSignal(window.visitor_left, timeout=5000):
        window.idle.set_timeout(50, 60_000)  # nobody touches it: the idle timeout
        window.idle.poke()
    [got] = store.sessions()
    assert [v.screen for v in got.views] == ["home", "clusters", "home"]
    assert not window.overlay.isVisible()
    store.close()


def test_the_kiosk_closes_at_once_when_started_outside_opening_hours(qtbot, make_window,
                                                                     content):
    never = content._replace(opening_hours=OpeningHours(week=(None,) * 7))
    window = make_window(never)
    watcher = services.ContentWatcher(content.source, never, parent=window)
    services.follow_opening_hours(window, watcher, never)
    assert window.closed and window.closed_view.isVisible()


def test_staff_restart_starts_the_kiosk_again(monkeypatch):
    started = []
    monkeypatch.setattr("kiosk.app.run", lambda args: cli.ExitCode.RESTART)
    monkeypatch.setattr("os.execv", lambda program, argv: started.append(argv))
    assert cli.main(["--windowed"]) == cli.ExitCode.RESTART
    assert started == [[sys.executable, *sys.orig_argv[1:]]]  # the command it was started by


def test_opening_hours_of_every_day_open_all_day_when_only_holidays_are_given():
    from kiosk.core.content import load_bytes

    from .samples import MINIMAL, ROOT

    loaded = load_bytes((MINIMAL + "opening_hours:\n  closed_on: [2027-01-01]\n").encode(),
                        "content.yaml", ROOT)
    assert loaded.content.opening_hours.week == ((time(0), time.max),) * 7
    from kiosk.core.hours import is_open
    assert is_open(loaded.content.opening_hours, datetime(2027, 1, 2, 3, 0))
    assert not is_open(loaded.content.opening_hours, datetime(2027, 1, 1, 12, 0))


def test_the_display_is_turned_off_when_closed_and_on_at_a_touch(qtbot, make_window, content,
                                                                  tmp_path, monkeypatch):
    """The installer's display commands (settings file) run as the closed screen comes and goes."""
    from .helpers import tap as tap_

    log = tmp_path / "display.log"
    settings = tmp_path / "settings.json"
    settings.write_text(json.dumps({
        "display_off": [sys.executable, "-c", f"open({str(log)!r}, 'a').write('off ')"],
        "display_on": [sys.executable, "-c", f"open({str(log)!r}, 'a').write('on ')"]}))
    monkeypatch.setattr(paths, "settings_file", lambda: settings)
    never = content._replace(opening_hours=OpeningHours(week=(None,) * 7))
    window = make_window(never)
    watcher = services.ContentWatcher(content.source, never, parent=window)
    services.follow_opening_hours(window, watcher, never)
    qtbot.waitUntil(lambda: log.exists() and log.read_text() == "off ", timeout=5000)
    tap_(qtbot, window.closed_view)
    qtbot.waitUntil(lambda: log.read_text() == "off on ", timeout=5000)


def test_the_whole_kiosk_starts_attaches_its_services_and_logs_to_files(tmp_path):
    """main.py, started for real: the log file gets the records from before the first frame
    too, and the services were attached (the watcher's line comes from them)."""
    result = run_kiosk(tmp_path, 300)
    assert result.returncode == 0, result.stderr
    written = (tmp_path / "state" / "kiosk" / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert "INFO kiosk: kiosk started: " in written  # logged before the first frame
    assert "kiosk stopped (exit code 0)" in written
    assert (tmp_path / "data" / "kiosk" / "usage.sqlite3").exists()  # the services ran


def test_reload_now_shows_a_valid_save_at_once_and_the_panel_names_a_bad_one(
        qtbot, make_window, tmp_path):
    """Staff at the screen press "Reload content": no waiting for a session to end."""
    import shutil
    from datetime import datetime

    from kiosk.core.content import load
    from kiosk.core.usage import UsageStore

    root = Path(__file__).resolve().parent.parent
    shutil.copy(root / "content.yaml", tmp_path / "content.yaml")
    shutil.copytree(root / "resources", tmp_path / "resources")
    first = load(tmp_path / "content.yaml").content
    window = make_window(first)
    watcher = services.ContentWatcher(tmp_path / "content.yaml", window.content, parent=window)
    tap(qtbot, window.screens["home"].tiles["mission"])  # staff opened the panel from here
    text = (tmp_path / "content.yaml").read_text(encoding="utf-8")
    (tmp_path / "content.yaml").write_text(text.replace("Beijing TusPark", "TusPark Lobby B"),
                                           encoding="utf-8")
    reopened = []
    with qtbot.waitSignal(watcher.checked, timeout=10_000):  # checked off the UI thread
        services.reload_now(window, watcher, then=lambda: reopened.append(window.content))
    assert window.content.organisation.name.en == "TusPark Lobby B"
    assert window.route.page == "home"  # shown from the start, as a new session
    assert reopened == [window.content]  # then the panel, with the new status
    (tmp_path / "content.yaml").write_text("organisation: [broken\n", encoding="utf-8")
    with qtbot.waitSignal(watcher.checked, timeout=10_000):
        services.reload_now(window, watcher)
    assert window.content.organisation.name.en == "TusPark Lobby B"  # the last good content
    store = UsageStore(tmp_path / "usage.sqlite3")
    status = services.staff_status(watcher, store, datetime(2026, 11, 30, 9))
    assert status.problems and status.problems[0].startswith(  # at the '[' never closed
        f"{tmp_path / 'content.yaml'}:1:15: YAML syntax error: the '[' here is never closed")
    assert status.today.sessions == 0 and status.week["sessions"] == 0
    store.close()


def test_a_save_loop_of_a_bad_file_logs_boundedly(caplog):
    from kiosk.core.content import load_bytes

    saves = services.FailedSaves()
    text = MINIMAL + "  pillars:\n" + "    - x\n" * 5000  # 5,000 problems, 200 of them listed
    many = load_bytes(text.encode(), "content.yaml", ROOT)
    for _ in range(1000):
        saves.log(many)
    lines = caplog.text.splitlines()
    assert len(lines) == 21 + 3  # the first save's 20 and a summary; repeats 1, 10 and 100
    assert "content.yaml:28:7: 'pillar' must be a set of keys" in lines[19]
    assert lines[20].endswith("... and 4,980 more problem(s) in this save")  # all, not listed
    assert lines[21].endswith("the content file was saved again with the same 5000 "
                              "problem(s) (1 time(s) now); still showing the last good content")
    assert "(999 time(s) now)" not in caplog.text and "(100 time(s) now)" in caplog.text
    one = load_bytes((MINIMAL + "  items:\n    - x\n").encode(), "content.yaml", ROOT)
    saves.log(one)  # different problems: logged again
    assert caplog.text.splitlines()[-1].endswith(str(one.errors[0]))
    assert "more problem(s)" not in caplog.text.splitlines()[-1]


def test_after_a_crash_loop_the_file_that_crashed_is_not_taken_for_good(qtbot, tmp_path):
    """On the fallback, the kiosk shows the last good copy, not the file: a minute of that
    proves nothing about the file. A valid save staff make afterwards is shown, and counts."""
    from PySide6.QtWidgets import QWidget

    from kiosk.core.content import load
    from kiosk.core.crash_loop import LastGood
    from kiosk.qt.watcher import ContentWatcher

    path = tmp_path / "content.yaml"
    shutil.copy(ROOT / "content.yaml", path)
    shutil.copytree(ROOT / "resources", tmp_path / "resources")
    owner = QWidget()
    qtbot.addWidget(owner)
    watcher = ContentWatcher(path, load(path).content, parent=owner)
    on_fallback = services.keep_when_stable(owner, watcher, LastGood(tmp_path), False)
    normal = services.keep_when_stable(owner, watcher, LastGood(tmp_path), True)
    assert not on_fallback.isActive() and normal.isActive()
    watcher.loaded.emit(watcher.current)
    assert on_fallback.isActive()


def test_where_a_visitor_taps_and_what_it_pressed_are_recorded(qtbot, make_window, tmp_path,
                                                              monkeypatch):
    """Taps as the display delivers them, to the window first: one record each (not again as
    the press travels to the button and its parents), at its place as shares of the window."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from kiosk.core.usage.record import Tap

    from .helpers import settle

    monkeypatch.setattr(paths, "usage_database", lambda: tmp_path / "usage.sqlite3")
    window = make_window()
    store, sessions = services.record_usage(window, window.idle)
    tile = window.screens["home"].tiles["clusters"]
    centre = tile.mapTo(window, tile.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(centre))
    settle()
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(5, 5))
    settle()
    window.reset()
    [got] = store.sessions()
    assert got.taps == [
        Tap("home", "", round(centre.x() / window.width(), 4),
            round(centre.y() / window.height(), 4), "tile"),
        Tap("clusters", "", round(5 / window.width(), 4), round(5 / window.height(), 4), "")]
    assert got.ended == "idle"
    store.close()


def test_a_kiosk_without_metrics_leaves_openssl_unloaded_until_a_pin_is_asked(tmp_path):
    """hashlib loads OpenSSL's libcrypto (3.4 MiB resident in a full Python): the PIN pad and
    the desk's password load it when used, not at the start (docs/performance.md)."""
    result = run_kiosk(tmp_path, 300, "sorted(m for m in sys.modules if m in "
                                      "('hashlib', '_hashlib', 'hmac', 'secrets'))")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "[]"


def test_pysides_check_of_each_module_keeps_no_source_lines(tmp_path):
    """kiosk.qt.pyside_fixes comes first after PySide6 (kiosk/app.py): before, PySide6 read
    the source of 75 modules into linecache for its check of them, about 3 MiB kept."""
    result = run_kiosk(tmp_path, 300, "len(__import__('linecache').cache)")
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.splitlines()[-1]) <= 10


def test_from_its_cache_the_kiosk_reaches_its_first_frame_without_the_checker(tmp_path):
    """PyYAML, the content checker and site.yaml's reader wait until a file is there to read
    (docs/performance.md): a start from the content cache needs none of them."""
    assert run_kiosk(tmp_path, 0).returncode == 0  # the first start writes the cache
    found = ("sorted(m for m in sys.modules if m.startswith(('yaml', 'kiosk.core.content.loader',"
             " 'kiosk.core.site.read', 'hashlib')))")
    result = run_kiosk(tmp_path, 300, first_words=found, last_words=found)
    assert result.returncode == 0, result.stderr
    # nor with its services running: the watcher imports the checker at the first save
    assert result.stdout.splitlines()[:2] == ["[]", "[]"]


def test_the_first_frame_comes_without_sockets_or_dataclasses(tmp_path):
    """Neither is needed to draw the home screen: the stop signals wake the loop through a
    pipe, systemd's socket is made at its first message, and the session and the start's
    options are plain classes (4 to 6 ms and about 3 ms of a start: docs/performance.md)."""
    assert run_kiosk(tmp_path, 0).returncode == 0  # the first start writes the cache
    found = "sorted(m for m in ('socket', 'dataclasses') if m in sys.modules)"
    result = run_kiosk(tmp_path, 0, first_words=found)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "[]"


def test_the_styles_python_side_is_made_after_the_first_frame_and_before_a_tap(tmp_path):
    """PySide6 makes a Qt class's Python type, with its enums, when it is first named: QStyle
    and QPalette (13 enums, about 9 ms) wait until after the first frame, and are made as the
    kiosk builds ahead, not at a visitor's first tap (kiosk/ui/window.py)."""
    made = ("[name in vars(module) for module, name in ((__import__('PySide6.QtWidgets')"
            ".QtWidgets, 'QStyle'), (__import__('PySide6.QtGui').QtGui, 'QPalette'))]")
    result = run_kiosk(tmp_path, 300, first_words=made, last_words=made)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[:2] == ["[False, False]", "[True, True]"]


def test_keys_are_locked_and_idle_watched_from_just_after_the_first_frame(tmp_path):
    """The window's watchers (the exit keys locked, fullscreen; the idle watcher) start just
    after the first frame, not before it (docs/performance.md). An Escape given to the window,
    as the display gives it, stays accepted only where the lockdown took it before the widgets,
    which ignore it."""
    state = ("(lambda e, w: (app.QApplication.sendEvent(w.windowHandle(), e), e.isAccepted(), "
             "w.idle.timer.isActive())[1:])(__import__('PySide6.QtGui').QtGui"
             ".QKeyEvent(app.QEvent.Type.KeyPress, app.Qt.Key.Key_Escape, "
             "app.Qt.KeyboardModifier.NoModifier), next(w for w in "
             "app.QApplication.topLevelWidgets() if isinstance(w, app.KioskWindow)))")
    fullscreen = run_kiosk(tmp_path, 200, first_words=state, last_words=state, fullscreen=True)
    assert fullscreen.returncode == 0, fullscreen.stderr
    assert fullscreen.stdout.splitlines()[:2] == ["(False, False)", "(True, True)"]
    windowed = run_kiosk(tmp_path, 200, first_words=state, last_words=state)
    assert windowed.returncode == 0, windowed.stderr
    assert windowed.stdout.splitlines()[:2] == ["(False, False)", "(False, True)"]
