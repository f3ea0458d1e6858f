"""The figures of `kiosk report`, as plain data (its report.json): what visitors did in a
period, against the period before, from recorded sessions and attract-loop showings. No Qt,
no charts here: kiosk/report/ draws them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from .record import AttractRun, Session
from .report import median

BOUNCE_TAPS = 2  # a session of fewer taps than this is a bounce
TOP = 10
HEAT_TAPS = 20_000  # taps kept per screen for its heatmap (the most recent)


def quartiles(values: list[float]) -> tuple[float, float]:
    """The lower and upper quartiles (the middle half of the values lies between)."""
    ordered = sorted(values)
    if not ordered:
        return 0.0, 0.0
    half = len(ordered) // 2
    low, high = ordered[:half] or ordered, ordered[(len(ordered) + 1) // 2:] or ordered
    return median(low), median(high)


def headline(sessions: list[Session]) -> dict[str, Any]:
    """Sessions, median length and its spread, bounce share (of the sessions whose taps were
    recorded: an older kiosk's were not)."""
    seconds = [s.seconds for s in sessions]
    recorded = [s for s in sessions if s.ended]
    bounced = sum(1 for s in recorded if len(s.taps) < BOUNCE_TAPS)
    low, high = quartiles(seconds)
    return {
        "sessions": len(sessions),
        "taps": sum(len(s.taps) for s in sessions),
        "median_seconds": round(median(seconds), 1),
        "quartile_seconds": [round(low, 1), round(high, 1)],
        "bounce_share": round(bounced / len(recorded), 4) if recorded else None,
        "sessions_with_taps_recorded": len(recorded),
    }


def ranked(counts: dict[str, Any], top: int | None = None) -> list[tuple[str, Any]]:
    """The largest first; ties by name, so that every way of counting gives one order."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def change(now: float | None, before: float | None) -> float | None:
    """The relative change from `before` to `now` (None where it cannot be said)."""
    if now is None or before is None or before == 0:
        return None
    return round((now - before) / before, 4)


def figures(sessions: list[Session], runs: list[AttractRun], previous: list[Session],
            first: date | None, last: date | None, kiosks: dict[str, list[Session]] | None = None
            ) -> dict[str, Any]:
    top = headline(sessions)
    before = headline(previous)
    per_day = Counter(s.started.date().isoformat() for s in sessions)
    grid = [[0] * 24 for _ in range(7)]
    for s in sessions:
        grid[s.started.weekday()][s.started.hour] += 1
    views: Counter[str] = Counter()
    seconds: defaultdict[str, float] = defaultdict(float)
    details: Counter[str] = Counter()
    places: Counter[str] = Counter()
    links: Counter[str] = Counter()
    for s in sessions:
        for v in s.views:
            key = f"{v.screen}/{v.detail}" if v.detail else v.screen
            views[key] += 1
            seconds[key] += v.seconds
            if v.detail:
                details[key] += 1
                if v.screen == "network":
                    places[v.detail] += 1
            if v.link:
                links[v.link] += 1
    woken = sum(1 for r in runs if r.woken)
    return {
        "period": {"first": first.isoformat() if first else None,
                   "last": last.isoformat() if last else None},
        **top,
        "previous": {**before, "change_sessions": change(top["sessions"], before["sessions"]),
                     "change_median": change(top["median_seconds"], before["median_seconds"]),
                     "change_bounce": change(top["bounce_share"], before["bounce_share"])},
        "per_day": dict(sorted(per_day.items())),
        "week_grid": grid,  # [weekday from Monday][hour]: sessions that started then
        "attract": {"shown": len(runs), "woken": woken,
                    "conversion": round(woken / len(runs), 4) if runs else None},
        "most_viewed": ranked(views, TOP),
        "longest_viewed": [(key, round(total, 1)) for key, total in ranked(seconds, TOP)],
        "details": ranked(details, TOP),
        "locations": ranked(places),
        "languages": dict(ranked(Counter(s.language for s in sessions))),
        "qr_codes": ranked(links),
        "endings": dict(ranked(Counter(s.ended or "unrecorded" for s in sessions))),
        "kiosks": [{"kiosk": name, **headline(found)}
                   for name, found in sorted((kiosks or {}).items())],
        "heat": heat(sessions),
    }


def heat(sessions: Iterable[Session]) -> dict[str, list[list[float]]]:
    """The taps of each screen (a page, or a page's details together), [x, y] shares."""
    found: defaultdict[str, list[list[float]]] = defaultdict(list)
    for s in sessions:
        for t in s.taps:
            found[f"{t.screen}/detail" if t.detail else t.screen].append([t.x, t.y])
    return {key: taps[-HEAT_TAPS:] for key, taps in sorted(found.items())}


def period(sessions: list[Session], since: date | None, until: date | None
           ) -> tuple[date | None, date | None]:
    """The period shown: as asked, else from the first session's day to the last's."""
    days = [s.started.date() for s in sessions]
    return since or (min(days) if days else None), until or (max(days) if days else None)


def before(first: date, last: date) -> tuple[datetime, datetime]:
    """The period of the same length just before [first, last]."""
    from datetime import timedelta

    length = (last - first).days + 1
    start = datetime.combine(first - timedelta(days=length), datetime.min.time())
    return start, datetime.combine(first, datetime.min.time())
