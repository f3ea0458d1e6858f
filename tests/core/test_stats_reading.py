"""`kiosk stats` reads the usage database without changing anything: not a file named by
mistake, not a folder it may not write, nothing left beside the database; and says in words
what it cannot read."""

import os
import sqlite3
import subprocess
import sys
from datetime import datetime, timedelta

import pytest

from kiosk import cli
from kiosk.core.usage import Session, UsageStore

from .test_usage import T0, _stored, session


def test_stats_opens_the_database_read_only_and_adds_no_tables(tmp_path, capsys):
    other = tmp_path / "inventory.sqlite3"
    db = sqlite3.connect(other)
    db.execute("CREATE TABLE things (name TEXT)")
    db.commit()
    db.close()
    before = other.read_bytes()
    assert cli.main(["stats", "--database", str(other)]) == 2
    assert capsys.readouterr().err == (
        f"Cannot read the usage database {other}: it has no table of sessions and views; is "
        "it the kiosk's?\n")
    assert other.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["inventory.sqlite3"]


def test_stats_leaves_nothing_beside_the_database(tmp_path, capsys):
    path = _stored(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usage.sqlite3"]
    assert cli.main(["stats", "--database", str(path)]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["usage.sqlite3"]


def test_stats_reads_what_the_running_kiosk_has_not_yet_written_into_the_file(tmp_path, capsys):
    path = _stored(tmp_path)
    running = UsageStore(path)  # the kiosk, writing: its newest session is in the -wal file
    running.save(session(T0 + timedelta(days=3), 30))
    assert (tmp_path / "usage.sqlite3-wal").stat().st_size > 0
    assert cli.main(["stats", "--database", str(path), "--format", "csv"]) == 0
    assert "sessions,,3" in capsys.readouterr().out.splitlines()
    running.close()


@pytest.mark.parametrize("kind", ["folder", "fifo"])
def test_stats_refuses_what_is_not_a_file_at_once(tmp_path, capsys, kind):
    path = tmp_path / "usage.sqlite3"
    path.mkdir() if kind == "folder" else os.mkfifo(path)
    assert cli.main(["stats", "--database", str(path)]) == 2  # a pipe is not waited on
    what = "a folder" if kind == "folder" else "a named pipe (FIFO)"
    assert capsys.readouterr().err == (f"Cannot read the usage database {path}: it is {what}, "
                                       "not a database file\n")


def as_nobody(command: list[str]) -> subprocess.CompletedProcess:
    """`command` run by a user without root's right to write anywhere."""
    if os.geteuid() == 0:
        command = ["setpriv", "--reuid=nobody", "--regid=nogroup", "--clear-groups", *command]
    return subprocess.run(command, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, HOME="/nonexistent", XDG_DATA_HOME="/nonexistent"))


@pytest.fixture
def shared_folder():
    """A folder another user can reach (the tests' own folders are root's alone)."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="kiosk-test-")
    os.chmod(folder, 0o755)
    yield __import__("pathlib").Path(folder)
    os.chmod(folder, 0o755)
    shutil.rmtree(folder)


@pytest.mark.parametrize("writing", [False, True, "copied"])
def test_stats_reads_a_database_in_a_folder_it_may_not_write(shared_folder, tmp_path, writing):
    path = _stored(shared_folder if writing != "copied" else tmp_path)
    running = UsageStore(path) if writing else None
    if running:  # the kiosk, writing it: its newest session is in the -wal file
        running.save(session(T0 + timedelta(days=3), 30))
    if writing == "copied":  # the database and its -wal copied here, with no -shm
        for name in ("usage.sqlite3", "usage.sqlite3-wal"):
            (shared_folder / name).write_bytes((tmp_path / name).read_bytes())
        path = shared_folder / "usage.sqlite3"
    before = sorted(p.name for p in shared_folder.iterdir())
    shared_folder.chmod(0o555)
    try:
        probe = as_nobody(["touch", str(shared_folder / "probe")])
        assert probe.returncode != 0  # the folder is read-only for that user
        stats = [sys.executable, "-m", "kiosk", "stats", "--database", str(path), "--format",
                 "csv"]
        result = as_nobody(stats)
        since = as_nobody([*stats, "--since", "2026-12-01"])  # the days asked for, read there
        until = as_nobody([*stats, "--until", "2026-11-30"])
        after = sorted(p.name for p in shared_folder.iterdir())
    finally:
        shared_folder.chmod(0o755)
        if running:
            running.close()
    assert result.returncode == 0, result.stderr
    assert f"sessions,,{3 if writing else 2}" in result.stdout.splitlines()
    assert f"sessions,,{2 if writing else 1}" in since.stdout.splitlines()
    assert "sessions,,1" in until.stdout.splitlines()
    assert after == before


@pytest.mark.parametrize(("column", "value", "message"), [
    ("started", "2026-13-45", "session 1 has the start '2026-13-45', which is not a date and "
                              "time like 2026-11-28T14:05:00"),
    ("seconds", "long", "session 1 lasts 'long' seconds, which is not a number of seconds"),
])
def test_stats_names_a_bad_row_instead_of_a_traceback(tmp_path, capsys, column, value,
                                                      message):
    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path)
    store.save(Session(datetime(2026, 11, 28, 14, 5), "en", 30.0))
    store.close()
    db = sqlite3.connect(path)
    db.execute(f"UPDATE sessions SET {column} = ?", (value,))
    db.commit()
    db.close()
    assert cli.main(["stats", "--database", str(path)]) == 2
    assert capsys.readouterr().err == f"Cannot read the usage database {path}: {message}\n"
