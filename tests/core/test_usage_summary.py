"""The report's figures (report.json), against a small fixture counted by hand."""

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from kiosk.core.usage.record import AttractRun, Session, Tap, View
from kiosk.core.usage.summary import before, figures, headline, period, quartiles


def session(day: int, hour: int, seconds: float, taps: int, views: list[tuple[str, str, str]],
            language: str = "en", ended: str = "idle") -> Session:
    started = datetime(2026, 11, day, hour, 0) if day > 1 else datetime(2026, 12, day, hour)
    return Session(started, language, seconds,
                   [View(screen, detail, language, started, 10.0, link)
                    for screen, detail, link in views],
                   [Tap("home", "", 0.1 * n, 0.5, "tile") for n in range(taps)], ended)


# Monday 30 November and Tuesday 1 December 2026
FIXTURE = [
    session(30, 10, 30, 1, [("home", "", "https://a.cn")]),  # a bounce
    session(30, 10, 90, 3, [("home", "", "https://a.cn"), ("network", "wuhan", ""),
                            ("network", "xian", "")]),
    session(30, 14, 60, 2, [("home", "", "https://a.cn"), ("clusters", "", "")], "zh"),
    session(30, 14, 200, 0, [("home", "", "")], ended=""),  # an older kiosk's: no taps kept
]
DEC = [session(1, 9, 120, 4, [("home", "", ""), ("network", "wuhan", "https://b.cn")])]
RUNS = [AttractRun(datetime(2026, 11, 30, 8), 60, True), AttractRun(datetime(2026, 11, 30, 9),
                                                                    60, False),
        AttractRun(datetime(2026, 11, 30, 12), 60, False), AttractRun(datetime(2026, 12, 1, 8),
                                                                      30, True)]


def test_the_headline_figures():
    top = headline(FIXTURE + DEC)
    assert top["sessions"] == 5
    assert top["taps"] == 10
    assert top["median_seconds"] == 90  # 30, 60, 90, 120, 200
    assert top["quartile_seconds"] == [45, 160]  # of (30, 60) and (120, 200)
    assert top["sessions_with_taps_recorded"] == 4
    assert top["bounce_share"] == 0.25  # 1 of the 4 with taps recorded had fewer than 2


def test_every_figure_of_the_report():
    found = figures(FIXTURE + DEC, RUNS, previous=FIXTURE[:2], first=date(2026, 11, 30),
                    last=date(2026, 12, 1))
    assert found["period"] == {"first": "2026-11-30", "last": "2026-12-01"}
    assert found["per_day"] == {"2026-11-30": 4, "2026-12-01": 1}
    assert found["week_grid"][0][10] == 2 and found["week_grid"][0][14] == 2
    assert found["week_grid"][1][9] == 1
    assert sum(map(sum, found["week_grid"])) == 5
    assert found["attract"] == {"shown": 4, "woken": 2, "conversion": 0.5}
    assert found["most_viewed"][0] == ("home", 5)
    assert ("network/wuhan", 2) in found["most_viewed"]
    assert found["longest_viewed"][0] == ("home", 50.0)
    assert found["locations"] == [("wuhan", 2), ("xian", 1)]
    assert found["languages"] == {"en": 4, "zh": 1}
    assert found["qr_codes"] == [("https://a.cn", 3), ("https://b.cn", 1)]
    assert found["endings"] == {"idle": 4, "unrecorded": 1}
    previous = found["previous"]
    assert (previous["sessions"], previous["change_sessions"]) == (2, 1.5)  # 2 -> 5: +150 %
    assert previous["bounce_share"] == 0.5 and previous["change_bounce"] == -0.5
    assert found["heat"]["home"][:3] == [[0.0, 0.5], [0.0, 0.5], [0.1, 0.5]]
    assert len(found["heat"]["home"]) == 10


def test_an_empty_period_says_so_in_numbers():
    found = figures([], [], [], None, None)
    assert (found["sessions"], found["median_seconds"], found["bounce_share"]) == (0, 0.0, None)
    assert found["attract"]["conversion"] is None and found["previous"]["change_sessions"] is None
    assert quartiles([]) == (0.0, 0.0) and quartiles([5.0]) == (5.0, 5.0)


def test_the_period_and_the_one_before():
    assert period(FIXTURE + DEC, None, None) == (date(2026, 11, 30), date(2026, 12, 1))
    assert period([], date(2026, 1, 1), None) == (date(2026, 1, 1), None)
    assert before(date(2026, 11, 30), date(2026, 12, 1)) == (datetime(2026, 11, 28),
                                                             datetime(2026, 11, 30))


def test_sqlite_counts_the_same_figures_as_the_sessions_in_memory(tmp_path):
    """The report counts a database with SQLite (a year in seconds) and JSON lines in memory:
    the two give the same report.json."""
    from kiosk.core.usage import UsageStore, counted
    from kiosk.core.usage.store import read_attract, read_sessions

    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path)
    for found in FIXTURE + DEC:
        store.save(found)
    for run in RUNS:
        store.save_attract(run)
    store.close()
    low, high = datetime(2026, 11, 30), datetime(2026, 12, 2)
    span = (datetime(2026, 11, 28), datetime(2026, 11, 30))
    in_memory = figures(read_sessions(path, low, high), read_attract(path, low, high),
                        read_sessions(path, *span), date(2026, 11, 30), date(2026, 12, 1))
    by_sqlite = counted.figures(path, low, high, span, date(2026, 11, 30), date(2026, 12, 1),
                                read_attract(path, low, high))
    assert json.loads(json.dumps(by_sqlite)) == json.loads(json.dumps(in_memory))
    assert counted.period(path, None, None) == (date(2026, 11, 30), date(2026, 12, 1))
    assert counted.period(path, datetime(2027, 1, 1), None) is None


def _stored(path):
    from kiosk.core.usage import UsageStore

    store = UsageStore(path)
    monday = datetime(2026, 12, 7, 10, 30)  # the hour of two of FIXTURE's, a week on
    for found in FIXTURE + DEC + [Session(monday, "en", 40.0, [
            View("network", "wuhan", "en", monday, 40.0)],
            [Tap("network", "wuhan", 0.5, 0.25, "item"), Tap("network", "", 0.5, 0.5, "")],
            "left")]:
        store.save(found)
    for run in RUNS:
        store.save_attract(run)
    store.close()
    return path


NOV30, DEC1, DEC2 = datetime(2026, 11, 30), datetime(2026, 12, 1), datetime(2026, 12, 2)


@pytest.mark.parametrize("low, high, span", [
    (None, None, None),
    (NOV30, DEC1, None),
    (DEC1, DEC2, (NOV30, DEC1)),
    (DEC1, None, (datetime(2026, 11, 30, 12), DEC1)),
    (None, datetime(2026, 11, 30, 14), (NOV30, datetime(2026, 11, 30, 11))),
])
def test_sqlite_and_memory_agree_on_any_period_and_any_period_before(tmp_path, low, high, span):
    from kiosk.core.usage import counted
    from kiosk.core.usage.store import read_attract, read_sessions

    path = _stored(tmp_path / "usage of the park #1?.sqlite3")
    runs = read_attract(path, low, high)
    in_memory = figures(read_sessions(path, low, high), runs,
                        read_sessions(path, *span) if span else [], None, None)
    by_sqlite = counted.figures(path, low, high, span, None, None, runs)
    assert json.loads(json.dumps(by_sqlite)) == json.loads(json.dumps(in_memory))
    assert by_sqlite["sessions"] == len(read_sessions(path, low, high))
    if low is None and high is None:  # Mondays at ten, two weeks: counted together
        assert by_sqlite["week_grid"][0][10] == 3 and "network/detail" in by_sqlite["heat"]


def test_the_first_and_last_day_within_a_period(tmp_path):
    from kiosk.core.usage import counted

    path = _stored(tmp_path / "usage.sqlite3")
    assert counted.period(path, None, DEC1) == (date(2026, 11, 30), date(2026, 11, 30))
    assert counted.period(path, DEC1, DEC2) == (date(2026, 12, 1), date(2026, 12, 1))
    assert counted.period(path, DEC1, None) == (date(2026, 12, 1), date(2026, 12, 7))
    assert counted.period(path, datetime(2026, 11, 30, 14), DEC2) == (date(2026, 11, 30),
                                                                      date(2026, 12, 1))
    assert counted.period(path, datetime(2026, 11, 30, 14, 0, 1), DEC2) == (date(2026, 12, 1),
                                                                            date(2026, 12, 1))


def test_sqlite_counts_only_a_database_it_can_open_of_this_kiosks_version(tmp_path):
    import sqlite3

    from kiosk.core.usage import counted
    from kiosk.core.usage.store import UnreadableStoreError

    missing = tmp_path / "none.sqlite3"
    with pytest.raises(UnreadableStoreError) as raised:
        counted.figures(missing, None, None, None, None, None, [])
    assert str(raised.value) == (f"Cannot read the usage database {missing}: unable to open "
                                 "database file")
    path = _stored(tmp_path / "usage.sqlite3")
    db = sqlite3.connect(path)
    db.execute("PRAGMA user_version = 1")
    db.commit()
    db.close()
    with pytest.raises(ValueError) as older:
        counted.figures(path, None, None, None, None, None, [])
    assert str(older.value) == "an older kiosk's database: read it session by session"


def _busy() -> list[Session]:
    """13 sessions over three days: 14 screens, 12 places, lengths with many decimals."""
    out = []
    start = datetime(2026, 11, 30, 9, 30)
    for n in range(13):
        at = start + timedelta(hours=5 * n, minutes=7 * n)
        views = [View("home", "", "en", at, 3.3333 + n),
                 View("network", f"city{n % 12:02d}", "zh", at, 7.777 * (n + 1),
                      f"https://example.org/{n % 3}" if n % 2 else ""),
                 View(f"page{n}", "", "en", at, 1.05)]
        taps = [Tap("network", "x", 0.1 * k, 0.3333, "item") for k in range(n % 4)]
        out.append(Session(at, "zh" if n % 3 == 0 else "en", 12.345 * (n + 1), views, taps,
                           ("idle", "left", "")[n % 3]))
    return out


def test_the_report_of_a_busier_fixture_whole():
    """Every figure of report.json, rounded as it is written, each list cut at the top ten
    where it is cut, against a file (tests/core/report_figures.json)."""
    sessions = _busy()
    runs = [AttractRun(datetime(2026, 11, 30, 8), 60, True),
            AttractRun(datetime(2026, 12, 1), 60, False),
            AttractRun(datetime(2026, 12, 1, 9), 60, False)]
    found = figures(sessions, runs, sessions[:3], date(2026, 11, 30), date(2026, 12, 3),
                    {"b-lobby": sessions[5:], "a-lobby": sessions[:5]})
    expected = json.loads((Path(__file__).parent / "report_figures.json").read_text())
    assert json.loads(json.dumps(found)) == expected
    assert len(found["most_viewed"]) == 10 and len(found["locations"]) == 12


def test_quartiles_of_odd_and_even_counts():
    assert quartiles([4.0, 1.0, 3.0, 2.0]) == (1.5, 3.5)
    assert quartiles([5.0, 1.0, 3.0, 2.0, 4.0]) == (1.5, 4.5)
    assert quartiles([2.0, 1.0]) == (1.0, 2.0)
