"""Opening hours: open or closed at a moment, and the next change, across days and holidays."""

from datetime import date, datetime, time

from kiosk.core.content.model import OpeningHours
from kiosk.core.hours import is_open, next_change, next_opening

NINE_TO_FIVE = (time(9), time(17, 30))
# Monday to Friday 9-17:30, Saturday 10-16, Sunday closed; New Year's Day closed.
HOURS = OpeningHours(week=(NINE_TO_FIVE,) * 5 + ((time(10), time(16)), None),
                     closed_on=frozenset({date(2027, 1, 1)}))


def test_no_hours_is_always_open():
    assert is_open(None, datetime(2026, 11, 29, 3, 0))
    assert next_change(None, datetime(2026, 11, 29, 3, 0)) is None


def test_open_and_closed_through_a_weekday():
    monday = date(2026, 11, 30)
    assert not is_open(HOURS, datetime.combine(monday, time(8, 59)))
    assert is_open(HOURS, datetime.combine(monday, time(9, 0)))
    assert is_open(HOURS, datetime.combine(monday, time(17, 29)))
    assert not is_open(HOURS, datetime.combine(monday, time(17, 30)))


def test_next_change_is_the_next_opening_or_closing():
    assert next_change(HOURS, datetime(2026, 11, 30, 8, 0)) == datetime(2026, 11, 30, 9, 0)
    assert next_change(HOURS, datetime(2026, 11, 30, 12, 0)) == datetime(2026, 11, 30, 17, 30)
    # Saturday evening: closed on Sunday, so it opens again on Monday.
    assert next_change(HOURS, datetime(2026, 12, 5, 16, 0)) == datetime(2026, 12, 7, 9, 0)
    assert next_opening(HOURS, datetime(2026, 12, 5, 16, 0)) == datetime(2026, 12, 7, 9, 0)
    assert next_opening(HOURS, datetime(2026, 12, 7, 10, 0)) is None


def test_a_holiday_is_closed_all_day():
    assert not is_open(HOURS, datetime(2027, 1, 1, 12, 0))  # a Friday
    assert next_opening(HOURS, datetime(2026, 12, 31, 18, 0)) == datetime(2027, 1, 2, 10, 0)


def test_open_until_midnight_runs_into_the_next_day():
    late = OpeningHours(week=((time(0), time.max),) * 7)
    assert is_open(late, datetime(2026, 11, 30, 23, 59, 59))
    assert next_change(late, datetime(2026, 11, 30, 12, 0)) is None


def test_never_open_has_no_next_opening():
    assert next_opening(OpeningHours(week=(None,) * 7), datetime(2026, 11, 30)) is None
