"""`kiosk report`, top to bottom: the records read (this kiosk's database, or JSON lines
collected from many), the figures counted (kiosk/core/usage/summary.py), the charts and the
tap heatmaps drawn, index.html and report.json written."""

from __future__ import annotations

import json
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Any

from ..core.content import Content, load
from ..core.content.model import Theme
from ..core.exit_codes import ExitCode
from ..core.geo import outline, project
from ..core.usage.record import AttractRun, Session
from ..core.usage.report import day_range
from ..core.usage.store import UnreadableStoreError, read_attract, read_sessions
from ..core.usage.summary import before, figures, period


def name_of(content: Content | None, key: str, language: str) -> str:
    """A screen's name as visitors read it: a page's tile title, a detail's title."""
    if content is None:
        return key
    page, _, detail = key.partition("/")
    if detail and detail != "detail":
        found = next((d for d in content.details(page) if d.id == detail), None)
        if found is not None:
            return found.title.get(language)
    tile = next((t for t in content.tiles if t.page == page), None)
    name = tile.title.get(language) if tile else (
        content.labels.home.get(language) if page == "home" else page)
    return f"{name} ›" if detail else name


def read(database: Path, collected: list[Path] | None, low: datetime | None,
         high: datetime | None) -> tuple[list[Session], list[AttractRun], dict[str, list[Session]]]:
    """Sessions in [low, high), attract showings, and sessions by kiosk (from JSON lines).
    Raises UnreadableStoreError or ValueError with a message for a person."""
    if collected:
        from ..core.usage.report import kiosks_from_jsonl

        by_kiosk: dict[str, list[Session]] = {}
        for path in collected:
            try:
                text = path.read_text(encoding="utf-8")
            except OSError as exc:
                raise ValueError(f"Cannot read {path}: {exc.strerror}") from None
            for name, sessions in kiosks_from_jsonl(text, str(path)).items():
                by_kiosk.setdefault(name, []).extend(
                    s for s in sessions if (low is None or s.started >= low)
                    and (high is None or s.started < high))
        everyone = sorted((s for found in by_kiosk.values() for s in found),
                          key=lambda s: s.started)
        return everyone, [], by_kiosk
    return read_sessions(database, low, high), read_attract(database, low, high), {}


def counted_in_database(database: Path, since: date | None, until: date | None,
                        low: datetime | None, high: datetime | None) -> dict[str, Any] | None:
    """The figures counted by SQLite (a year of a busy kiosk in seconds); None where they are
    counted session by session instead (no database yet, or an older kiosk's)."""
    from ..core.usage import counted

    if not database.exists() or read_sessions(database, datetime.max) != []:
        return None  # (reading nothing checks that it is a database the kiosk can read)
    found = counted.period(database, low, high)
    first, last = since or (found[0] if found else None), until or (found[1] if found else None)
    try:
        return counted.figures(database, low, high, before(first, last) if first and last
                               else None, first, last, read_attract(database, low, high))
    except ValueError:
        return None  # an older kiosk's database


def report(out: Path, database: Path, since: date | None, until: date | None,
           collected: list[Path] | None, language: str, content_path: Path,
           size: tuple[int, int]) -> int:
    try:
        low, high = day_range(since, until)
        found = counted_in_database(database, since, until, low, high) if not collected \
            else None
        if found is None:
            sessions, runs, by_kiosk = read(database, collected, low, high)
            first, last = period(sessions, since, until)
            previous: list[Session] = []
            if first and last:
                start, end = before(first, last)
                previous = read(database, collected, start, end)[0]
            found = figures(sessions, runs, previous, first, last,
                            by_kiosk if collected else None)
    except (UnreadableStoreError, ValueError) as exc:
        print(exc, file=sys.stderr)
        return ExitCode.USAGE
    content = load(content_path).content
    try:
        out.mkdir(parents=True, exist_ok=True)
        # on one line: with an indent, json writes in Python, not C (1.2 s for a busy year)
        (out / "report.json").write_text(json.dumps(found, ensure_ascii=False) + "\n",
                                         encoding="utf-8")
        (out / "index.html").write_text(
            drawn(found, content, language, size), encoding="utf-8")
    except OSError as exc:
        print(f"Cannot write the report in {out}: {exc.strerror}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"{out / 'index.html'}: {found['sessions']:,} sessions, {found['taps']:,} taps")
    return ExitCode.OK


def drawn(found: dict[str, Any], content: Content | None, language: str,
          size: tuple[int, int]) -> str:
    """The page, with its charts and heatmaps."""
    from ..core import paths
    from . import charts
    from .heatmaps import heatmap, screen_pictures
    from .page import page

    theme = content.theme if content else Theme()
    charts.style(theme)
    drawn: dict[str, str] = {}
    if found["sessions"]:
        drawn["per_day"] = charts.per_day(found["per_day"], theme)
        drawn["week"] = charts.week(found["week_grid"], theme, language)
        drawn["most_viewed"] = charts.bars(
            [(name_of(content, k, language), n) for k, n in found["most_viewed"]], theme)
        drawn["longest"] = charts.bars(
            [(name_of(content, k, language), s / 60) for k, s in found["longest_viewed"]], theme)
        network = content.network if content else None
        if found["locations"] and network is not None:
            where = {loc.id: (*project(loc.longitude, loc.latitude),
                              loc.detail.title.get(language)) for loc in network.locations}
            drawn["places"] = charts.places(found["locations"], where,
                                            outline(paths.resources() / "map" / "china.json"),
                                            theme)
        drawn["languages"] = charts.bars(list(found["languages"].items()), theme)
        if found["qr_codes"]:
            drawn["qr"] = charts.bars(found["qr_codes"], theme)
    heat = []
    if content is not None and found["heat"]:
        pictures = screen_pictures(content, list(found["heat"]), size, language)
        for key, taps in found["heat"].items():
            if key in pictures:
                heat.append((name_of(content, key, language), heatmap(pictures[key], taps),
                             len(taps)))
    name = content.organisation.name.get(language) if content else "Kiosk"
    return page(found, drawn, heat, found["kiosks"], theme, language, name)
