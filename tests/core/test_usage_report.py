"""What `kiosk stats` prints (kiosk/core/usage/report.py), whole: the table, the CSV rows and
the JSON lines of a few sessions, and JSON lines read back, one kiosk or many."""

from datetime import date, datetime, timedelta

import pytest

from kiosk.core.usage import Session, View
from kiosk.core.usage.record import Tap
from kiosk.core.usage.report import (
    as_csv,
    as_jsonl,
    as_table,
    day_range,
    figures,
    from_jsonl,
    kiosks_from_jsonl,
    rows,
)

T0 = datetime(2026, 11, 30, 9, 5, 0)


def _sessions():
    first = Session(T0, "zh", 95.25, [
        View("home", "", "en", T0, 10.04),
        View("clusters", "", "zh", T0 + timedelta(seconds=10), 40.0),
        View("clusters", "hi-tech", "zh", T0 + timedelta(seconds=50), 45.21,
             "https://example.org/清华"),
    ], [Tap("home", "", 0.25, 0.5, "tile"), Tap("clusters", "hi-tech", 0.125, 1.0, "")],
        "idle", True, 2, 1, 3)
    second = Session(T0 + timedelta(hours=2), "en", 30.0, [
        View("home", "", "en", T0 + timedelta(hours=2), 12.5),
        View("clusters", "hi-tech", "en", T0 + timedelta(hours=2, seconds=12), 17.5),
    ])
    third = Session(T0 + timedelta(days=1), "en", 61.0, [
        View("network", "", "en", T0 + timedelta(days=1), 61.0)])
    return [first, second, third]


def test_the_figures_of_three_sessions():
    found = figures(_sessions())
    assert found.sessions == 3
    assert found.median_seconds == 61.0
    assert found.per_day == {"2026-11-30": 2, "2026-12-01": 1}
    assert found.per_hour == {9: 2, 11: 1}
    assert found.screens == [("clusters", 3, 102.7), ("home", 2, 22.5), ("network", 1, 61.0)]
    assert found.details == [("clusters/hi-tech", 2)]
    assert found.languages == {"en": 2, "zh": 1}


def test_the_most_viewed_are_the_top_ten_unless_asked_otherwise():
    views = [View(f"screen{n:02d}", f"d{n}", "en", T0, 1.0) for n in range(11)]
    many = [Session(T0, "en", 11.0, views + views[:1])]
    found = figures(many)
    assert len(found.screens) == 10 and found.screens[0] == ("screen00", 2, 2.0)
    assert len(found.details) == 10 and found.details[0] == ("screen00/d0", 2)
    assert len(figures(many, top=11).screens) == 11
    assert len(figures(many, top=11).details) == 11
    assert figures(many, top=1).screens == [("screen00", 2, 2.0)]


def test_the_csv_rows_in_full():
    assert as_csv(figures(_sessions())) == (
        "figure,key,value\n"
        "sessions,,3\n"
        "median_session_seconds,,61.0\n"
        "sessions_per_day,2026-11-30,2\n"
        "sessions_per_day,2026-12-01,1\n"
        "sessions_per_hour,09,2\n"
        "sessions_per_hour,11,1\n"
        "screen_views,clusters,3\n"
        "screen_views,home,2\n"
        "screen_views,network,1\n"
        "screen_seconds,clusters,102.7\n"
        "screen_seconds,home,22.5\n"
        "screen_seconds,network,61.0\n"
        "detail_views,clusters/hi-tech,2\n"
        "sessions_by_language,en,2\n"
        "sessions_by_language,zh,1\n")
    assert rows(figures([]))[:2] == [("sessions", "", "0"), ("median_session_seconds", "", "0.0")]


def test_the_table_in_full():
    assert as_table(figures(_sessions()), "in all") == (
        "Visitor sessions in all: 3\n"
        "Median session: 1 min 01 s\n"
        "\n"
        "Sessions per day\n"
        "  2026-11-30       2\n"
        "  2026-12-01       1\n"
        "\n"
        "Sessions per hour of the day\n"
        "  09:00       2  ##############################\n"
        "  11:00       1  ###############\n"
        "\n"
        "Most viewed screens      views   minutes\n"
        "  clusters                   3       1.7\n"
        "  home                       2       0.4\n"
        "  network                    1       1.0\n"
        "\n"
        "Most viewed details      views\n"
        "  clusters/hi-tech           2\n"
        "\n"
        "Language at the end of the session\n"
        "  en        2   66.7 %\n"
        "  zh        1   33.3 %\n")
    assert as_table(figures([]), "on 2026-11-30") == "No visitor sessions on 2026-11-30.\n"


def test_a_table_with_no_details_and_a_rare_hour_keeps_a_mark_for_it():
    busy = [Session(T0 + timedelta(seconds=n), "en", 1.0, [View("home", "", "en", T0, 1.0)])
            for n in range(100)]
    table = as_table(figures(busy + [Session(T0 + timedelta(hours=5), "en", 1.0)]), "in all")
    assert "  09:00     100  ##############################\n" in table
    assert "  14:00       1  #\n" in table
    assert "Most viewed details" not in table


def test_json_lines_in_full_and_read_back_as_they_were():
    sessions = _sessions()
    text = as_jsonl(sessions[:2], "海淀-1")
    lines = text.split("\n")
    assert lines[2:] == [""] and len(lines) == 3
    assert lines[0] == (
        '{"kiosk": "海淀-1", "started": "2026-11-30T09:05:00", "seconds": 95.25, '
        '"language": "zh", "ended": "idle", "from_attract": true, "stayed": 2, '
        '"language_switches": 1, "text_switches": 3, "views": ['
        '{"screen": "home", "detail": "", "language": "en", "started": "2026-11-30T09:05:00", '
        '"seconds": 10.04}, '
        '{"screen": "clusters", "detail": "", "language": "zh", '
        '"started": "2026-11-30T09:05:10", "seconds": 40.0}, '
        '{"screen": "clusters", "detail": "hi-tech", "language": "zh", '
        '"started": "2026-11-30T09:05:50", "seconds": 45.21, "link": "https://example.org/清华"}'
        '], "taps": [["home", "", 0.25, 0.5, "tile"], ["clusters", "hi-tech", 0.125, 1.0, ""]]}')
    assert from_jsonl(text, "park.jsonl") == sessions[:2]


def test_json_lines_of_many_kiosks_are_kept_apart_and_blank_lines_skipped():
    first, second, third = _sessions()
    text = (as_jsonl([third], "A") + "\n  \n" + as_jsonl([first], "B") + as_jsonl([second], "A"))
    assert kiosks_from_jsonl(text, "park.jsonl") == {"A": [third, second], "B": [first]}
    assert from_jsonl(text, "park.jsonl") == [first, second, third]


def test_older_records_without_a_kiosk_taps_or_endings_are_read_with_defaults():
    text = ('{"started": "2026-11-30T09:05:00", "seconds": 5, "language": "en", "views": '
            '[{"screen": "home", "detail": "", "language": "en", "started": '
            '"2026-11-30T09:05:00", "seconds": 5}]}\n')
    assert kiosks_from_jsonl(text, "old.jsonl") == {"": [Session(
        T0, "en", 5.0, [View("home", "", "en", T0, 5.0)])]}


@pytest.mark.parametrize("line, reason", [
    ('{"started": "2026-11-30T09:05:00", "seconds": 5, "language": "en"}', "no 'views'"),
    ('{"started": "2026-11-30T09:05:00", "seconds": "long", "language": "en", "views": []}',
     "could not convert string to float: 'long'"),
    ('{"started": "2026-11-30T09:05:00", "seconds": 5, "language": "en", "views": [], '
     '"taps": [["home", "", 0.5]]}', "not enough values to unpack (expected 5, got 3)"),
    ('["2026-11-30T09:05:00"]', "'list' object has no attribute 'get'"),
    ('{"started": 20261130, "seconds": 5, "language": "en", "views": []}',
     "fromisoformat: argument must be str"),
    ("{", "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
])
def test_a_line_that_is_not_a_record_is_named_with_its_number(line, reason):
    good = as_jsonl(_sessions()[2:], "A")
    with pytest.raises(ValueError) as raised:
        kiosks_from_jsonl(good + "\n" + line + "\n", "park.jsonl")
    assert str(raised.value) == ("park.jsonl:3: not a session record written by "
                                 f"`kiosk stats --format jsonl` ({reason})")


def test_a_day_range_runs_from_the_first_days_start_to_the_last_days_end():
    assert day_range(date(2026, 11, 30), date(2026, 12, 1)) == (
        datetime(2026, 11, 30), datetime(2026, 12, 2))
    assert day_range(date(2026, 11, 30), date(2026, 11, 30)) == (
        datetime(2026, 11, 30), datetime(2026, 12, 1))
    assert day_range(None, date(2026, 12, 31)) == (None, datetime(2027, 1, 1))
    assert day_range(date(2026, 11, 30), None) == (datetime(2026, 11, 30), None)
    assert day_range(None, None) == (None, None)
    with pytest.raises(ValueError) as raised:
        day_range(date(2026, 12, 1), date(2026, 11, 30))
    assert str(raised.value) == ("--since 2026-12-01 is after --until 2026-11-30: no day is in "
                                 "between.")
