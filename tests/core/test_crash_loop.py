"""A kiosk that dies again and again starts on its last good content, then on "back soon"."""

import json
import shutil
from datetime import datetime, timedelta

import pytest

from kiosk.core.crash_loop import (
    BACK_SOON_AFTER,
    LAST_GOOD_AFTER,
    WINDOW_S,
    Fallback,
    LastGood,
    Starts,
    load_for_start,
)

from ..samples import ROOT

T0 = datetime(2026, 11, 30, 10, 0, 0)


def test_three_crashes_within_a_minute_fall_back_to_the_last_good_content(tmp_path):
    starts = Starts(tmp_path / "starts.json")
    seen = [starts.begin(T0 + timedelta(seconds=2 * n)) for n in range(8)]  # none end cleanly
    assert seen == [Fallback.NONE] * 3 + [Fallback.LAST_GOOD] * 3 + [Fallback.BACK_SOON] * 2


def test_clean_exits_and_old_crashes_do_not_count(tmp_path):
    starts = Starts(tmp_path / "starts.json")
    for n in range(5):
        started = T0 + timedelta(seconds=n)
        assert starts.begin(started) is Fallback.NONE
        starts.end(started)  # staff restarted it: no crash
    for n in range(3):
        starts.begin(T0 + timedelta(seconds=10 + n))  # three crashes...
    assert starts.begin(T0 + timedelta(seconds=100)) is Fallback.NONE  # ...over a minute ago


@pytest.mark.parametrize("left", ["[{", ""], ids=["half written", "empty after a power cut"])
def test_a_damaged_start_log_is_started_again(tmp_path, left):
    (tmp_path / "starts.json").write_text(left)
    assert Starts(tmp_path / "starts.json").begin(T0) is Fallback.NONE
    assert len(json.loads((tmp_path / "starts.json").read_text())) == 1


def test_the_last_good_copy_keeps_its_images_found_beside_the_original(tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(ROOT / "resources", folder / "resources")
    original = folder / "content.yaml"
    original.write_bytes((ROOT / "content.yaml").read_bytes())
    last_good = LastGood(tmp_path / "state")
    last_good.folder.mkdir()
    assert last_good.remember(original)
    original.write_text("organisation: [broken")  # staff saved a broken file since
    assert not last_good.remember(original)  # a broken file is never "good"
    found = load_for_start(original, Fallback.LAST_GOOD, last_good)
    assert found.content is not None
    assert found.content.source == original.resolve()
    assert load_for_start(original, Fallback.NONE, last_good).content is None
    assert load_for_start(original, Fallback.BACK_SOON, last_good) is None


def test_no_last_good_copy_means_back_soon(tmp_path):
    assert load_for_start(ROOT / "content.yaml", Fallback.LAST_GOOD, LastGood(tmp_path)) is None


def test_the_back_soon_screen_tries_again_later_backing_off(tmp_path):
    from kiosk.core.crash_loop import RETRY_FIRST_S, RETRY_MOST_S

    starts = Starts(tmp_path / "starts.json")
    now = datetime(2026, 12, 1, 9, 0)
    waits = []
    for _attempt in range(7):
        for crash in range(6):  # six crashes in a minute, then the back soon screen
            starts.begin(now + timedelta(seconds=crash))
        now += timedelta(seconds=6)
        assert starts.begin(now) is Fallback.BACK_SOON
        waits.append(starts.back_soon(now))
        starts.end(now)  # the retry is a clean exit
        now += timedelta(seconds=waits[-1])
        assert starts.begin(now) is Fallback.NONE  # the crashes are over a minute old
        starts.end(now)
    assert (RETRY_FIRST_S, RETRY_MOST_S) == (180, 3600)
    assert waits == [180, 360, 720, 1440, 2880, 3600, 3600]
    assert starts.back_soon(now + timedelta(days=2)) == 180  # a day without: from the start


def test_a_file_fixed_on_the_back_soon_screen_starts_normally_and_its_own_crashes_count(
        tmp_path):
    starts = Starts(tmp_path / "starts.json")
    now = datetime(2026, 12, 1, 9, 0)
    for crash in range(BACK_SOON_AFTER):
        starts.begin(now + timedelta(seconds=crash))
    back_soon = now + timedelta(seconds=10)
    assert starts.begin(back_soon) is Fallback.BACK_SOON
    starts.back_soon(back_soon)
    starts.end(back_soon, afresh=True)  # a valid save, twenty seconds after the crashes
    fixed = back_soon + timedelta(seconds=20)
    assert starts.begin(fixed) is Fallback.NONE  # not back soon again
    crashes = [starts.begin(fixed + timedelta(seconds=n)) for n in range(1, 6)]
    assert crashes == [Fallback.NONE] * 2 + [Fallback.LAST_GOOD] * 3  # its own crashes count
    starts.end(back_soon)  # a plain clean exit marks no fresh start
    assert json.loads((tmp_path / "starts.json").read_text())[BACK_SOON_AFTER]["afresh"]
    assert sum(e.get("afresh", False) for e in json.loads(
        (tmp_path / "starts.json").read_text())) == 1


def test_a_clean_exit_without_a_fix_still_counts_the_crashes_before_it(tmp_path):
    starts = Starts(tmp_path / "starts.json")
    for crash in range(BACK_SOON_AFTER):
        starts.begin(T0 + timedelta(seconds=crash))
    starts.begin(T0 + timedelta(seconds=10))
    starts.end(T0 + timedelta(seconds=10))  # staff restarted it from the back soon screen
    assert starts.begin(T0 + timedelta(seconds=20)) is Fallback.BACK_SOON


def test_starts_dated_after_now_are_not_crashes(tmp_path):
    """The clock set back (a dead RTC battery, a time server's correction): the starts of the
    hour ahead are no crashes of the last minute."""
    starts = Starts(tmp_path / "starts.json")
    later = datetime(2026, 12, 1, 10, 0)
    for crash in range(BACK_SOON_AFTER):
        starts.begin(later + timedelta(seconds=crash))
    assert starts.begin(later - timedelta(hours=1)) is Fallback.NONE


@pytest.mark.parametrize(("crashes", "fallback"), [
    (LAST_GOOD_AFTER - 1, Fallback.NONE), (LAST_GOOD_AFTER, Fallback.LAST_GOOD),
    (BACK_SOON_AFTER - 1, Fallback.LAST_GOOD), (BACK_SOON_AFTER, Fallback.BACK_SOON)])
def test_the_fallback_changes_at_its_count_of_crashes(tmp_path, crashes, fallback):
    starts = Starts(tmp_path / "starts.json")
    now = datetime(2026, 12, 1, 9, 0)
    for crash in range(crashes):
        starts.begin(now + timedelta(seconds=crash))
    assert starts.begin(now + timedelta(seconds=crashes)) is fallback


@pytest.mark.parametrize(("age", "counted"), [(WINDOW_S, True), (WINDOW_S + 1, False),
                                              (0, True)])
def test_a_crash_counts_for_a_minute(tmp_path, age, counted):
    starts = Starts(tmp_path / "starts.json")
    now = datetime(2026, 12, 1, 9, 0)
    for _ in range(LAST_GOOD_AFTER - 1):
        starts.begin(now)
    starts.begin(now + timedelta(seconds=age - WINDOW_S))  # the last crash, in the minute
    found = starts.begin(now + timedelta(seconds=age))
    assert (found is Fallback.LAST_GOOD) == counted


def test_a_damaged_entry_among_the_starts_is_passed_over_not_the_end_of_them(tmp_path):
    log = tmp_path / "starts.json"
    now = datetime(2026, 12, 1, 9, 0)
    crashes = [{"started": (now - timedelta(seconds=s)).isoformat(), "clean": False}
               for s in (5, 10, 15)]
    log.write_text(json.dumps([{"started": "not a time"}, *crashes]), encoding="utf-8")
    assert Starts(log).begin(now) is Fallback.LAST_GOOD


def test_a_clean_exit_marks_its_own_start_only(tmp_path):
    starts = Starts(tmp_path / "starts.json")
    now = datetime(2026, 12, 1, 9, 0)
    for crash in range(LAST_GOOD_AFTER):
        starts.begin(now + timedelta(seconds=crash))
    starts.end(now)  # the first of them exits cleanly: two crashes left
    assert starts.begin(now + timedelta(seconds=10)) is Fallback.NONE


@pytest.mark.parametrize(("ago", "wait"), [(1, 360), (24 * 3600, 360), (24 * 3600 + 1, 180)])
def test_a_back_soon_screen_counts_those_of_the_last_day(tmp_path, ago, wait):
    """The retry waits longer for each back soon screen of the last day (24 hours ago: still
    the last day), and starts again at 3 minutes after a quiet day."""
    starts = Starts(tmp_path / "starts.json")
    now = datetime(2026, 12, 1, 9, 0)
    earlier = now - timedelta(seconds=ago)
    starts.begin(earlier)
    starts.back_soon(earlier)
    starts.begin(now)
    assert starts.back_soon(now) == wait


def test_an_unreadable_start_log_folder_is_said_in_the_log(tmp_path, caplog):
    blocked = tmp_path / "file"
    blocked.write_text("")
    Starts(blocked / "starts.json").begin(datetime(2026, 12, 1, 9, 0))
    assert caplog.messages == [f"cannot record the kiosk's start in {blocked / 'starts.json'}: "
                               f"[Errno 20] Not a directory: '{blocked / 'starts.json.new'}'"]


def test_a_file_that_does_not_load_is_not_kept_as_the_last_good(tmp_path):
    bad = tmp_path / "content.yaml"
    bad.write_text("organisation: [broken\n", encoding="utf-8")
    last_good = LastGood(tmp_path / "state")
    assert last_good.remember(bad) is False
    assert last_good.load() is None


def test_the_recent_crashes_are_counted_for_the_desk(tmp_path):
    starts = Starts(tmp_path / "starts.json")
    assert starts.recent_crashes == 0
    now = datetime(2026, 12, 1, 9, 0)
    for crash in range(4):
        starts.begin(now + timedelta(seconds=crash))
        assert starts.recent_crashes == crash
    assert [e["clean"] for e in json.loads((tmp_path / "starts.json").read_text())] == [False] * 4


def test_entries_that_are_not_starts_are_passed_over(tmp_path):
    log = tmp_path / "starts.json"
    now = datetime(2026, 12, 1, 9, 0)
    crashes = [{"started": (now - timedelta(seconds=s)).isoformat(), "clean": False}
               for s in (5, 10, 15)]
    log.write_text(json.dumps([["started"], "started", {"clean": False}, *crashes]),
                   encoding="utf-8")
    starts = Starts(log)
    assert starts.begin(now) is Fallback.LAST_GOOD and starts.recent_crashes == 3


def test_the_back_soon_wait_doubles_up_to_an_hour(tmp_path):
    starts = Starts(tmp_path / "starts.json")
    now = datetime(2026, 12, 1, 9, 0)
    waits = []
    for n in range(7):
        at = now + timedelta(minutes=n)
        starts.begin(at)
        waits.append(starts.back_soon(at))
    assert waits == [180, 360, 720, 1440, 2880, 3600, 3600]


def test_a_good_copy_that_cannot_be_kept_is_said_in_the_log(tmp_path, caplog):
    blocked = tmp_path / "state"
    blocked.write_text("a file where the state folder should be")
    assert LastGood(blocked).remember(ROOT / "content.yaml") is False
    assert caplog.messages == [
        "cannot keep a copy of the good content: [Errno 20] Not a directory: "
        f"'{blocked / 'last-good-content.yaml.new'}'"]
    assert LastGood(tmp_path / "none").remember(tmp_path / "missing.yaml") is False


def test_no_last_good_copy_to_fall_back_on_is_said_in_the_log(tmp_path, caplog):
    assert load_for_start(ROOT / "content.yaml", Fallback.LAST_GOOD,
                          LastGood(tmp_path / "state")) is None
    assert caplog.messages == ["no last good content to fall back on; showing the back soon "
                               "screen"]
