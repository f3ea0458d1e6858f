"""The attract loop: it plays on the home screen when nobody is there, and any touch ends it."""

from PySide6.QtCore import QPoint

from kiosk.core.session import HOME, Route
from kiosk.snapshot import visible_texts

from ..helpers import tap, touch_tap


def wait_for_attract(qtbot, window) -> None:
    with qtbot.waitSignal(window.idle.long_idle, timeout=5000):
        window.idle.set_timeout(60_000, 10)
        window.idle.poke()
    window.idle.set_timeout(60_000, 60_000)


def test_attract_loop_starts_on_home_and_a_touch_wakes_it_without_pressing(qtbot, make_window):
    window = make_window()
    wait_for_attract(qtbot, window)
    assert window.attract.isVisible()
    assert "Limited Space for Unlimited Dream" in window.attract.texts()
    assert "Touch to begin" in window.attract.texts()
    tile = window.screens["home"].tiles["mission"]
    touch_tap(window.attract, tile.mapTo(window, tile.rect().center()))
    assert not window.attract.isVisible()
    assert window.route == HOME  # the wake-up tap pressed nothing underneath


def test_attract_slides_cycle(qtbot, make_window, content):
    content = content.with_settings(attract_slide=2)
    window = make_window(content)
    wait_for_attract(qtbot, window)
    assert window.attract.index == 0
    window.attract._next.setInterval(20)  # the slide timer, shortened once it runs
    qtbot.waitUntil(lambda: window.attract.index == 1, timeout=5000)
    assert "770,000" in window.attract.texts()
    assert "m²" in window.attract.texts()


def test_no_attract_loop_away_from_home(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["clusters"])
    wait_for_attract(qtbot, window)
    assert not window.attract.isVisible()


def test_no_countdown_during_the_attract_loop(qtbot, make_window):
    window = make_window()
    wait_for_attract(qtbot, window)
    with qtbot.waitSignal(window.idle.idle, timeout=5000):
        window.idle.set_timeout(10)
        window.idle.timer.start()
    assert window.attract.isVisible()
    assert not window.overlay.isVisible()


def test_attract_in_chinese(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.language_button)
    window.on_long_idle()
    assert "轻触屏幕开始" in window.attract.texts()
    assert "有限空间，无限梦想" in window.attract.texts()


def test_no_slides_no_loop(qtbot, make_window, content):
    window = make_window(content._replace(attract=()))
    window.on_long_idle()
    assert not window.attract.isVisible()
    assert "Beijing TusPark" in visible_texts(window)


def test_a_touch_on_the_loop_keeps_the_route(qtbot, make_window):
    window = make_window()
    window.on_long_idle()
    touch_tap(window.attract, QPoint(10, 10))
    assert window.route == HOME
    tap(qtbot, window.screens["home"].tiles["network"])
    assert window.route == Route("network")
