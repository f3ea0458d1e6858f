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
    assert window.attract.isVisible() and window.attract.index == 0
    window.start_attract(slide_seconds=0.02)  # as the loop would, with shorter slides
    qtbot.waitUntil(lambda: window.attract.index == 1, timeout=5000)
    assert "770,000" in window.attract.texts()
    assert "m²" in window.attract.texts()
    qtbot.waitUntil(lambda: window.attract.index == 0, timeout=5000)  # round again


def test_a_slide_says_whose_kiosk_it_is_invites_a_touch_and_shows_where_the_loop_is(
        qtbot, make_window):
    from PySide6.QtWidgets import QLabel, QWidget

    from kiosk.ui.swipe import PageDots as Dots

    window = make_window()
    window.start_attract(3600)
    page = window.attract.page
    texts = window.attract.texts()
    assert texts[0] == "Beijing TusPark"  # at the top, before the slide's own words
    frame = page.findChild(QWidget, "attractCallFrame")
    assert frame is not None and frame.isVisible()
    hand, words = frame.findChildren(QLabel)
    assert not hand.pixmap().isNull() and words.text() == "Touch to begin"
    assert frame.width() < window.width() / 2  # a framed call, not a line across the screen
    dots = page.findChild(Dots)
    assert dots.accessibleName() == "1 / 5"
    window.attract.advance()
    assert window.attract.page.findChild(Dots).accessibleName() == "2 / 5"
    window.attract.stop()


def test_one_slide_has_no_dots_and_the_brand_follows_the_language(qtbot, make_window, content):
    from kiosk.ui.swipe import PageDots as Dots

    window = make_window(content._replace(attract=content.attract[:1]))
    window.toggle_language()
    window.start_attract(3600)
    assert window.attract.texts()[0] == "北京清华科技园"
    assert window.attract.page.findChild(Dots) is None
    window.attract.stop()


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
    assert window.attract.isVisible()
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
    assert window.attract.isVisible()
    touch_tap(window.attract, QPoint(10, 10))
    assert not window.attract.isVisible()
    assert window.route == HOME
    tap(qtbot, window.screens["home"].tiles["network"])
    assert window.route == Route("network")
