"""Usage figures: sessions recorded as visitors tap, kept through kills and database trouble,
pruned, and reported by `kiosk stats` in three forms."""

import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import textwrap
from datetime import datetime, timedelta

import pytest

from kiosk import cli
from kiosk.core.usage import Session, UsageStore, View
from kiosk.core.usage.record import SessionLog
from kiosk.core.usage.report import figures

from ..samples import ROOT

T0 = datetime(2026, 11, 30, 10, 0, 0)


class Clock:
    def __init__(self):
        self.now = T0

    def __call__(self):
        return self.now

    def advance(self, seconds):
        self.now += timedelta(seconds=seconds)


def session(start, seconds, language="en", views=(("home", ""),)):
    return Session(start, language, seconds,
                   [View(s, d, language, start, seconds / len(views)) for s, d in views])


def test_a_session_runs_from_the_first_touch_to_the_idle_reset():
    saved, clock = [], Clock()
    log = SessionLog(saved.append, clock)
    log.shown("home", "", "en")
    clock.advance(30)
    log.touched()  # the first touch starts it
    clock.advance(5)
    log.shown("clusters", "", "en")
    clock.advance(20)
    log.shown("clusters", "hi-tech", "en")
    clock.advance(10)
    log.shown("clusters", "hi-tech", "zh")  # the language switched on the same detail
    clock.advance(70)
    log.ended()
    assert len(saved) == 1
    got = saved[0]
    assert (got.started, got.seconds, got.language) == (T0 + timedelta(seconds=30), 105, "zh")
    assert [(v.screen, v.detail, v.language, v.seconds) for v in got.views] == [
        ("home", "", "en", 5), ("clusters", "", "en", 20), ("clusters", "hi-tech", "en", 10),
        ("clusters", "hi-tech", "zh", 70)]
    log.ended()  # nobody there: nothing more
    assert len(saved) == 1


def test_staff_at_the_screen_are_not_counted_until_the_next_reset():
    saved, clock = [], Clock()
    log = SessionLog(saved.append, clock)
    log.touched()
    log.discard()
    log.touched()
    log.ended()
    assert saved == []
    log.touched()
    log.ended()
    assert len(saved) == 1


def test_sessions_are_stored_and_read_back(tmp_path):
    store = UsageStore(tmp_path / "usage.sqlite3")
    store.save(session(T0, 42.0, "zh", (("home", ""), ("network", "shanghai"))))
    store.close()
    again = UsageStore(tmp_path / "usage.sqlite3")
    [got] = again.sessions()
    assert (got.started, got.seconds, got.language) == (T0, 42.0, "zh")
    assert [(v.screen, v.detail) for v in got.views] == [("home", ""), ("network", "shanghai")]
    db = sqlite3.connect(tmp_path / "usage.sqlite3")
    assert db.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_old_sessions_are_pruned(tmp_path):
    store = UsageStore(tmp_path / "usage.sqlite3")
    for days in (400, 100, 1):
        store.save(session(T0 - timedelta(days=days), 10))
    assert store.prune(T0 - timedelta(days=365)) == 1
    assert [s.started for s in store.sessions()] == [T0 - timedelta(days=100),
                                                    T0 - timedelta(days=1)]
    assert sqlite3.connect(tmp_path / "usage.sqlite3").execute(
        "SELECT count(*) FROM views").fetchone() == (2,)  # their views went with them


def test_a_locked_database_keeps_sessions_waiting_and_never_raises(tmp_path, caplog):
    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path, busy_timeout_s=0.01)
    store.save(session(T0, 1))
    other = sqlite3.connect(path, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    assert store.save(session(T0 + timedelta(minutes=1), 2)) is False
    assert "usage figures not saved yet (database is locked); 1 session(s) wait" in caplog.text
    other.execute("COMMIT")
    other.close()
    assert store.save(session(T0 + timedelta(minutes=2), 3)) is True
    assert [s.seconds for s in store.sessions()] == [1, 2, 3]


def test_a_damaged_database_is_moved_aside_and_a_new_one_started(tmp_path, caplog):
    path = tmp_path / "usage.sqlite3"
    path.write_bytes(b"this is not a database, it was overwritten by mistake" * 100)
    store = UsageStore(path)
    assert store.save(session(T0, 7)) is True
    assert [s.seconds for s in store.sessions()] == [7]
    kept = list(tmp_path.glob("usage.sqlite3.damaged-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    assert "the usage database was damaged (file is not a database); moved it to" in caplog.text


def test_a_database_that_cannot_be_opened_never_raises(tmp_path, caplog):
    where = tmp_path / "usage.sqlite3"
    where.mkdir()  # a folder where the file should be: sqlite cannot open it
    store = UsageStore(where)
    assert store.save(session(T0, 1)) is False
    assert store.prune(T0) == 0
    assert "usage figures not saved yet (unable to open database file); 1 session(s) wait" \
        in caplog.text


def test_a_killed_kiosk_loses_at_most_the_session_in_progress(tmp_path):
    """A process saves sessions and starts another; it is killed with SIGKILL mid-session."""
    path = tmp_path / "usage.sqlite3"
    script = textwrap.dedent(f"""
        import sys
        from datetime import datetime, timedelta
        from kiosk.core.usage import UsageStore
        from kiosk.core.usage.record import SessionLog
        store = UsageStore(__import__("pathlib").Path({str(path)!r}))
        now = [datetime(2026, 11, 30, 10)]
        log = SessionLog(store.save, lambda: now[0])
        for n in range(50):
            log.touched(); now[0] += timedelta(seconds=n + 1); log.ended()
        log.touched()  # a visitor is in the middle of a session
        print("ready", flush=True)
        sys.stdin.read()
    """)
    child = subprocess.Popen([sys.executable, "-c", script], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert child.stdout.readline().strip() == "ready"
    os.kill(child.pid, signal.SIGKILL)
    child.wait(timeout=10)
    child.stdin.close()
    child.stdout.close()
    assert child.returncode == -signal.SIGKILL
    got = UsageStore(path).sessions()
    assert [s.seconds for s in got] == [float(n + 1) for n in range(50)]


def test_figures_from_sessions():
    found = figures([
        session(T0, 60, "en", (("home", ""), ("clusters", ""), ("clusters", "hi-tech"))),
        session(T0 + timedelta(hours=1), 120, "zh", (("home", ""), ("network", ""))),
        session(T0 + timedelta(days=1, hours=1), 30, "en", (("home", ""),)),
    ])
    assert found.sessions == 3
    assert found.median_seconds == 60
    assert found.per_day == {"2026-11-30": 2, "2026-12-01": 1}
    assert found.per_hour == {10: 1, 11: 2}
    assert found.screens[0] == ("home", 3, 110.0)
    assert found.details == [("clusters/hi-tech", 1)]
    assert found.languages == {"en": 2, "zh": 1}


def _stored(tmp_path):
    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path)
    store.save(session(T0, 60, "en", (("home", ""), ("clusters", "hi-tech"))))
    store.save(session(T0 + timedelta(days=1), 90, "zh", (("home", ""),)))
    store.close()
    return path


def test_stats_as_a_table(tmp_path, capsys):
    path = _stored(tmp_path)
    assert cli.main(["stats", "--database", str(path)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Visitor sessions in all: 2\nMedian session: 1 min 15 s\n")
    assert "  2026-11-30       1\n  2026-12-01       1\n" in out
    assert "  clusters/hi-tech           1" in out
    assert "  en        1   50.0 %" in out


def test_stats_for_one_day_as_csv(tmp_path, capsys):
    path = _stored(tmp_path)
    assert cli.main(["stats", "--database", str(path), "--since", "2026-11-30", "--until",
                     "2026-11-30", "--format", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[:4] == ["figure,key,value", "sessions,,1", "median_session_seconds,,60.0",
                         "sessions_per_day,2026-11-30,1"]
    assert "detail_views,clusters/hi-tech,1" in lines


def test_stats_as_json_lines_one_session_a_line(tmp_path, capsys):
    path = _stored(tmp_path)
    assert cli.main(["stats", "--database", str(path), "--format", "jsonl"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [r["started"] for r in records] == ["2026-11-30T10:00:00", "2026-12-01T10:00:00"]
    assert records[0]["views"][1] == {"screen": "clusters", "detail": "hi-tech",
                                      "language": "en", "started": "2026-11-30T10:00:00",
                                      "seconds": 30.0}
    assert records[0]["kiosk"]


def test_stats_with_no_database_yet(tmp_path, capsys):
    assert cli.main(["stats", "--database", str(tmp_path / "none.sqlite3")]) == 0
    assert capsys.readouterr().out == "No visitor sessions in all.\n"


def test_stats_mistakes_get_exact_messages(tmp_path, capsys):
    assert cli.main(["stats", "--since", "2026-12-01", "--until", "2026-11-01"]) == 2
    assert capsys.readouterr().err == ("--since 2026-12-01 is after --until 2026-11-01: no day "
                                       "is in between.\n")
    with pytest.raises(SystemExit) as exit_:
        cli.main(["stats", "--since", "yesterday"])
    assert exit_.value.code == 2
    assert "argument --since: 'yesterday' must be a date like 2026-11-28" in \
        capsys.readouterr().err
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"not a database" * 100)
    assert cli.main(["stats", "--database", str(damaged)]) == 2
    assert capsys.readouterr().err == (f"Cannot read the usage database {damaged}: it is not "
                                       "an SQLite database; is it the kiosk's?\n")


def test_median_of_odd_even_and_no_sessions():
    from kiosk.core.usage.report import median

    assert (median([3.0, 1.0, 2.0]), median([4.0, 1.0, 2.0, 3.0]), median([])) == (2.0, 2.5, 0.0)


def test_figures_of_many_kiosks_from_collected_json_lines(tmp_path, capsys):
    lines = []
    for kiosk_number in range(2):
        path = tmp_path / f"kiosk{kiosk_number}.sqlite3"
        store = UsageStore(path)
        store.save(session(T0 + timedelta(hours=kiosk_number), 60 * (kiosk_number + 1)))
        store.close()
        cli.main(["stats", "--database", str(path), "--format", "jsonl"])
        lines.append(capsys.readouterr().out)
    collected = tmp_path / "park.jsonl"
    collected.write_text("".join(lines))
    assert cli.main(["stats", "--jsonl", str(collected), "--format", "csv"]) == 0
    assert capsys.readouterr().out.splitlines()[1:3] == ["sessions,,2",
                                                         "median_session_seconds,,90.0"]


def test_collected_json_lines_written_wrongly_get_exact_messages(tmp_path, capsys):
    bad = tmp_path / "park.jsonl"
    bad.write_text('{"started": "2026-11-30T10:00:00", "seconds": 5, "language": "en", '
                   '"views": []}\n{"started": "yesterday"}\n')
    assert cli.main(["stats", "--jsonl", str(bad)]) == 2
    assert capsys.readouterr().err == (
        f"{bad}:2: not a session record written by `kiosk stats --format jsonl` (Invalid "
        "isoformat string: 'yesterday')\n")
    bad.write_text('{"started": "2026-11-30T10:00:00"}\n')
    assert cli.main(["stats", "--jsonl", str(bad)]) == 2
    assert capsys.readouterr().err == (f"{bad}:1: not a session record written by `kiosk stats "
                                       "--format jsonl` (no 'language')\n")
    assert cli.main(["stats", "--jsonl", str(tmp_path / "missing.jsonl")]) == 2
    assert capsys.readouterr().err == (f"Cannot read {tmp_path / 'missing.jsonl'}: No such file "
                                       "or directory\n")


def test_the_store_reads_the_sessions_between_two_moments_in_a_new_folder(tmp_path):
    store = UsageStore(tmp_path / "new" / "folder" / "usage.sqlite3")  # made as needed
    for hours in (0, 1, 2, 3):
        store.save(session(T0 + timedelta(hours=hours), hours + 1))
    between = store.sessions(T0 + timedelta(hours=1), T0 + timedelta(hours=3))
    assert [s.seconds for s in between] == [2, 3]  # from the first moment, before the second
    assert [s.seconds for s in store.sessions(since=T0 + timedelta(hours=3))] == [4]
    assert [s.seconds for s in store.sessions(until=T0 + timedelta(hours=1))] == [1]
    store.close()


def test_a_damaged_database_is_moved_aside_and_its_side_files_deleted(tmp_path, caplog):
    path = tmp_path / "usage.sqlite3"
    path.write_bytes(b"this is not a database" * 100)
    for extra in ("-wal", "-shm"):
        (tmp_path / f"usage.sqlite3{extra}").write_bytes(b"left over")
    store = UsageStore(path)
    assert store.save(session(T0, 7)) is True
    [aside] = tmp_path.glob("usage.sqlite3.damaged-*[0-9]")
    assert re.fullmatch(r"usage\.sqlite3\.damaged-\d{8}-\d{6}", aside.name), aside.name
    for extra in ("-wal", "-shm"):  # deleted: the new database reads none of the old one's
        side = tmp_path / f"usage.sqlite3{extra}"
        assert not side.exists() or side.read_bytes() != b"left over"
    assert f"moved it to {aside} and started a new one" in caplog.text
    store.close()
