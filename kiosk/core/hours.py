"""Opening hours as plain arithmetic: is the kiosk open at a moment, and when does that change.

No Qt here: the window asks `next_change` once and sets one timer for it, so a closed kiosk
wakes exactly at opening time and uses no CPU until then.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from .content.model import OpeningHours

LOOK_AHEAD_DAYS = 400  # a year of holidays and closed weekdays, and then some


def _interval(hours: OpeningHours, day: date) -> tuple[datetime, datetime] | None:
    """The open interval of one day, or None if closed all day."""
    times = hours.week[day.weekday()]
    if times is None or day in hours.closed_on:
        return None
    opens, closes = times
    start = datetime.combine(day, opens)
    end = datetime.combine(day + timedelta(days=1), time(0)) if closes == time.max \
        else datetime.combine(day, closes)
    return start, end


def is_open(hours: OpeningHours | None, now: datetime) -> bool:
    if hours is None:
        return True
    interval = _interval(hours, now.date())
    return interval is not None and interval[0] <= now < interval[1]


def next_change(hours: OpeningHours | None, now: datetime) -> datetime | None:
    """The next moment after `now` at which the kiosk opens or closes (None: never)."""
    if hours is None:
        return None
    state = is_open(hours, now)
    for offset in range(LOOK_AHEAD_DAYS):
        interval = _interval(hours, now.date() + timedelta(days=offset))
        if interval is None:
            continue
        for moment in interval:
            if moment > now and is_open(hours, moment) != state:
                return moment
    return None


def next_opening(hours: OpeningHours | None, now: datetime) -> datetime | None:
    """When a closed kiosk opens next (None: open now, or never again)."""
    if is_open(hours, now):
        return None
    return next_change(hours, now)
