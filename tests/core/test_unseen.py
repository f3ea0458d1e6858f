"""What no screen shows, in words for the preview's "Hours and times"."""

from datetime import date, datetime, time

from kiosk.core import unseen
from kiosk.core.content.model import OpeningHours, Settings

NINE_TO_FIVE = (time(9), time(17, 30))
HOURS = OpeningHours(week=(NINE_TO_FIVE,) * 5 + ((time(10), time(16)), None),
                     closed_on=frozenset({date(2027, 1, 1), date(2026, 1, 1)}))
MONDAY = datetime(2026, 11, 30, 12, 0)


def test_the_week_is_each_day_with_its_hours_or_closed():
    assert unseen.week(HOURS) == [
        ("Monday", "09:00–17:30"), ("Tuesday", "09:00–17:30"), ("Wednesday", "09:00–17:30"),
        ("Thursday", "09:00–17:30"), ("Friday", "09:00–17:30"), ("Saturday", "10:00–16:00"),
        ("Sunday", "closed")]
    assert unseen.week(OpeningHours()) == [(day, "00:00–24:00") for day in (
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")]
    assert unseen.week(None)[0] == ("Monday", "open all day")


def test_closed_days_ahead_are_listed_and_past_ones_counted():
    assert unseen.closed_days(HOURS, date(2026, 12, 3)) == [
        "2027-01-01 (Friday)", "(1 date before today, which can be removed)"]
    assert unseen.closed_days(HOURS, date(2027, 1, 1)) == [  # the day itself is still ahead
        "2027-01-01 (Friday)", "(1 date before today, which can be removed)"]
    assert unseen.closed_days(HOURS, date(2027, 1, 2)) == [
        "(2 dates before today, which can be removed)"]
    assert unseen.closed_days(None, date(2027, 1, 2)) == []


def test_only_the_first_ten_closed_days_are_listed():
    many = HOURS._replace(closed_on=frozenset(date(2030, 1, day) for day in range(1, 12)))
    lines = unseen.closed_days(many, date(2029, 12, 31))
    assert len(lines) == 11 and lines[-1] == "and 1 more"
    assert lines[9] == "2030-01-10 (Thursday)"
    exactly = HOURS._replace(closed_on=frozenset(date(2030, 1, day) for day in range(1, 11)))
    assert len(unseen.closed_days(exactly, date(2029, 12, 31))) == 10


def test_open_or_closed_now_and_until_when():
    assert unseen.now_line(HOURS, MONDAY) == "Open now; closes today at 17:30"
    assert unseen.now_line(HOURS, datetime(2026, 11, 30, 18, 0)) == \
        "Closed now; opens tomorrow at 09:00"
    assert unseen.now_line(HOURS, datetime(2026, 12, 5, 17, 0)) == \
        "Closed now; opens Monday 2026-12-07 at 09:00"
    assert unseen.now_line(None, MONDAY) == "Open all the time (no opening_hours: section)"
    assert unseen.now_line(OpeningHours(), MONDAY) == "Open now, and never closes"
    assert unseen.now_line(OpeningHours(week=(None,) * 7), MONDAY) == \
        "Closed now, and never opens again"


def test_the_idle_times_in_the_order_a_visitor_meets_them():
    assert unseen.timings(Settings()) == [
        ('"Still there?" appears after', "60 s without a touch, on any screen but home"),
        ("It counts down", "20 s, then the kiosk goes home and undoes the visitor's changes"),
        ("The attract loop starts after", "120 s (2 min) on the home screen without a touch"),
        ("Each attract slide shows for", "8 s")]
    assert unseen.seconds(119.5) == "119.5 s"
    assert unseen.seconds(120) == "120 s (2 min)"
    assert unseen.seconds(3600) == "3600 s (60 min)"
