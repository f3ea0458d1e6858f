"""Usage records in SQLite (write-ahead log) in the platform's data folder.

A finished session is written in one transaction, so a kill at any moment loses at most the
session in progress. Nothing here may stop the kiosk: a locked, full, unwritable or damaged
database is logged and worked around (sessions wait in memory for the next try; a damaged file
is moved aside, kept for a person to look at, and a new one started).
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
import tempfile
import time
from datetime import datetime
from pathlib import Path

from ..files import kind_of
from .record import AttractRun, Session, Tap, View

log = logging.getLogger("kiosk.usage")

SCHEMA = """
CREATE TABLE IF NOT EXISTS sessions (
    id INTEGER PRIMARY KEY,
    started TEXT NOT NULL,      -- local time, ISO 8601
    seconds REAL NOT NULL,
    language TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_started ON sessions (started);
CREATE TABLE IF NOT EXISTS views (
    session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    screen TEXT NOT NULL,
    detail TEXT NOT NULL,
    language TEXT NOT NULL,
    started TEXT NOT NULL,
    seconds REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS views_session ON views (session);
"""
VERSION = 2  # PRAGMA user_version: 0 (the first kiosks) and 1 had only the tables above
UPGRADE = """
ALTER TABLE sessions ADD COLUMN ended TEXT NOT NULL DEFAULT '';
ALTER TABLE sessions ADD COLUMN from_attract INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN stayed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN language_switches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE sessions ADD COLUMN text_switches INTEGER NOT NULL DEFAULT 0;
ALTER TABLE views ADD COLUMN link TEXT NOT NULL DEFAULT '';
CREATE TABLE taps (
    session INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
    screen TEXT NOT NULL,
    detail TEXT NOT NULL,
    x REAL NOT NULL,            -- a share of the window's width, 0 to 1
    y REAL NOT NULL,
    control TEXT NOT NULL
);
CREATE INDEX taps_session ON taps (session);
CREATE TABLE attract (
    started TEXT NOT NULL,
    seconds REAL NOT NULL,
    woken INTEGER NOT NULL      -- 1: a touch ended it
);
CREATE INDEX attract_started ON attract (started);
PRAGMA user_version = 2;
"""
WAITING_AT_MOST = 500  # sessions kept in memory while the database cannot be written
DAMAGED = ("file is not a database", "malformed", "corrupt")


class UsageStore:
    def __init__(self, path: Path, busy_timeout_s: float = 0.25):
        self.path = path
        self.busy_timeout_s = busy_timeout_s
        self.waiting: list[Session] = []
        self._db: sqlite3.Connection | None = None

    # -- writing -------------------------------------------------------------------------------
    def save(self, session: Session) -> bool:
        """Write this session (and any that waited); False if it has to wait for next time."""
        self.waiting = [*self.waiting, session][-WAITING_AT_MOST:]
        for _attempt in range(2):  # a second time only after a damaged file was moved aside
            try:
                db = self._connection()
                with db:
                    for waiting in self.waiting:
                        _insert(db, waiting)
            except sqlite3.Error as exc:
                if self._trouble(exc):
                    continue
                return False
            self.waiting = []
            return True
        return False

    def save_attract(self, run: AttractRun) -> bool:
        """Write one showing of the attract loop (dropped, and logged, if it cannot be)."""
        try:
            db = self._connection()
            with db:
                db.execute("INSERT INTO attract (started, seconds, woken) VALUES (?, ?, ?)",
                           (run.started.isoformat(timespec="seconds"), round(run.seconds, 1),
                            int(run.woken)))
            return True
        except sqlite3.Error as exc:
            self._trouble(exc)
            return False

    def prune(self, before: datetime) -> int:
        """Forget sessions that started before `before`; how many were forgotten."""
        try:
            db = self._connection()
            with db:
                limit = (before.isoformat(timespec="seconds"),)
                db.execute("DELETE FROM attract WHERE started < ?", limit)
                return db.execute("DELETE FROM sessions WHERE started < ?", limit).rowcount
        except sqlite3.Error as exc:
            self._trouble(exc)
            return 0

    # -- reading -------------------------------------------------------------------------------
    def sessions(self, since: datetime | None = None, until: datetime | None = None
                 ) -> list[Session]:
        """Sessions that started in [since, until), oldest first, with their views."""
        if not self.path.exists():
            return []
        return _sessions(self._connection(), since, until, self.path)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    # -- the connection ------------------------------------------------------------------------
    def _connection(self) -> sqlite3.Connection:
        if self._db is None:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=self.busy_timeout_s, isolation_level=None)
            try:
                db.execute("PRAGMA journal_mode=WAL")
                db.execute("PRAGMA synchronous=NORMAL")  # with WAL: safe against a killed process
                db.execute("PRAGMA foreign_keys=ON")
                db.executescript(SCHEMA)
                version = db.execute("PRAGMA user_version").fetchone()[0]
                if version > VERSION:
                    raise sqlite3.DatabaseError(
                        f"it was written by a newer kiosk (version {version}; this one writes "
                        f"{VERSION}): update this kiosk, or move the file aside")
                if version < VERSION:
                    db.executescript(f"BEGIN; {UPGRADE} COMMIT;")
            except sqlite3.Error:
                db.close()
                raise
            db.isolation_level = "DEFERRED"  # `with db:` makes one transaction
            self._db = db
        return self._db

    def _trouble(self, exc: sqlite3.Error) -> bool:
        """Log it; True if a damaged file was moved aside (so a new one can be started)."""
        self.close()
        message = str(exc)
        if any(word in message for word in DAMAGED) and self.path.exists():
            stamp = time.strftime("%Y%m%d-%H%M%S")
            aside = self.path.with_name(f"{self.path.name}.damaged-{stamp}")
            try:
                self.path.replace(aside)
                for extra in ("-wal", "-shm"):
                    Path(f"{self.path}{extra}").unlink(missing_ok=True)
                log.error("the usage database was damaged (%s); moved it to %s and started a "
                          "new one", message, aside)
                return True
            except OSError as move:
                log.error("the usage database is damaged (%s) and cannot be moved: %s",
                          message, move)
                return False
        log.warning("usage figures not saved yet (%s); %d session(s) wait for the next try",
                    message, len(self.waiting))
        return False


class UnreadableStoreError(Exception):
    """The usage database cannot be read; the message says why, for a person."""


def read_sessions(path: Path, since: datetime | None = None, until: datetime | None = None
                  ) -> list[Session]:
    """The sessions in the database at `path`, read without changing anything: a file named by
    mistake is never changed, nor given the kiosk's tables, and no file is left beside it.
    Raises UnreadableStoreError."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return []  # no session recorded yet
    except OSError as exc:
        raise _unreadable(path, str(exc.strerror)) from None
    if not stat.S_ISREG(mode):  # a named pipe would be waited on for ever
        raise _unreadable(path, f"it is {kind_of(mode)}, not a database file")
    log_file = path.with_name(path.name + "-wal")
    if not log_file.exists():
        # nothing waits in a write-ahead log beside it: the file alone, opened as unchanging,
        # which makes no file beside it (and needs none, in a folder this user cannot write)
        return _read(f"{path.resolve().as_uri()}?immutable=1", path, since, until)
    try:  # the kiosk is writing it, or stopped without closing it: read its log as well
        return _read(f"{path.resolve().as_uri()}?mode=ro", path, since, until)
    except UnreadableStoreError:
        if os.access(path.parent, os.W_OK):
            raise
    with tempfile.TemporaryDirectory() as folder:  # a read-only folder: read a copy
        for original in (path, log_file):
            shutil.copyfile(original, Path(folder) / original.name)
        return _read((Path(folder) / path.name).as_uri() + "?mode=ro", path, since, until)


def _unreadable(path: Path, why: str) -> UnreadableStoreError:
    return UnreadableStoreError(f"Cannot read the usage database {path}: {why}")


def _read(uri: str, path: Path, since: datetime | None, until: datetime | None
          ) -> list[Session]:
    try:
        db = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, str(exc)) from None
    try:
        tables = {name for (name,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
        if not {"sessions", "views"} <= tables:
            raise _unreadable(path, "it has no table of sessions and views; is it the kiosk's?")
        version = db.execute("PRAGMA user_version").fetchone()[0]
        if version > VERSION:
            raise _unreadable(path, f"it was written by a newer kiosk (version {version}; this "
                                    f"one reads up to {VERSION}): read it with that kiosk's "
                                    "program")
        return _sessions(db, since, until, path)
    except sqlite3.DatabaseError as exc:
        why = ("it is not an SQLite database; is it the kiosk's?"
               if "not a database" in str(exc) else str(exc))
        raise _unreadable(path, why) from None
    finally:
        db.close()


def _sessions(db: sqlite3.Connection, since: datetime | None, until: datetime | None,
              path: Path) -> list[Session]:
    low = since.isoformat(timespec="seconds") if since else ""
    high = until.isoformat(timespec="seconds") if until else "9999"
    upgraded = "ended" in {row[1] for row in db.execute("PRAGMA table_info(sessions)")}
    extra = (", ended, from_attract, stayed, language_switches, text_switches" if upgraded
             else ", '', 0, 0, 0, 0")  # an older kiosk's database: read as it is
    found: dict[int, Session] = {}
    for key, started, seconds, language, ended, woke, stayed, switched, sized in db.execute(
            f"SELECT id, started, seconds, language{extra} FROM sessions "
            "WHERE started >= ? AND started < ? ORDER BY started, id", (low, high)):
        found[key] = Session(_when(started, f"session {key}", path), str(language),
                             _seconds(seconds, f"session {key}", path), ended=str(ended),
                             from_attract=bool(woke), stayed=int(stayed),
                             language_switches=int(switched), text_switches=int(sized))
    link = ", views.link" if upgraded else ", ''"
    for key, screen, detail, language, started, seconds, shown in db.execute(
            "SELECT views.session, screen, detail, views.language, views.started, "
            f"views.seconds{link} FROM views JOIN sessions ON sessions.id = views.session "
            "WHERE sessions.started >= ? AND sessions.started < ? ORDER BY views.rowid",
            (low, high)):
        what = f"a view of session {key}"
        found[key].views.append(View(str(screen), str(detail), str(language),
                                     _when(started, what, path), _seconds(seconds, what, path),
                                     str(shown)))
    if upgraded:
        for key, screen, detail, x, y, control in db.execute(
                "SELECT taps.session, screen, detail, x, y, control FROM taps JOIN sessions "
                "ON sessions.id = taps.session WHERE sessions.started >= ? "
                "AND sessions.started < ? ORDER BY taps.rowid", (low, high)):
            found[key].taps.append(Tap(str(screen), str(detail), float(x), float(y),
                                       str(control)))
    return list(found.values())


def read_attract(path: Path, since: datetime | None = None, until: datetime | None = None
                 ) -> list[AttractRun]:
    """The attract loop's showings in [since, until) (none from an older kiosk's database)."""
    if not path.exists():
        return []
    low = since.isoformat(timespec="seconds") if since else ""
    high = until.isoformat(timespec="seconds") if until else "9999"
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, str(exc)) from None
    try:
        if not db.execute("SELECT 1 FROM sqlite_master WHERE name = 'attract'").fetchone():
            return []
        return [AttractRun(_when(started, "an attract loop", path), float(seconds),
                           bool(woken)) for started, seconds, woken in db.execute(
            "SELECT started, seconds, woken FROM attract WHERE started >= ? AND started < ? "
            "ORDER BY started", (low, high))]
    except sqlite3.DatabaseError as exc:
        raise _unreadable(path, str(exc)) from None
    finally:
        db.close()


def _when(value: object, what: str, path: Path) -> datetime:
    try:
        if isinstance(value, str):
            return datetime.fromisoformat(value)
    except ValueError:
        pass
    raise _unreadable(path, f"{what} has the start {value!r}, which is not a date and time "
                            "like 2026-11-28T14:05:00")


def _seconds(value: object, what: str, path: Path) -> float:
    if isinstance(value, (int, float)) and value >= 0:
        return float(value)
    raise _unreadable(path, f"{what} lasts {value!r} seconds, which is not a number of seconds")


def _insert(db: sqlite3.Connection, session: Session) -> None:
    key = db.execute(
        "INSERT INTO sessions (started, seconds, language, ended, from_attract, stayed, "
        "language_switches, text_switches) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (session.started.isoformat(timespec="seconds"), round(session.seconds, 1),
         session.language, session.ended, int(session.from_attract), session.stayed,
         session.language_switches, session.text_switches)).lastrowid
    db.executemany(
        "INSERT INTO views (session, screen, detail, language, started, seconds, link) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        [(key, v.screen, v.detail, v.language, v.started.isoformat(timespec="seconds"),
          round(v.seconds, 1), v.link) for v in session.views])
    db.executemany("INSERT INTO taps (session, screen, detail, x, y, control) "
                   "VALUES (?, ?, ?, ?, ?, ?)",
                   [(key, t.screen, t.detail, t.x, t.y, t.control) for t in session.taps])
