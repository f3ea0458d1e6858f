"""A visitor taps through the kiosk, with a mouse and with a finger."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QPushButton

from kiosk.core.session import HOME, Route
from kiosk.snapshot import routes, visible_texts
from kiosk.ui.swipe import PageDots

from ..helpers import settle, tap, touch_tap


@pytest.mark.parametrize("page", ["mission", "strategies", "clusters", "network"])
def test_mouse_tap_on_each_home_tile_opens_its_screen(qtbot, make_window, page):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles[page])
    assert window.route == Route(page)
    assert window.back_button.isVisible() and window.home_button.isVisible()
    tap(qtbot, window.back_button)
    assert window.route == HOME
    assert not window.back_button.isVisible() and not window.home_button.isVisible()
    assert window.language_button.isVisible() and window.larger_text_button.isVisible()


@pytest.mark.parametrize("page", ["mission", "strategies", "clusters", "network"])
def test_finger_tap_on_each_home_tile_opens_its_screen(make_window, page):
    window = make_window()
    touch_tap(window.screens["home"].tiles[page])
    assert window.route == Route(page)
    touch_tap(window.home_button)
    assert window.route == HOME


def test_detail_back_returns_to_its_list_and_home_goes_home(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["strategies"])
    touch_tap(window.screens["strategies"].items["supporting-platform"])
    assert window.route == Route("strategies", "supporting-platform")
    assert "Supporting platform" in visible_texts(window)
    tap(qtbot, window.back_button)
    assert window.route == Route("strategies")
    touch_tap(window.screens["strategies"].items["internationalization"])
    tap(qtbot, window.home_button)
    assert window.route == HOME
    assert window.history == []


def test_tapping_a_map_marker_opens_the_location(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["network"])
    network = window.screens["network"]
    tap(qtbot, network.map, network.map.markers["harbin"].toPoint())
    assert window.route == Route("network", "harbin")
    assert "Harbin" in visible_texts(window)
    tap(qtbot, window.back_button)
    assert window.route == Route("network")
    assert window.screens["network"].buttons["harbin"].isChecked()


def test_a_finger_on_a_map_marker_opens_the_location(make_window):
    window = make_window()
    touch_tap(window.screens["home"].tiles["network"])
    network = window.screens["network"]
    touch_tap(network.map, network.map.markers["chengdu"].toPoint())
    assert window.route == Route("network", "chengdu")


def test_a_tap_on_empty_map_opens_nothing(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["network"])
    network = window.screens["network"]
    tap(qtbot, network.map, network.map.rect().topLeft() + network.map.rect().center() * 0.1)
    assert window.route == Route("network")


def test_tapping_a_location_in_the_list_opens_it(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["network"])
    tap(qtbot, window.screens["network"].buttons["beijing"])
    assert window.route == Route("network", "beijing")
    assert "Beijing TusPark, at the southeast corner of Tsinghua University." in \
        visible_texts(window)


def test_language_switch_shows_chinese_and_keeps_the_screen(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["clusters"])
    tap(qtbot, window.language_button)
    assert window.language == "zh"
    assert window.route == Route("clusters")
    texts = visible_texts(window)
    assert "产业集群" in texts and "返回" in texts and "English" in texts
    tap(qtbot, window.language_button)
    assert "Business Clusters" in visible_texts(window)


def test_home_language_button(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.language_button)
    assert "北京清华科技园" in visible_texts(window)


def test_every_route_shows_its_title(make_window, content):
    window = make_window()
    for route in routes(content):
        window.show_route(route)
        if route.detail:
            title = next(d.title for d in content.details(route.page) if d.id == route.detail)
        elif route == HOME:
            title = content.organisation.name
        else:
            title = (content.pages.get(route.page) or content.network).title
        assert title.get("en") in visible_texts(window), route


@pytest.mark.parametrize("size", [(1920, 1080), (1080, 1920)])
def test_every_tap_target_is_at_least_88_px(make_window, content, size):
    window = make_window(size=size)
    for route in routes(content):
        window.show_route(route)
        for button in window.findChildren(QPushButton):
            if button.isVisible() and not button.visibleRegion().isEmpty():
                assert min(button.width(), button.height()) >= 88, (route, button.text())


def test_tap_targets_scale_with_the_screen(make_window):
    window = make_window(size=(3840, 2160))
    assert window.language_button.height() >= 176
    assert window.screens["home"].tiles["mission"].height() >= 176


def test_sibling_buttons_open_the_next_detail(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["clusters"])
    touch_tap(window.screens["clusters"].items["hi-tech"])
    texts = visible_texts(window)
    assert "Multinational enterprise R&D institution cluster" in texts
    sibling = next(b for b in window.screens["detail"].findChildren(QPushButton)
                   if b.accessibleName() == "Multinational enterprise R&D institution cluster")
    touch_tap(sibling)
    assert window.route == Route("clusters", "multinational-rd")
    tap(qtbot, window.back_button)  # moving among siblings: Back returns to the list
    assert window.route == Route("clusters")


def drag(widget, start, end, steps=6, touch=True):
    """A finger (or mouse) pressed at `start` in `widget`, moved to `end` and lifted."""
    from PySide6.QtTest import QTest

    from ..helpers import settle, touch_device

    points = [start + (end - start) * (i / steps) for i in range(steps + 1)]
    if touch:
        window = widget.window()
        points = [widget.mapTo(window, p) for p in points]
        QTest.touchEvent(window, touch_device()).press(0, points[0], window).commit()
        for point in points[1:]:
            QTest.touchEvent(window, touch_device()).move(0, point, window).commit()
        QTest.touchEvent(window, touch_device()).release(0, points[-1], window).commit()
    else:
        QTest.mousePress(widget, Qt.MouseButton.LeftButton, pos=points[0])
        for point in points[1:]:
            QTest.mouseMove(widget, point)
        QTest.mouseRelease(widget, Qt.MouseButton.LeftButton, pos=points[-1])
    settle()


def swipe(window, step: int, touch: bool = True) -> None:
    """A quick sideways swipe across the open detail: -1 to the left, +1 to the right."""
    view = window.screens["detail"].scroll_area.viewport()
    middle = view.rect().center()
    drag(view, middle - QPoint(300, 0) * step, middle + QPoint(300, 0) * step, touch=touch)


@pytest.mark.parametrize("touch", [True, False], ids=["finger", "mouse"])
def test_swipes_move_between_sibling_details(qtbot, make_window, touch):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["strategies"])
    tap(qtbot, window.screens["strategies"].items["internationalization"])
    swipe(window, -1, touch)
    assert window.route == Route("strategies", "supporting-platform")
    swipe(window, +1, touch)
    swipe(window, +1, touch)
    assert window.route == Route("strategies", "eradiating-development")  # round the end
    tap(qtbot, window.back_button)
    assert window.route == Route("strategies")


def test_a_short_or_vertical_drag_is_not_a_swipe(qtbot, make_window):
    """(Qt warns about these synthetic drags' gestures; a real finger under X11 does not.)"""
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["clusters"])
    tap(qtbot, window.screens["clusters"].items["hi-tech"])
    view = window.screens["detail"].scroll_area.viewport()
    middle = view.rect().center()
    drag(view, middle, middle - QPoint(60, 0))
    drag(view, middle + QPoint(0, 200), middle - QPoint(150, 100))
    assert window.route == Route("clusters", "hi-tech")


def test_page_dots_show_the_place_among_siblings(qtbot, make_window):
    window = make_window()
    tap(qtbot, window.screens["home"].tiles["clusters"])
    tap(qtbot, window.screens["clusters"].items["financial-investment"])
    dots = window.screens["detail"].findChild(PageDots)
    assert dots.accessibleName() == "3 / 4"


def test_a_hidden_window_builds_no_more_screens_until_it_is_shown_again(qtbot, make_window):
    """The screens nobody opened yet are built once the first frame is shown; a window closed
    or hidden before then builds nothing more (a closed one built all its screens for nobody)
    until it is painted again."""
    window = make_window()  # building ahead started by hand
    assert list(window.screens) == ["home"]
    window.hide()
    window.build_next()
    assert list(window.screens) == ["home"]
    window.build_ahead_ms = 0
    window.show()
    qtbot.waitUntil(lambda: all(name in window.screens for name in window.pages()))


def test_the_bar_of_buttons_stands_apart_from_the_screen_in_the_surface_colour(make_window):
    """The bar is drawn in the theme's surface colour, not see-through to the background."""
    from PySide6.QtGui import QColor

    window = make_window()
    window.show_route(Route("mission"))
    settle()
    bar = window.nav
    picture = window.grab().toImage()
    middle = bar.mapTo(window, bar.rect().center())  # between Home and the switches
    assert picture.pixelColor(middle) == QColor(window.look.theme.surface)
    assert QColor(window.look.theme.surface) != QColor(window.look.theme.background)
