"""What the usage figures record beyond views: where each tap fell and what it pressed, switches,
"Still there?" answered, how a session ended, the attract loop and the touches that end it,
the QR code each screen showed; stored in a database that upgrades an older kiosk's, and a
newer kiosk's refused with a message."""

import sqlite3

import pytest

from kiosk.core.usage import UsageStore
from kiosk.core.usage.record import AttractRun, SessionLog, Tap
from kiosk.core.usage.store import SCHEMA, UnreadableStoreError, read_attract, read_sessions

from .test_usage import T0, Clock


def log():
    saved, runs, clock = [], [], Clock()
    return SessionLog(saved.append, clock, runs.append), saved, runs, clock


def test_taps_switches_and_how_a_session_ended_are_recorded():
    sessions, saved, _, clock = log()
    sessions.shown("home", "", "en", "https://park.example/")
    sessions.tapped(0.25, 0.5, "tile")  # the first tap starts the session
    sessions.shown("clusters", "", "en")
    clock.advance(5)
    sessions.tapped(1.2, -0.1, "")  # outside the window: on its edge
    sessions.shown("clusters", "", "zh")
    sessions.text_switched()
    sessions.stayed()
    clock.advance(10)
    sessions.ended("idle")
    [session] = saved
    assert session.taps == [Tap("home", "", 0.25, 0.5, "tile"), Tap("clusters", "", 1.0, 0.0, "")]
    assert [v.link for v in session.views] == ["https://park.example/", "", ""]
    assert (session.language_switches, session.text_switches, session.stayed) == (1, 1, 1)
    assert session.ended == "idle" and not session.from_attract
    assert session.seconds == 15


def test_a_touch_that_ends_the_attract_loop_starts_a_session_from_it():
    sessions, saved, runs, clock = log()
    sessions.attract_started()
    clock.advance(30)
    sessions.touched()  # the touch is seen first ...
    sessions.attract_ended(woken=True)  # ... then the loop it ended
    sessions.ended("left")
    assert runs == [AttractRun(T0, 30.0, True)]
    assert saved[0].from_attract and saved[0].ended == "left"
    sessions.attract_started()
    clock.advance(8)
    sessions.attract_ended(woken=False)  # ended by itself (a staff command, the hours)
    sessions.touched()
    sessions.ended("idle")
    assert runs[1].woken is False and not saved[1].from_attract
    sessions.attract_ended(woken=True)  # no loop was showing: nothing recorded
    assert len(runs) == 2


def test_everything_is_stored_and_read_back(tmp_path):
    sessions, saved, runs, clock = log()
    sessions.shown("network", "wuhan", "zh", "https://park.example/wuhan")
    sessions.tapped(0.5, 0.75, "map")
    sessions.text_switched()
    clock.advance(12)
    sessions.ended("idle")
    store = UsageStore(tmp_path / "usage.sqlite3")
    assert store.save(saved[0])
    assert store.save_attract(AttractRun(T0, 42.0, True))
    store.close()
    [back] = read_sessions(tmp_path / "usage.sqlite3")
    assert back.taps == [Tap("network", "wuhan", 0.5, 0.75, "map")]
    assert back.views[0].link == "https://park.example/wuhan"
    assert (back.ended, back.text_switches) == ("idle", 1)
    assert read_attract(tmp_path / "usage.sqlite3") == [AttractRun(T0, 42.0, True)]
    assert read_attract(tmp_path / "none.sqlite3") == []


def an_old_database(path):
    """As the kiosks before this one wrote it: sessions and views only, user_version 0."""
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    db.execute("INSERT INTO sessions (started, seconds, language) VALUES (?, 30, 'en')",
               (T0.isoformat(),))
    db.execute("INSERT INTO views VALUES (1, 'home', '', 'en', ?, 30)", (T0.isoformat(),))
    db.commit()
    db.close()


def test_an_older_kiosks_database_is_read_as_it_is_and_upgraded_when_written(tmp_path):
    path = tmp_path / "usage.sqlite3"
    an_old_database(path)
    [old] = read_sessions(path)  # read-only: not upgraded by reading
    assert (old.ended, old.taps, old.views[0].link) == ("", [], "")
    assert read_attract(path) == []
    store = UsageStore(path)
    sessions, saved, _, _ = log()
    sessions.tapped(0.1, 0.2, "nav")
    sessions.ended("idle")
    assert store.save(saved[0])
    store.close()
    both = read_sessions(path)
    assert [s.ended for s in both] == ["", "idle"] and both[1].taps[0].control == "nav"
    assert sqlite3.connect(path).execute("PRAGMA user_version").fetchone()[0] == 2


def test_a_newer_kiosks_database_is_refused_with_a_message(tmp_path, caplog):
    path = tmp_path / "usage.sqlite3"
    an_old_database(path)
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    with pytest.raises(UnreadableStoreError) as raised:
        read_sessions(path)
    assert str(raised.value) == (
        f"Cannot read the usage database {path}: it was written by a newer kiosk (version 3; "
        "this one reads up to 2): read it with that kiosk's program")
    store = UsageStore(path)  # the kiosk itself: logs, keeps the session waiting, never raises
    sessions, saved, _, _ = log()
    sessions.touched()
    sessions.ended()
    assert not store.save(saved[0])
    assert "written by a newer kiosk (version 3; this one writes 2)" in caplog.text
    store.close()
