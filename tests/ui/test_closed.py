"""Opening hours on screen: the closed screen, waking on a touch, and the schedule switching."""

from datetime import datetime, time, timedelta

from PySide6.QtWidgets import QLabel

from kiosk.core.content.model import OpeningHours
from kiosk.core.session import HOME, Route
from kiosk.qt.schedule import LONGEST_WAIT_MS, OpeningSchedule

from ..helpers import tap, wait_for_idle

HOURS = OpeningHours(week=((time(9), time(17, 30)),) * 5 + ((time(10), time(16)), None))
FRIDAY_EVENING = datetime(2026, 12, 4, 17, 29, 0)


class Clock:
    def __init__(self, now):
        self.now = now

    def __call__(self):
        return self.now


def texts(widget):
    return [w.text() for w in widget.findChildren(QLabel)]


def test_schedule_switches_at_closing_and_opening_time(qtbot):
    clock = Clock(FRIDAY_EVENING)
    schedule = OpeningSchedule(HOURS, clock)
    assert schedule.open
    assert 60_000 <= schedule._timer.interval() <= 61_000  # one timer, to 17:30
    clock.now += timedelta(minutes=1)
    with qtbot.waitSignal(schedule.changed, timeout=1000) as changed:
        schedule.check()
    assert changed.args == [False]
    assert schedule.opens_at() == datetime(2026, 12, 5, 10, 0)
    assert schedule._timer.interval() == LONGEST_WAIT_MS  # capped: a clock change is noticed
    clock.now = datetime(2026, 12, 5, 10, 0)
    with qtbot.waitSignal(schedule.changed, timeout=1000) as changed:
        schedule.check()
    assert changed.args == [True]


def test_closed_screen_then_a_touch_wakes_it_until_the_visitor_leaves(qtbot, make_window):
    window = make_window()
    window.set_closed(True, datetime(2026, 12, 7, 9, 0), now=datetime(2026, 12, 5, 16, 0))
    assert window.closed_view.isVisible()
    shown = texts(window.closed_view)
    assert "Closed" in shown and "已闭馆" in shown
    assert "Open again Monday at 09:00" in shown and "周一 09:00 开放" in shown
    tap(qtbot, window.closed_view)  # a late visitor
    assert not window.closed_view.isVisible()
    tap(qtbot, window.screens["home"].tiles["mission"])
    assert window.route == Route("mission")
    with qtbot.waitSignal(window.session_reset, timeout=5000):
        window.reset()  # the idle reset
    assert window.closed_view.isVisible()
    window.set_closed(False)
    assert not window.closed_view.isVisible()


def test_closing_time_does_not_throw_a_visitor_out(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["clusters"])
    window.set_closed(True, datetime(2026, 12, 7, 9, 0), now=datetime(2026, 12, 5, 16, 0))
    assert not window.closed_view.isVisible()
    window.reset()
    assert window.route == HOME and window.closed_view.isVisible()


def test_idle_on_the_home_screen_closes_again_and_no_attract_loop_runs(qtbot, make_window):
    window = make_window()
    window.set_closed(True, datetime(2026, 12, 7, 9, 0), now=datetime(2026, 12, 5, 16, 0))
    tap(qtbot, window.closed_view)
    wait_for_idle(qtbot, window)
    assert window.closed_view.isVisible()
    window.on_long_idle()
    assert not window.attract.isVisible()


def test_tomorrow_and_today_are_said_so():
    from kiosk.core.content.model import Labels
    from kiosk.ui.closed import opens_text

    now = datetime(2026, 12, 4, 18, 0)
    assert opens_text(Labels(), "en", datetime(2026, 12, 5, 10, 0), now) == \
        "Open again tomorrow at 10:00"
    assert opens_text(Labels(), "zh", datetime(2026, 12, 4, 19, 0), now) == "今天 19:00 开放"
    assert opens_text(Labels(), "en", datetime(2026, 12, 25, 9, 0), now) == \
        "Open again 25 Dec at 09:00"
