"""The `opening_hours:` section (kiosk/core/content/opening_hours.py): each mistake's exact
words, once, and the hours and dates read, at the edges of the clock."""

from datetime import date, time

import pytest

from kiosk.core.content import load_bytes

from ...samples import MINIMAL, ROOT, problems

WEEK = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def _week(**hours: str) -> str:
    return "opening_hours:\n" + "".join(f"  {day}: {hours.get(day, '09:00-17:00')}\n"
                                        for day in WEEK)


@pytest.mark.parametrize("text, expected", [
    ("opening_hours: [monday]\n",
     ["content.yaml:8:16: 'opening_hours' must be a set of keys (monday, tuesday, wednesday, "
      "thursday, friday, saturday, sunday, closed_on), not a list"]),
    (_week(monday="[09:00, 17:00]"), ["content.yaml:9:11: 'monday' must be a text, not a list"]),
    (_week(sunday="''"), ["content.yaml:15:11: 'sunday' is empty"]),
    ("opening_hours:\n  closed_on: 2027-01-01\n",
     ["content.yaml:9:14: 'closed_on' must be a list (lines starting with '- '), not the text "
      "\"2027-01-01\""]),
    ("opening_hours:\n  closed_on: [{day: 1}, '2027-01-01']\n",
     ["content.yaml:9:15: 'closed_on' must be a text, not a set of keys"]),
    ("opening_hours:\n  closed_on: ['20270101', '2027-W01-1']\n",
     ["content.yaml:9:15: 'closed_on' dates must be written like 2027-01-01, not \"20270101\"",
      "content.yaml:9:27: 'closed_on' dates must be written like 2027-01-01, not "
      "\"2027-W01-1\""]),
    (_week(tuesday="09:00-09:00"),
     ["content.yaml:10:12: 'tuesday' opens and closes at 09:00: write the hours it is open, "
      "like \"09:00-17:30\", or the word closed"]),
    (_week(tuesday="09:01-09:00"),
     ["content.yaml:10:12: 'tuesday' closes (09:00) before it opens (09:01); hours past "
      "midnight are not supported"]),
    (_week(thursday="09:00-24:01", friday="09:60-10:00"),
     ["content.yaml:12:13: 'thursday' must be opening hours like \"09:00-17:30\" or the word "
      "closed, not \"09:00-24:01\"",
      "content.yaml:13:11: 'friday' must be opening hours like \"09:00-17:30\" or the word "
      "closed, not \"09:60-10:00\""]),
    ("opening_hours:\n" + "".join(f"  {day}: 09:00-17:00\n" for day in WEEK[:6]),
     ["content.yaml:9:3: warning: no hours for sunday: the kiosk is closed on that day"]),
    ("opening_hours:\n" + "".join(f"  {day}: 09:00-17:00\n" for day in WEEK[:5]),
     ["content.yaml:9:3: warning: no hours for saturday, sunday: the kiosk is closed on those "
      "days"]),
])
def test_each_mistake_is_said_once_with_its_line(text, expected):
    assert problems(MINIMAL + text) == expected


def test_the_hours_are_read_to_the_minute_and_to_the_end_of_the_day():
    text = _week(monday="09:00-09:01", tuesday="00:00-24:00", wednesday="closed",
                 thursday="Closed", friday="  08:30-17:45 ", saturday="23:59-24:00")
    text += "  closed_on: ['2027-01-01', \"2027-02-17\"]\n"
    loaded = load_bytes((MINIMAL + text).encode(), "content.yaml", ROOT)
    assert loaded.problems == ()
    hours = loaded.content.opening_hours
    assert hours.week == ((time(9, 0), time(9, 1)), (time(0, 0), time.max), None, None,
                          (time(8, 30), time(17, 45)), (time(23, 59), time.max),
                          (time(9, 0), time(17, 0)))
    assert hours.closed_on == frozenset({date(2027, 1, 1), date(2027, 2, 17)})


def test_holidays_alone_keep_every_weekday_open():
    loaded = load_bytes((MINIMAL + "opening_hours:\n  closed_on: ['2027-01-01']\n").encode(),
                        "content.yaml", ROOT)
    assert loaded.problems == ()
    assert loaded.content.opening_hours.closed_on == frozenset({date(2027, 1, 1)})
