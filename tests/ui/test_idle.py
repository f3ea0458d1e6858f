"""Nobody touching the kiosk: the countdown, staying, and the reset to a fresh session."""


from PySide6.QtCore import QEvent, QPointF, Qt, QTimer
from PySide6.QtGui import QEnterEvent, QMouseEvent
from PySide6.QtWidgets import QApplication

from kiosk.core.session import HOME, Route
from kiosk.qt.idle import IdleWatcher

from ..helpers import key, tap, touch_tap, wait_for_idle


def short(content, countdown=0.05):
    return content.with_settings(countdown=countdown)


def test_countdown_then_home_with_everything_reset(qtbot, make_window, content):
    window = make_window(short(content))
    tap(qtbot, window.screens["home"].tiles["strategies"])
    tap(qtbot, window.language_button)
    tap(qtbot, window.screens["strategies"].items["internationalization"])
    assert window.language == "zh"
    window.screens["detail"].scroll_area.verticalScrollBar().setValue(50)
    wait_for_idle(qtbot, window)
    assert window.overlay.isVisible()
    assert window.overlay.title.text() == "还在浏览吗？"
    assert window.overlay.message.text() == "1 秒后返回首页"
    with qtbot.waitSignal(window.session_reset, timeout=5000):
        pass
    assert window.route == HOME
    assert window.language == "en"
    assert window.history == []
    assert not window.overlay.isVisible()
    tap(qtbot, window.screens["home"].tiles["strategies"])
    assert window.screens["strategies"].scroll_area.verticalScrollBar().value() == 0


def test_countdown_message_in_english(qtbot, make_window, content):
    window = make_window(short(content, countdown=10))
    tap(qtbot, window.screens["home"].tiles["mission"])
    wait_for_idle(qtbot, window)
    assert window.overlay.title.text() == "Still there?"
    assert window.overlay.message.text() == "Returning to the start in 10 s"
    assert window.overlay.hint.text() == "Tap anywhere to stay"


def test_a_tap_on_the_countdown_keeps_the_session_and_is_not_passed_on(qtbot, make_window,
                                                                         content):
    window = make_window(short(content))
    tap(qtbot, window.screens["home"].tiles["clusters"])
    wait_for_idle(qtbot, window)
    card = window.screens["clusters"].items["hi-tech"]
    touch_tap(card)  # the finger lands on the overlay, above a cluster card
    assert not window.overlay.isVisible()
    assert window.route == Route("clusters")
    assert window.idle.timer.isActive()


def test_no_countdown_on_home(qtbot, make_window):
    window = make_window()
    wait_for_idle(qtbot, window)
    assert not window.overlay.isVisible()
    assert window.route == HOME


def test_home_idle_resets_the_language_quietly(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.language_button)
    assert window.language == "zh"
    with qtbot.waitSignal(window.session_reset, timeout=5000):
        window.idle.set_timeout(10)
        window.idle.poke()
    assert window.language == "en"
    assert not window.overlay.isVisible()


class CountingTimer(QTimer):
    def __init__(self):
        super().__init__()
        self.starts = 0

    def start(self, *args):
        self.starts += 1
        super().start(*args)


def counting_watcher(window):
    """An idle watcher on `window`'s input, counting from 0 the times its timer starts again."""
    watcher = IdleWatcher(60_000)
    watcher.timer = CountingTimer()
    watcher.start(window)
    watcher.timer.starts = 0
    return watcher


def test_hover_enter_leave_and_moves_without_a_button_are_not_input(qapp, make_window):
    window = make_window()
    watcher = counting_watcher(window)
    try:
        screen = window.windowHandle()  # where the display delivers what it sees
        target = window.screens["home"].tiles["mission"]
        point = QPointF(target.mapTo(window, target.rect().center()))
        QApplication.sendEvent(screen, QEnterEvent(point, point, point))
        QApplication.sendEvent(screen, QEvent(QEvent.Type.Leave))
        QApplication.sendEvent(screen, QEvent(QEvent.Type.HoverMove))
        move = QMouseEvent(QEvent.Type.MouseMove, point, point, Qt.MouseButton.NoButton,
                           Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(screen, move)
        assert watcher.timer.starts == 0
        drag = QMouseEvent(QEvent.Type.MouseMove, point, point, Qt.MouseButton.NoButton,
                           Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
        QApplication.sendEvent(screen, drag)
        assert watcher.timer.starts >= 1
    finally:
        watcher.stop(window)


def test_taps_anywhere_restart_the_idle_timer(qapp, qtbot, make_window):
    window = make_window()
    watcher = counting_watcher(window)
    try:
        touch_tap(window.screens["home"].tiles["mission"])
        after_touch = watcher.timer.starts
        assert after_touch >= 1
        tap(qtbot, window.back_button)
        assert watcher.timer.starts > after_touch
        after_tap = watcher.timer.starts
        key(window, Qt.Key.Key_Tab)
        assert watcher.timer.starts > after_tap
    finally:
        watcher.stop(window)


def test_new_contents_idle_times_apply_from_the_session_after(qtbot, make_window, content):
    """Staff shorten the idle time: it holds from the next visitor on, with no restart; the
    visitor in a session keeps the times they started with."""
    window = make_window(content.with_settings(idle_timeout=60, attract_delay=120))
    assert (window.idle.timer.interval(), window.idle.long_timer.interval()) == (60_000, 120_000)
    tap(qtbot, window.screens["home"].tiles["clusters"])  # a visitor in a session
    window.use_content(content.with_settings(idle_timeout=30, attract_delay=90))
    assert (window.idle.timer.interval(), window.idle.long_timer.interval()) == (60_000, 120_000)
    window.reset()  # the session ends
    assert window.content.settings.idle_timeout == 30
    assert (window.idle.timer.interval(), window.idle.long_timer.interval()) == (30_000, 90_000)


def test_a_reset_starts_the_idle_timers_again(make_window):
    """After a reset the next visitor's time starts from then: both timers run, full."""
    window = make_window()
    window.idle.timer.stop()
    window.idle.long_timer.stop()
    window.reset()
    assert window.idle.timer.isActive() and window.idle.long_timer.isActive()
    assert window.idle.timer.remainingTime() > window.idle.timer.interval() - 5_000


def test_still_there_has_a_large_more_time_button_that_keeps_the_session(qtbot, make_window,
                                                                         content):
    """WCAG 2.2.1: at least 20 seconds by default, and one simple action to get more time."""
    from kiosk.core.content.model import Settings

    assert Settings().countdown >= 20 and content.settings.countdown >= 20
    window = make_window(short(content, countdown=10))
    window.navigate(Route("mission"))
    wait_for_idle(qtbot, window)
    assert window.overlay.isVisible()
    button = window.overlay.more_time
    assert button.text().strip() == "More time" and button.isVisible()
    assert button.height() >= window.look.px(120) and button.width() >= window.look.px(420)
    with qtbot.waitSignal(window.overlay.stayed, timeout=2000):
        tap(qtbot, button)
    assert not window.overlay.isVisible() and window.route == Route("mission")
