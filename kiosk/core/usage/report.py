"""The figures `stats` prints and the staff panel shows, from recorded sessions.

Three forms: a table for a person, CSV rows (figure, key, value) for a spreadsheet, and JSON
lines (one session a line, with its views and the kiosk's name) for collecting the records of
many kiosks in one place.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from .record import Session, Tap, View


@dataclass(frozen=True)
class Figures:
    sessions: int
    median_seconds: float
    per_day: dict[str, int]
    per_hour: dict[int, int]
    screens: list[tuple[str, int, float]]  # screen, views, seconds on it
    details: list[tuple[str, int]]         # "screen/detail", views
    languages: dict[str, int]


def figures(sessions: list[Session], top: int = 10) -> Figures:
    screen_views: Counter[str] = Counter()
    screen_seconds: defaultdict[str, float] = defaultdict(float)
    details: Counter[str] = Counter()
    for session in sessions:
        for view in session.views:
            screen_views[view.screen] += 1
            screen_seconds[view.screen] += view.seconds
            if view.detail:
                details[f"{view.screen}/{view.detail}"] += 1
    return Figures(
        sessions=len(sessions),
        median_seconds=median([s.seconds for s in sessions]),
        per_day=dict(sorted(Counter(s.started.date().isoformat() for s in sessions).items())),
        per_hour=dict(sorted(Counter(s.started.hour for s in sessions).items())),
        screens=[(name, count, round(screen_seconds[name], 1))
                 for name, count in screen_views.most_common(top)],
        details=details.most_common(top),
        languages=dict(Counter(s.language for s in sessions).most_common()),
    )


def day_range(since: date | None, until: date | None
              ) -> tuple[datetime | None, datetime | None]:
    """From the start of `since` to the end of `until` (each None: no limit), as [low, high).
    Raises ValueError, with a message for a person, if `since` is after `until`."""
    if since and until and since > until:
        raise ValueError(f"--since {since} is after --until {until}: no day is in between.")
    low = datetime.combine(since, datetime.min.time()) if since else None
    high = datetime.combine(until + timedelta(days=1), datetime.min.time()) if until else None
    return low, high


def median(values: list[float]) -> float:
    """The middle value (0 for none). Not statistics.median: that module imports decimal,
    which the installers' build leaves out."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if not ordered:
        return 0.0
    return ordered[middle] if len(ordered) % 2 else (ordered[middle - 1] + ordered[middle]) / 2


def rows(found: Figures) -> list[tuple[str, str, str]]:
    """(figure, key, value) rows: the same figures as the table, for a spreadsheet."""
    out = [("sessions", "", str(found.sessions)),
           ("median_session_seconds", "", f"{found.median_seconds:.1f}")]
    out += [("sessions_per_day", day, str(n)) for day, n in found.per_day.items()]
    out += [("sessions_per_hour", f"{hour:02d}", str(n)) for hour, n in found.per_hour.items()]
    out += [("screen_views", name, str(n)) for name, n, _ in found.screens]
    out += [("screen_seconds", name, f"{seconds:.1f}") for name, _, seconds in found.screens]
    out += [("detail_views", name, str(n)) for name, n in found.details]
    out += [("sessions_by_language", lang, str(n)) for lang, n in found.languages.items()]
    return out


def as_csv(found: Figures) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(("figure", "key", "value"))
    writer.writerows(rows(found))
    return buffer.getvalue()


def as_jsonl(sessions: list[Session], kiosk: str) -> str:
    return "".join(json.dumps({
        "kiosk": kiosk,
        "started": s.started.isoformat(timespec="seconds"),
        "seconds": s.seconds,
        "language": s.language,
        "ended": s.ended, "from_attract": s.from_attract, "stayed": s.stayed,
        "language_switches": s.language_switches, "text_switches": s.text_switches,
        "views": [{"screen": v.screen, "detail": v.detail, "language": v.language,
                   "started": v.started.isoformat(timespec="seconds"), "seconds": v.seconds,
                   **({"link": v.link} if v.link else {})}
                  for v in s.views],
        "taps": [[t.screen, t.detail, t.x, t.y, t.control] for t in s.taps],
    }, ensure_ascii=False) + "\n" for s in sessions)


def kiosks_from_jsonl(text: str, name: str) -> dict[str, list[Session]]:
    """Sessions from JSON lines written by `as_jsonl` (of one kiosk or many, concatenated), by
    the kiosk that recorded them (older records lack taps and endings: read without).

    A line that is not such a record raises ValueError naming the file and line."""
    found: dict[str, list[Session]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
            found.setdefault(str(record.get("kiosk", "")), []).append(Session(
                datetime.fromisoformat(record["started"]), str(record["language"]),
                float(record["seconds"]),
                [View(str(v["screen"]), str(v["detail"]), str(v["language"]),
                      datetime.fromisoformat(v["started"]), float(v["seconds"]),
                      str(v.get("link", ""))) for v in record["views"]],
                [Tap(str(a), str(b), float(x), float(y), str(c))
                 for a, b, x, y, c in record.get("taps", [])],
                str(record.get("ended", "")), bool(record.get("from_attract", False)),
                int(record.get("stayed", 0)), int(record.get("language_switches", 0)),
                int(record.get("text_switches", 0))))
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            reason = f"no '{exc.args[0]}'" if isinstance(exc, KeyError) else str(exc)
            raise ValueError(f"{name}:{number}: not a session record written by "
                             f"`kiosk stats --format jsonl` ({reason})") from None
    return found


def from_jsonl(text: str, name: str) -> list[Session]:
    """The sessions of `kiosks_from_jsonl`, of every kiosk, oldest first."""
    return sorted((s for found in kiosks_from_jsonl(text, name).values() for s in found),
                  key=lambda s: s.started)


def as_table(found: Figures, period: str) -> str:
    if not found.sessions:
        return f"No visitor sessions {period}.\n"
    minutes, seconds = divmod(round(found.median_seconds), 60)
    lines = [f"Visitor sessions {period}: {found.sessions}",
             f"Median session: {minutes} min {seconds:02d} s", "",
             "Sessions per day"]
    lines += [f"  {day}  {n:6d}" for day, n in found.per_day.items()]
    lines += ["", "Sessions per hour of the day"]
    width = max(found.per_hour.values())
    lines += [f"  {hour:02d}:00  {n:6d}  {'#' * max(1, round(30 * n / width))}"
              for hour, n in found.per_hour.items()]
    lines += ["", "Most viewed screens      views   minutes"]
    lines += [f"  {name:<20} {n:7d}  {seconds / 60:8.1f}" for name, n, seconds in found.screens]
    if found.details:
        lines += ["", "Most viewed details      views"]
        lines += [f"  {name:<20} {n:7d}" for name, n in found.details]
    lines += ["", "Language at the end of the session"]
    lines += [f"  {lang:<4} {n:6d}  {100 * n / found.sessions:5.1f} %"
              for lang, n in found.languages.items()]
    return "\n".join(lines) + "\n"
