"""What no screen of the kiosk shows, in words for staff (the preview's "Hours and times"): the
week's opening hours, the days closed ahead, whether the kiosk is open now, and its idle times.
No Qt here."""

from __future__ import annotations

from datetime import date, datetime, time

from .content.model import WEEKDAYS, OpeningHours, Settings
from .hours import is_open, next_change

CLOSED_DAYS_LISTED = 10  # the next ones; the rest are counted


def clock(moment: time) -> str:
    return "24:00" if moment == time.max else moment.strftime("%H:%M")


def week(hours: OpeningHours | None) -> list[tuple[str, str]]:
    """Each weekday, Monday first, and its hours: "09:00–17:30" or "closed"."""
    if hours is None:
        return [(day.capitalize(), "open all day") for day in WEEKDAYS]
    return [(day.capitalize(), f"{clock(times[0])}–{clock(times[1])}" if times else "closed")
            for day, times in zip(WEEKDAYS, hours.week, strict=True)]


def closed_days(hours: OpeningHours | None, today: date) -> list[str]:
    """The dates closed from today on, like "2027-01-01 (Friday)"; past the first
    CLOSED_DAYS_LISTED, a line that counts the rest; before today, a line that counts those."""
    if hours is None:
        return []
    ahead = sorted(day for day in hours.closed_on if day >= today)
    lines = [f"{day.isoformat()} ({WEEKDAYS[day.weekday()].capitalize()})"
             for day in ahead[:CLOSED_DAYS_LISTED]]
    if len(ahead) > CLOSED_DAYS_LISTED:
        lines.append(f"and {len(ahead) - CLOSED_DAYS_LISTED} more")
    past = len(hours.closed_on) - len(ahead)
    if past:
        lines.append(f"({past} date{'s' * (past != 1)} before today, which can be removed)")
    return lines


def now_line(hours: OpeningHours | None, now: datetime) -> str:
    """Open or closed now, and until when: "Open now; closes today at 17:30"."""
    if hours is None:
        return "Open all the time (no opening_hours: section)"
    state = "Open now" if is_open(hours, now) else "Closed now"
    change = next_change(hours, now)
    if change is None:
        return f"{state}, and " + ("never closes" if is_open(hours, now) else "never opens again")
    verb = "closes" if is_open(hours, now) else "opens"
    days = (change.date() - now.date()).days
    when = "today" if days == 0 else "tomorrow" if days == 1 else \
        f"{WEEKDAYS[change.weekday()].capitalize()} {change.date().isoformat()}"
    return f"{state}; {verb} {when} at {clock(change.time())}"


def seconds(value: float) -> str:
    text = f"{value:g} s"
    return text if value < 120 else f"{text} ({value / 60:g} min)"


def timings(settings: Settings) -> list[tuple[str, str]]:
    """What the idle settings do, in order, as a visitor meets them."""
    return [
        ('"Still there?" appears after', f"{seconds(settings.idle_timeout)} without a touch, "
                                         "on any screen but home"),
        ("It counts down", f"{seconds(settings.countdown)}, then the kiosk goes home "
                           "and undoes the visitor's changes"),
        ("The attract loop starts after", f"{seconds(settings.attract_delay)} on the home "
                                          "screen without a touch"),
        ("Each attract slide shows for", seconds(settings.attract_slide)),
    ]
