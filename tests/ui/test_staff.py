"""Staff access: the hidden gesture, the PIN pad with its lockout, and the staff panel."""

import threading
from datetime import datetime

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk.core.pin import PinGate, set_pin
from kiosk.core.usage import Session, View
from kiosk.core.usage.report import figures
from kiosk.ui.staff_desk import StaffDesk
from kiosk.ui.staff_panel import StaffStatus

from ..helpers import settle, tap, touch_tap

PIN = "480916"


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def status(problems=()):
    today = figures([Session(datetime(2026, 11, 30, 10), "zh", 95.0,
                             [View("home", "", "zh", datetime(2026, 11, 30, 10), 95.0)])])
    week = {"sessions": 12, "bounce_share": 0.25}  # as summary.headline gives them
    return StaffStatus("/srv/kiosk/content.yaml", datetime(2026, 11, 30, 9, 0, 5),
                       tuple(problems), today, week)


@pytest.fixture
def staff(make_window, tmp_path):
    def make(pin=PIN, problems=()):
        settings = tmp_path / "settings.json"
        if pin:
            set_pin(settings, pin)
        window = make_window()
        clock = Clock()
        desk = StaffDesk(window, PinGate(settings, clock), lambda: status(problems), clock)
        desk.start()
        return window, desk, clock

    return make


def press_at(qtbot, window, point: QPoint, clock=None, hold=0.0):
    """A press at `point` of the window, held for `hold` seconds of the fake clock."""
    screen = window.windowHandle()  # given to the window, as the display gives it
    QTest.mousePress(screen, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    if clock is not None:
        clock.now += hold
    QTest.mouseRelease(screen, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, point)
    settle()


def gesture(qtbot, window, clock, taps=3):
    press_at(qtbot, window, QPoint(30, 30), clock, hold=2.5)
    for _ in range(taps):
        clock.now += 0.4
        press_at(qtbot, window, QPoint(window.width() - 30, 30))


def panel_texts(desk) -> list[str]:
    """The panel's texts as read (without the breaks a long path may wrap at)."""
    return [w.text().replace("\u200b", "")
            for w in desk.panel.findChildren(type(desk.pad.message))]


def type_pin(qtbot, desk, pin):
    for digit in pin:
        tap(qtbot, desk.pad.keys[digit])
    with qtbot.waitSignal(desk.pad.checked, timeout=10_000):  # checked off the UI thread
        tap(qtbot, desk.pad.keys["ok"])


def test_gesture_then_right_pin_opens_the_panel(qtbot, staff):
    window, desk, clock = staff()
    gesture(qtbot, window, clock)
    assert desk.pad.isVisible()
    assert desk.pad.message.text() == "Enter the staff PIN"
    for digit in PIN[:3]:
        tap(qtbot, desk.pad.keys[digit])
    assert desk.pad.dots.text() == "●●●"
    tap(qtbot, desk.pad.keys["clear"])
    assert desk.pad.dots.text() == " "
    type_pin(qtbot, desk, PIN)
    assert not desk.pad.isVisible()
    assert desk.panel.isVisible()
    texts = panel_texts(desk)
    assert "In use: /srv/kiosk/content.yaml, loaded 2026-11-30 09:00:05. The last save had no " \
           "problems." in texts
    assert "1 visitor sessions, median 1 min 35 s" in texts
    assert "The last 7 days: 12 visitor sessions, 25 % left within a tap" in texts
    tap(qtbot, desk.panel.buttons["close"])
    assert not desk.panel.isVisible()


def test_a_wrong_pin_says_how_many_tries_are_left_and_five_lock_the_pad(qtbot, staff):
    window, desk, clock = staff()
    gesture(qtbot, window, clock)
    type_pin(qtbot, desk, "1111")
    assert desk.pad.message.text() == ("Wrong PIN. 4 more wrong and the pad locks for 5 "
                                       "minutes.")
    for _ in range(4):
        type_pin(qtbot, desk, "1111")
    assert desk.pad.message.text() == "Too many wrong PINs. Try again in 5:00."
    assert not desk.pad.keys["1"].isEnabled()
    tap(qtbot, desk.pad.cancel)
    clock.now += 60
    gesture(qtbot, window, clock)  # still locked when opened again
    assert desk.pad.message.text() == "Too many wrong PINs. Try again in 3:57."  # 60 + 3.7 s
    assert not desk.panel.isVisible()


def test_no_pin_set_means_the_pad_says_how_to_set_one(qtbot, staff):
    window, desk, clock = staff(pin=None)
    gesture(qtbot, window, clock)
    assert desk.pad.message.text() == ("No staff PIN is set on this kiosk. Set one on its "
                                       "computer with: kiosk set-pin")
    assert not any(key.isEnabled() for key in desk.pad.keys.values())


def test_the_pad_speaks_the_visitors_language(qtbot, staff):
    window, desk, clock = staff()
    tap(qtbot, window.language_button)
    gesture(qtbot, window, clock)
    type_pin(qtbot, desk, "1111")
    assert desk.pad.message.text() == "密码错误。再错 4 次将锁定 5 分钟。"


def test_visitors_do_not_stumble_on_the_gesture(qtbot, staff):
    window, desk, clock = staff()
    press_at(qtbot, window, QPoint(30, 30), clock, hold=0.5)  # a short press is a tap
    for _ in range(3):
        press_at(qtbot, window, QPoint(window.width() - 30, 30))
    assert not desk.pad.isVisible()
    press_at(qtbot, window, QPoint(30, 30), clock, hold=2.5)
    press_at(qtbot, window, QPoint(window.width() // 2, window.height() // 2))  # elsewhere
    for _ in range(3):
        press_at(qtbot, window, QPoint(window.width() - 30, 30))
    assert not desk.pad.isVisible()
    press_at(qtbot, window, QPoint(30, 30), clock, hold=2.5)
    clock.now += 10  # too slow
    for _ in range(3):
        press_at(qtbot, window, QPoint(window.width() - 30, 30))
    assert not desk.pad.isVisible()
    gesture(qtbot, window, clock, taps=2)
    assert not desk.pad.isVisible()


def test_the_gesture_works_with_a_finger(qtbot, staff):
    window, desk, clock = staff()
    press_at(qtbot, window, QPoint(30, 30), clock, hold=2.5)
    for _ in range(3):
        touch_tap(window, QPoint(window.width() - 30, 30))
    assert desk.pad.isVisible()


def test_panel_buttons_ask_for_reload_restart_and_exit(qtbot, staff):
    window, desk, clock = staff(problems=["content.yaml:9:17: 'idle_timeout' must be a number, "
                                          "not the text \"sixty\""])
    gesture(qtbot, window, clock)
    type_pin(qtbot, desk, PIN)
    texts = panel_texts(desk)
    assert "content.yaml:9:17: 'idle_timeout' must be a number, not the text \"sixty\"" in texts
    for name, signal in (("reload", desk.reload_requested), ("restart", desk.restart_requested),
                         ("exit", desk.exit_requested)):
        with qtbot.waitSignal(signal, timeout=1000):
            tap(qtbot, desk.panel.buttons[name])


def test_the_idle_reset_closes_the_panel(qtbot, staff):
    window, desk, clock = staff()
    gesture(qtbot, window, clock)
    type_pin(qtbot, desk, PIN)
    assert desk.panel.isVisible()
    window.reset()
    assert not desk.panel.isVisible() and not desk.pad.isVisible()


class HeldGate(PinGate):
    """A gate whose check waits until the test lets it go: the slow hash, made as slow as
    the test wants. Were the check on the UI thread, the tap on OK would never return."""

    def __init__(self, settings, clock):
        super().__init__(settings, clock)
        self.go = threading.Event()
        self.thread = None

    def check(self, pin):
        self.thread = threading.current_thread()
        assert self.go.wait(10), "the test never let the check go"
        return super().check(pin)


def right_pin_held(qtbot, make_window, tmp_path):
    """The pad open, the right PIN typed and OK tapped, its check held."""
    settings = tmp_path / "settings.json"
    set_pin(settings, PIN)
    window = make_window()
    clock = Clock()
    gate = HeldGate(settings, clock)
    desk = StaffDesk(window, gate, lambda: status(), clock)
    desk.open_pad()
    for digit in PIN:
        tap(qtbot, desk.pad.keys[digit])
    tap(qtbot, desk.pad.keys["ok"])
    return window, desk, gate


def test_the_pin_is_checked_off_the_ui_thread_and_the_pad_says_it_is_checking(
        qtbot, make_window, tmp_path):
    window, desk, gate = right_pin_held(qtbot, make_window, tmp_path)
    assert desk.pad.message.text() == "Checking…"
    assert desk.pad.dots.text() == " "
    assert not any(key.isEnabled() for key in desk.pad.keys.values())
    tap(qtbot, desk.pad.keys["1"])  # a tap meanwhile is no new digit
    assert desk.pad.dots.text() == " "
    with qtbot.waitSignal(desk.pad.checked, timeout=10_000):
        gate.go.set()
    assert gate.thread is not threading.main_thread()
    assert desk.panel.isVisible() and not desk.pad.isVisible()


def test_a_pin_checked_after_the_pad_closed_opens_nothing_for_the_next_visitor(
        qtbot, make_window, tmp_path):
    window, desk, gate = right_pin_held(qtbot, make_window, tmp_path)
    window.reset()  # the idle reset, while the right PIN is being checked
    with qtbot.waitSignal(desk.pad.dropped, timeout=10_000):
        gate.go.set()
    assert not desk.panel.isVisible() and not desk.pad.isVisible()


def test_reload_says_it_is_checking_until_the_application_answers(qtbot, staff):
    window, desk, clock = staff()
    gesture(qtbot, window, clock)
    type_pin(qtbot, desk, PIN)
    with qtbot.waitSignal(desk.reload_requested, timeout=1000):
        tap(qtbot, desk.panel.buttons["reload"])
    assert desk.panel.buttons["reload"].text() == "  Checking the content file…"
    assert not desk.panel.buttons["reload"].isEnabled()
    desk.open_panel()  # what the application does once the file is checked
    assert desk.panel.buttons["reload"].text() == "  Reload content"


def test_the_pad_says_a_damaged_settings_file_in_words_staff_can_act_on(tmp_path):
    from kiosk.ui.pin_pad import message

    where = tmp_path / "settings.json"
    where.write_text('{"staff_pin": ')
    assert message(PinGate(where).check("1234"), "en") == (
        "This kiosk's settings file is damaged, so the PIN cannot be checked. Fix or delete it "
        "on its computer, then run: kiosk set-pin")
