"""The figures of `kiosk report`, as plain data (its report.json): what visitors did in a
period, against the period before, from recorded sessions and attract-loop showings. No Qt,
no charts here: kiosk/report/ draws them."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple

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


def headline_of(seconds: list[float], taps: int, recorded: int, bounced: int
                ) -> dict[str, Any]:
    """Sessions (their lengths), taps, median length and its spread, and the bounce share of
    the `recorded` sessions (those whose taps were recorded: an older kiosk's were not)."""
    low, high = quartiles(seconds)
    return {
        "sessions": len(seconds),
        "taps": taps,
        "median_seconds": round(median(seconds), 1),
        "quartile_seconds": [round(low, 1), round(high, 1)],
        "bounce_share": round(bounced / recorded, 4) if recorded else None,
        "sessions_with_taps_recorded": recorded,
    }


def headline(sessions: list[Session]) -> dict[str, Any]:
    recorded = [s for s in sessions if s.ended]
    return headline_of([s.seconds for s in sessions], sum(len(s.taps) for s in sessions),
                       len(recorded), sum(1 for s in recorded if len(s.taps) < BOUNCE_TAPS))


def ranked(counts: dict[str, Any], top: int | None = None) -> list[tuple[str, Any]]:
    """The largest first; ties by name, so that every way of counting gives one order."""
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:top]


def change(now: float | None, before: float | None) -> float | None:
    """The relative change from `before` to `now` (None where it cannot be said)."""
    if now is None or before is None or before == 0:
        return None
    return round((now - before) / before, 4)


class Views(NamedTuple):
    """Views counted by screen ("page" or "page/detail"): how many, and seconds on each."""

    counts: Counter[str]
    seconds: defaultdict[str, float]
    details: Counter[str]
    places: Counter[str]  # the network's locations opened


def tally(rows: Iterable[tuple[str, str, int, float]]) -> Views:
    """From (screen, detail, views, seconds) rows: one per view, or already grouped."""
    found = Views(Counter(), defaultdict(float), Counter(), Counter())
    for screen, detail, count, total in rows:
        key = f"{screen}/{detail}" if detail else screen
        found.counts[key] += count
        found.seconds[key] += total
        if detail:
            found.details[key] += count
            if screen == "network":
                found.places[detail] += count
    return found


class Tallies(NamedTuple):
    """What a report counts, however it was counted (here from sessions in memory;
    counted.py in the database)."""

    per_day: dict[str, int]
    week_grid: list[list[int]]  # [weekday from Monday][hour]: sessions that started then
    views: Views
    links: dict[str, int]
    languages: dict[str, int]
    endings: dict[str, int]
    heat: dict[str, list[list[float]]]


def report(top: dict[str, Any], before: dict[str, Any], runs: list[AttractRun],
           first: date | None, last: date | None, tallies: Tallies,
           kiosks: list[dict[str, Any]]) -> dict[str, Any]:
    """report.json: the headline, against the period before, and the tallies ranked."""
    woken = sum(1 for r in runs if r.woken)
    return {
        "period": {"first": first.isoformat() if first else None,
                   "last": last.isoformat() if last else None},
        **top,
        "previous": {**before, "change_sessions": change(top["sessions"], before["sessions"]),
                     "change_median": change(top["median_seconds"], before["median_seconds"]),
                     "change_bounce": change(top["bounce_share"], before["bounce_share"])},
        "per_day": dict(sorted(tallies.per_day.items())),
        "week_grid": tallies.week_grid,
        "attract": {"shown": len(runs), "woken": woken,
                    "conversion": round(woken / len(runs), 4) if runs else None},
        "most_viewed": ranked(tallies.views.counts, TOP),
        "longest_viewed": [(key, round(total, 1))
                           for key, total in ranked(tallies.views.seconds, TOP)],
        "details": ranked(tallies.views.details, TOP),
        "locations": ranked(tallies.views.places),
        "languages": dict(ranked(tallies.languages)),
        "qr_codes": ranked(tallies.links),
        "endings": dict(ranked(tallies.endings)),
        "kiosks": kiosks,
        "heat": dict(sorted(tallies.heat.items())),
    }


def figures(sessions: list[Session], runs: list[AttractRun], previous: list[Session],
            first: date | None, last: date | None, kiosks: dict[str, list[Session]] | None = None
            ) -> dict[str, Any]:
    grid = [[0] * 24 for _ in range(7)]
    for s in sessions:
        grid[s.started.weekday()][s.started.hour] += 1
    views = [v for s in sessions for v in s.views]
    tallies = Tallies(
        per_day=Counter(s.started.date().isoformat() for s in sessions),
        week_grid=grid,
        views=tally((v.screen, v.detail, 1, v.seconds) for v in views),
        links=Counter(v.link for v in views if v.link),
        languages=Counter(s.language for s in sessions),
        endings=Counter(s.ended or "unrecorded" for s in sessions),
        heat=heat(sessions))
    return report(headline(sessions), headline(previous), runs, first, last, tallies,
                  [{"kiosk": name, **headline(found)}
                   for name, found in sorted((kiosks or {}).items())])


def heat(sessions: Iterable[Session]) -> dict[str, list[list[float]]]:
    """The taps of each screen (a page, or a page's details together), [x, y] shares."""
    found: defaultdict[str, list[list[float]]] = defaultdict(list)
    for s in sessions:
        for t in s.taps:
            found[heat_key(t.screen, bool(t.detail))].append([t.x, t.y])
    return {key: taps[-HEAT_TAPS:] for key, taps in found.items()}


def heat_key(screen: str, on_detail: bool) -> str:
    return f"{screen}/detail" if on_detail else screen


def period(sessions: list[Session], since: date | None, until: date | None
           ) -> tuple[date | None, date | None]:
    """The period shown: as asked, else from the first session's day to the last's."""
    days = [s.started.date() for s in sessions]
    return since or (min(days) if days else None), until or (max(days) if days else None)


def before(first: date, last: date) -> tuple[datetime, datetime]:
    """The period of the same length just before [first, last]."""
    length = (last - first).days + 1
    start = datetime.combine(first - timedelta(days=length), datetime.min.time())
    return start, datetime.combine(first, datetime.min.time())
