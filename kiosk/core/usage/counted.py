"""The report's figures counted by SQLite in the usage database itself, for a year of a busy
kiosk (200,000 sessions, 2 million views): the same figures as summary.figures makes of
sessions in memory (a test holds the two to each other), without a Python object per view.
Read-only: the database is opened as read_sessions opens it."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, datetime
from pathlib import Path
from typing import Any

from .record import AttractRun
from .store import VERSION, _unreadable
from .summary import (
    BOUNCE_TAPS,
    HEAT_TAPS,
    Tallies,
    headline_of,
    heat_key,
    report,
    tally,
)


def _span(low: datetime | None, high: datetime | None) -> tuple[str, str]:
    return (low.isoformat(timespec="seconds") if low else "",
            high.isoformat(timespec="seconds") if high else "9999")


def headline(db: sqlite3.Connection, span: tuple[str, str]) -> dict[str, Any]:
    seconds = [s for (s,) in db.execute(
        "SELECT seconds FROM sessions WHERE started >= ? AND started < ?", span)]
    recorded, bounced, taps = db.execute(
        "SELECT COUNT(*), COALESCE(SUM(n < ?), 0), COALESCE(SUM(n), 0) FROM (SELECT s.id, "
        "(SELECT COUNT(*) FROM taps t WHERE t.session = s.id) AS n FROM sessions s "
        "WHERE s.started >= ? AND s.started < ? AND s.ended != '')",
        (BOUNCE_TAPS, *span)).fetchone()
    return headline_of(seconds, int(taps), int(recorded), int(bounced))


def period(path: Path, low: datetime | None, high: datetime | None) -> tuple[date, date] | None:
    """The days of the first and the last session in [low, high) (None: no session)."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        first, last = db.execute("SELECT MIN(started), MAX(started) FROM sessions WHERE "
                                 "started >= ? AND started < ?", _span(low, high)).fetchone()
    finally:
        db.close()
    if first is None:
        return None
    return datetime.fromisoformat(first).date(), datetime.fromisoformat(last).date()


def figures(path: Path, low: datetime | None, high: datetime | None,
            before: tuple[datetime, datetime] | None, first: date | None, last: date | None,
            runs: list[AttractRun]) -> dict[str, Any]:
    try:
        db = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise _unreadable(path, str(exc)) from None
    try:
        if db.execute("PRAGMA user_version").fetchone()[0] < VERSION:
            raise ValueError("an older kiosk's database: read it session by session")
        return _figures(db, _span(low, high), before, first, last, runs)
    finally:
        db.close()


def _figures(db: sqlite3.Connection, span: tuple[str, str],
             before: tuple[datetime, datetime] | None, first: date | None, last: date | None,
             runs: list[AttractRun]) -> dict[str, Any]:
    grid = [[0] * 24 for _ in range(7)]
    per_day: Counter[str] = Counter()
    for stamp, count in db.execute(
            "SELECT substr(started, 1, 13), COUNT(*) FROM sessions WHERE started >= ? AND "
            "started < ? GROUP BY 1", span):
        when = datetime.fromisoformat(stamp + ":00")
        grid[when.weekday()][when.hour] += count
        per_day[stamp[:10]] += count
    heat: dict[str, list[list[float]]] = {}
    for screen, on_detail in db.execute("SELECT DISTINCT screen, detail != '' FROM taps"):
        # the most recent HEAT_TAPS of each screen (in the order they were saved, as each
        # session ended), fetched as such: a year holds hundreds of thousands
        found = db.execute(
            "SELECT t.x, t.y FROM taps t JOIN sessions s ON s.id = t.session WHERE "
            "s.started >= ? AND s.started < ? AND t.screen = ? AND (t.detail != '') = ? "
            "ORDER BY t.rowid DESC LIMIT ?", (*span, screen, on_detail, HEAT_TAPS)).fetchall()
        if found:
            heat[heat_key(screen, bool(on_detail))] = [[x, y] for x, y in reversed(found)]

    def grouped(query: str) -> dict[str, int]:
        return dict(db.execute(query, span).fetchall())

    tallies = Tallies(
        per_day=per_day,
        week_grid=grid,
        views=tally(db.execute(
            "SELECT v.screen, v.detail, COUNT(*), SUM(v.seconds) FROM views v JOIN sessions s "
            "ON s.id = v.session WHERE s.started >= ? AND s.started < ? GROUP BY 1, 2", span)),
        links=grouped("SELECT v.link, COUNT(*) FROM views v JOIN sessions s ON s.id = "
                      "v.session WHERE s.started >= ? AND s.started < ? AND v.link != '' "
                      "GROUP BY 1"),
        languages=grouped("SELECT language, COUNT(*) FROM sessions WHERE started >= ? AND "
                          "started < ? GROUP BY 1"),
        endings=grouped("SELECT CASE ended WHEN '' THEN 'unrecorded' ELSE ended END, COUNT(*) "
                        "FROM sessions WHERE started >= ? AND started < ? GROUP BY 1"),
        heat=heat)
    previous = headline(db, _span(*before)) if before else headline(db, ("1", "0"))
    return report(headline(db, span), previous, runs, first, last, tallies, [])
