"""The usage database (kiosk/core/usage/store.py): every field of a session and of an attract
loop's showing kept as written, each period's ends, and the exact words for each row or file
that cannot be read or moved."""

import sqlite3
import time
from datetime import datetime, timedelta

import pytest

from kiosk.core.usage import Session, UsageStore, View
from kiosk.core.usage.record import AttractRun, Tap
from kiosk.core.usage.store import UnreadableStoreError, read_attract, read_sessions

T0 = datetime(2026, 11, 30, 10, 0, 0)


def _full(start: datetime, seconds: float) -> Session:
    return Session(start, "zh", seconds, [
        View("home", "", "en", start, 1.26),
        View("network", "wuhan", "zh", start + timedelta(seconds=2), seconds - 1.26,
             "https://example.org/武汉")],
        [Tap("home", "", 0.125, 0.75, "tile"), Tap("network", "wuhan", 0.5, 0.25, "")],
        "left", True, 2, 3, 4)


def test_every_field_of_a_session_is_kept_with_its_seconds_to_a_tenth(tmp_path):
    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path)
    assert store.save(_full(T0, 12.345)) is True
    store.close()
    [got] = read_sessions(path)
    expected = _full(T0, 12.3)
    expected.views[0].seconds, expected.views[1].seconds = 1.3, 11.1  # 1.26, 11.085 rounded
    assert got == expected


def test_a_running_kiosks_database_is_read_for_the_days_asked(tmp_path):
    """The kiosk has it open (its write-ahead log beside it): read through the log."""
    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path)
    for hours in range(4):
        store.save(_full(T0 + timedelta(hours=hours), 10.0 + hours))
    assert (tmp_path / "usage.sqlite3-wal").exists()
    try:
        since = read_sessions(path, since=T0 + timedelta(hours=1))
        until = read_sessions(path, until=T0 + timedelta(hours=1))
        both = read_sessions(path, T0 + timedelta(hours=1), T0 + timedelta(hours=3))
    finally:
        store.close()
    assert [s.seconds for s in since] == [11.0, 12.0, 13.0]
    assert [s.seconds for s in until] == [10.0]
    assert [s.seconds for s in both] == [11.0, 12.0]
    assert [len(s.taps) for s in both] == [2, 2]


def test_the_attract_loops_showings_within_a_period(tmp_path):
    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path)
    for hours, seconds, woken in ((0, 60.04, True), (1, 12.35, False), (2, 0.0, True)):
        assert store.save_attract(AttractRun(T0 + timedelta(hours=hours), seconds, woken))
    store.close()
    assert read_attract(path) == [AttractRun(T0, 60.0, True),
                                  AttractRun(T0 + timedelta(hours=1), 12.3, False),
                                  AttractRun(T0 + timedelta(hours=2), 0.0, True)]
    assert [r.started.hour for r in read_attract(path, since=T0 + timedelta(hours=1))] == [11, 12]
    assert [r.started.hour for r in read_attract(path, until=T0 + timedelta(hours=1))] == [10]
    assert read_attract(tmp_path / "none.sqlite3") == []


def test_an_older_kiosks_database_has_no_attract_loop_to_read(tmp_path):
    path = tmp_path / "usage.sqlite3"
    db = sqlite3.connect(path)
    db.execute("CREATE TABLE sessions (id INTEGER PRIMARY KEY, started TEXT)")
    db.close()
    assert read_attract(path) == []


def _broken(tmp_path, statement: str, *values):
    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path)
    store.save(_full(T0, 30.0))
    store.save_attract(AttractRun(T0, 5.0, False))
    store.close()
    db = sqlite3.connect(path)
    db.execute(statement, values)
    db.commit()
    db.close()
    return path


@pytest.mark.parametrize("statement, value, message", [
    ("UPDATE views SET started = ? WHERE rowid = 2", "30 Nov", "a view of session 1 has the "
     "start '30 Nov', which is not a date and time like 2026-11-28T14:05:00"),
    ("UPDATE views SET seconds = ? WHERE rowid = 2", -0.1, "a view of session 1 lasts -0.1 "
     "seconds, which is not a number of seconds"),
    ("UPDATE sessions SET seconds = ?", "30s", "session 1 lasts '30s' seconds, which is not a "
     "number of seconds"),
    ("UPDATE sessions SET started = ?", "2026-11-31T10:00:00", "session 1 has the start "
     "'2026-11-31T10:00:00', which is not a date and time like 2026-11-28T14:05:00"),
])
def test_a_bad_row_is_named_with_the_file(tmp_path, statement, value, message):
    path = _broken(tmp_path, statement, value)
    for read in (lambda: read_sessions(path), lambda: UsageStore(path).sessions()):
        with pytest.raises(UnreadableStoreError) as raised:
            read()
        assert str(raised.value) == f"Cannot read the usage database {path}: {message}"


def test_no_time_at_all_is_a_length_a_negative_one_is_not(tmp_path):
    path = _broken(tmp_path, "UPDATE views SET seconds = ?", 0)
    assert [v.seconds for v in read_sessions(path)[0].views] == [0.0, 0.0]


def test_an_attract_loop_with_a_bad_start_is_named_with_the_file(tmp_path):
    path = _broken(tmp_path, "UPDATE attract SET started = ?", "2026-11-30 at ten")
    with pytest.raises(UnreadableStoreError) as raised:
        read_attract(path)
    assert str(raised.value) == (f"Cannot read the usage database {path}: an attract loop has "
                                 "the start '2026-11-30 at ten', which is not a date and time like "
                                 "2026-11-28T14:05:00")
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database at all" * 200)
    with pytest.raises(UnreadableStoreError) as raised:
        read_attract(damaged)
    assert str(raised.value) == (f"Cannot read the usage database {damaged}: file is not a "
                                 "database")


def test_a_damaged_database_that_cannot_be_moved_aside_keeps_the_sessions_waiting(
        tmp_path, caplog, monkeypatch):
    path = tmp_path / "usage.sqlite3"
    path.write_bytes(b"overwritten by mistake" * 200)
    monkeypatch.setattr(time, "strftime", lambda pattern: "20261130-100000")
    aside = tmp_path / "usage.sqlite3.damaged-20261130-100000"
    aside.mkdir()
    (aside / "in the way").write_text("")
    store = UsageStore(path)
    assert store.save(_full(T0, 5.0)) is False
    assert store.save_attract(AttractRun(T0, 5.0, False)) is False
    assert store.prune(T0) == 0
    assert len(store.waiting) == 1
    refused = f"[Errno 21] Is a directory: '{path}' -> '{aside}'"
    assert caplog.messages == [
        f"the usage database is damaged (file is not a database) and cannot be moved: {refused}"
    ] * 3
    assert path.read_bytes().startswith(b"overwritten by mistake")


def test_at_most_500_sessions_wait_the_oldest_dropped_first(tmp_path):
    where = tmp_path / "usage.sqlite3"
    where.mkdir()  # cannot be opened: every session waits
    store = UsageStore(where)
    for n in range(501):
        assert store.save(_full(T0 + timedelta(minutes=n), 1.0)) is False
    assert len(store.waiting) == 500
    assert store.waiting[0].started == T0 + timedelta(minutes=1)
    assert store.waiting[-1].started == T0 + timedelta(minutes=500)
