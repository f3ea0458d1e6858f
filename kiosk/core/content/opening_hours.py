"""The `opening_hours:` section read: a weekday's hours or "closed", and the dates closed
whatever the weekday, each mistake recorded with its line through the Reader."""

from __future__ import annotations

import re
from datetime import date, time

import yaml

from . import keys as known
from .model import WEEKDAYS, OpeningHours
from .quoting import quoted
from .reader import Reader

HOURS = re.compile(known.HOURS_PATTERN)
DATE = re.compile(known.DATE_PATTERN)


def opening_hours(r: Reader, node: yaml.Node) -> OpeningHours | None:
    """`monday: "09:00-17:30"` or `monday: closed` for each weekday; `closed_on:` dates."""
    keys = r.keys(node, "opening_hours", *known.OPENING_HOURS.names())
    if keys is None:
        return None
    if not set(WEEKDAYS) & keys.keys():  # holidays only: open all day on the other days
        return OpeningHours(closed_on=_dates(r, keys))
    week: list[tuple[time, time] | None] = []
    closed = 0  # days closed on purpose: left out, or "closed"
    for day in WEEKDAYS:
        if day not in keys:
            week.append(None)
            closed += 1
            continue
        value = r.string(keys[day], day)
        if not value:  # not a text, or empty: said already
            week.append(None)
            continue
        if value.lower() == "closed":
            week.append(None)
            closed += 1
            continue
        found = HOURS.fullmatch(value)
        hour, minute, end_hour, end_minute = found.groups() if found else ("", "", "", "")
        opens = _clock(hour, minute) if found else None
        closes = _clock(end_hour, end_minute) if found else None
        if opens is None or closes is None:
            r.error(keys[day], f"'{day}' must be opening hours like \"09:00-17:30\" or the word "
                               f"closed, not \"{quoted(value)}\"")
            week.append(None)
        elif opens == closes:
            r.error(keys[day], f"'{day}' opens and closes at {hour}:{minute}: write the hours "
                               "it is open, like \"09:00-17:30\", or the word closed")
            week.append(None)
        elif opens > closes:
            r.error(keys[day], f"'{day}' closes ({end_hour}:{end_minute}) before it opens "
                               f"({hour}:{minute}); hours past midnight are not supported")
            week.append(None)
        else:
            week.append((opens, closes))
    missing = [day for day in WEEKDAYS if day not in keys]
    if closed == len(WEEKDAYS):
        r.warn(node, "every day is closed: the kiosk will only show its closed screen (leave "
                     "out 'opening_hours' to keep it on all the time)")
    elif missing:
        r.warn(node, f"no hours for {', '.join(missing)}: the kiosk is closed on "
                     f"{'that day' if len(missing) == 1 else 'those days'}")
    return OpeningHours(tuple(week), _dates(r, keys))


def _dates(r: Reader, keys: dict[str, yaml.Node]) -> frozenset[date]:
    closed_on = set()
    for item in r.items(keys["closed_on"], "closed_on") if "closed_on" in keys else ():
        value = r.string(item, "closed_on")
        if not value:  # not a text, or empty: said already
            continue
        try:
            if not DATE.fullmatch(value):  # fromisoformat takes 20270101 and 2027-W01-1 too
                raise ValueError(value)
            closed_on.add(date.fromisoformat(value))
        except ValueError:
            r.error(item, f"'closed_on' dates must be written like 2027-01-01, "
                          f"not \"{quoted(value)}\"")
    return frozenset(closed_on)


def _clock(hours: str, minutes: str) -> time | None:
    """A time of day; 24:00 is the end of the day."""
    h, m = int(hours), int(minutes)
    if (h, m) == (24, 0):
        return time.max
    return time(h, m) if h < 24 and m < 60 else None
