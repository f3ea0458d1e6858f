"""On a large display a tap shows the next screen's picture, then the live screen takes over:
the visitor must never see the difference (kiosk/ui/pictures.py)."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.core.session import Route
from kiosk.ui.pictures import BUDGET

from ..helpers import settle

LARGE = (3840, 2160)
# Text drawn into a picture off screen may differ from the same text drawn live in the shade of
# its edge pixels: by 0 in most comparisons here, by up to 15 of 255 in English and 36 in
# Chinese in some, as the glyph caches of the test's process stand; nothing a visitor sees, for
# a frame. A stale picture differed by 247 (a page left scrolled, its picture not drawn again).
SHADE = 64


def looks_the_same(a: QImage, b: QImage) -> bool:
    """The same size, and no colour channel of any pixel more than SHADE apart."""
    a = a.convertToFormat(QImage.Format.Format_RGB32)
    b = b.convertToFormat(QImage.Format.Format_RGB32)
    if a.size() != b.size():
        return False
    width = a.bytesPerLine()
    bits_a, bits_b = bytes(a.constBits()), bytes(b.constBits())
    for start in range(0, len(bits_a), width):
        row_a, row_b = bits_a[start:start + width], bits_b[start:start + width]
        if row_a != row_b and max(abs(x - y) for x, y in zip(row_a, row_b, strict=True)) > SHADE:
            return False
    return True


@pytest.fixture
def make_window(make_window):
    """The pages are built ahead, and drawn again once left, when a test says, never by a
    timer that a loaded machine lets fire in the middle of a test."""
    def make(*args, **kwargs):
        window = make_window(*args, **kwargs)
        window.pictures.draw_again_ms = 3_600_000
        return window

    return make


def built_ahead(window) -> None:
    """Every page built, as the kiosk does once its first frame is shown."""
    window.build_every_screen()
    settle()


def tapped(qtbot, window, widget):
    """Tap `widget`; the picture the first frame showed (None if the live screen was shown),
    and the live screen's own picture once it took over."""
    cover = window.pictures.cover
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
    QApplication.sendPostedEvents()  # the tap's frame: its layouts and its paint
    shown = QImage(cover._picture) if cover.isVisible() else None
    qtbot.waitUntil(lambda: not cover.isVisible())  # the live screen, a turn later
    settle()
    return shown, window.stack.currentWidget().grab().toImage()


def test_a_tap_shows_the_screens_picture_and_the_live_screen_looks_the_same(qtbot, make_window):
    window = make_window(size=LARGE)
    assert window.pictures.enabled
    built_ahead(window)
    for page in ("mission", "strategies", "clusters", "network"):
        shown, live = tapped(qtbot, window, window.screens["home"].tiles[page])
        assert window.route == Route(page)
        assert shown is not None, page
        assert looks_the_same(shown, live), page
        window.pictures.draw_left_now()  # home, drawn again while the visitor reads
        shown, live = tapped(qtbot, window, window.back_button)
        assert window.route == Route("home")
        assert shown is not None and looks_the_same(shown, live)


def test_a_screen_left_scrolled_shows_as_it_was_left(qtbot, make_window):
    window = make_window(size=LARGE)
    built_ahead(window)
    tapped(qtbot, window, window.screens["home"].tiles["mission"])
    bar = window.screens["mission"].scroll_area.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    settle()
    tapped(qtbot, window, window.back_button)
    assert not window.pictures.has("mission")  # the one drawn ahead is gone, unscrolled
    window.pictures.draw_left_now()  # as the kiosk does a moment later
    assert window.pictures.has("mission")
    shown, live = tapped(qtbot, window, window.screens["home"].tiles["mission"])
    assert bar.value() == bar.maximum()
    assert shown is not None and looks_the_same(shown, live)


def test_a_new_language_forgets_the_old_pictures(qtbot, make_window):
    window = make_window(size=LARGE)
    built_ahead(window)
    window.toggle_language()
    settle()
    assert not window.pictures.has("mission")  # none of the English screens left
    built_ahead(window)
    shown, live = tapped(qtbot, window, window.screens["home"].tiles["mission"])
    assert window.language == "zh"
    assert shown is not None and looks_the_same(shown, live)


def test_no_pictures_where_a_paint_fits_in_a_frame_but_each_screen_is_drawn_ahead(
        make_window, monkeypatch):
    """At 1920x1080 a screen paints in a frame: pictures would cost memory for nothing. Each
    is still drawn once off screen as it is built: its layouts and glyphs are made then, not
    on the visitor's first tap."""
    window = make_window(size=(1920, 1080))
    assert not window.pictures.enabled
    drawn = []
    original = QWidget.grab
    def grab(self, *args):
        if self.window() is window:  # not a window of an earlier test, not yet deleted
            drawn.append(self)
        return original(self, *args)

    monkeypatch.setattr(QWidget, "grab", grab)
    built_ahead(window)
    assert not window.pictures.has("mission")
    assert drawn == [window.screens[page] for page in window.pages()[1:]]


def test_with_motion_the_fade_ends_on_the_picture(qtbot, make_window):
    """Not drawn again as the fade begins, and begun from the old screen as the window shows
    it (its backing store), not painted again."""
    window = make_window(size=LARGE, motion=True)
    built_ahead(window)
    expected = window.pictures._pictures["strategies"]
    home = window.screens["home"].grab().toImage()
    grabs = []
    original = QWidget.grab
    try:
        QWidget.grab = lambda self, *args: grabs.append(self) or original(self, *args)
        qtbot.mouseClick(window.screens["home"].tiles["strategies"], Qt.MouseButton.LeftButton)
        fade = window.fade
        assert fade is not None
        qtbot.waitUntil(lambda: fade.picture is None or fade.picture._new is not None)
    finally:
        QWidget.grab = original
    assert grabs == []
    assert fade.picture._new is expected
    assert looks_the_same(fade.picture._old, home)
    fade.end()


def test_a_screens_figures_are_at_zero_in_its_picture_as_when_it_opens(qtbot, make_window):
    window = make_window(size=LARGE, motion=True)
    built_ahead(window)
    screen = window.screens["mission"]
    assert screen.count_ups and all(c.target.text() == c.final for c in screen.count_ups)
    ahead = window.pictures._pictures["mission"]
    qtbot.mouseClick(window.screens["home"].tiles["mission"], Qt.MouseButton.LeftButton)
    fade = window.fade
    qtbot.waitUntil(lambda: fade.picture is None or fade.picture._new is not None)
    assert fade.picture is not None and fade.picture._new is ahead
    for count_up in screen.count_ups:  # the live screen as it opened
        count_up.animation.pause()
        count_up.animation.setCurrentTime(0)
    assert [c.target.text() for c in screen.count_ups][:2] == ["0", "0+"]
    assert looks_the_same(ahead, screen.grab().toImage())
    fade.end()
    assert not window.pictures.has("mission")  # shown live: drawn again once left


def test_the_pictures_stay_within_their_budget_in_16_bits_a_pixel(qtbot, make_window):
    window = make_window(size=LARGE)
    built_ahead(window)
    pages = ("mission", "strategies", "clusters", "network")
    assert all(window.pictures.has(page) for page in pages)
    assert window.pictures.bytes_kept() == 4 * window.stack.width() * window.stack.height() * 2
    assert window.pictures.bytes_kept() <= BUDGET
    assert window.pictures._pictures["mission"].format() == QImage.Format.Format_RGB16
    for page in pages:
        tapped(qtbot, window, window.screens["home"].tiles[page])
        window.pictures.draw_left_now()
        assert window.pictures.has("home") and not window.pictures.has(page)
        assert window.pictures.bytes_kept() <= BUDGET
        tapped(qtbot, window, window.back_button)
        window.pictures.draw_left_now()
        assert all(window.pictures.has(page) for page in pages)


def test_a_screen_past_the_budget_keeps_no_picture_and_opens_live(qtbot, make_window):
    window = make_window(size=LARGE)
    built_ahead(window)
    tapped(qtbot, window, window.screens["home"].tiles["network"])
    window.pictures.draw_left_now()  # home drawn: five pictures would not fit
    assert window.pictures.has("home")
    tapped(qtbot, window, window.back_button)
    window.pictures.draw_left_now()  # the network screen left: four fit again
    assert window.pictures.has("network")
    window.pictures.draw("home", window.screens["home"])  # a fifth: over the budget
    assert not window.pictures.has("home")
    tapped(qtbot, window, window.screens["home"].tiles["strategies"])
    window.pictures.draw_left_now()  # home again: four pictures, the budget's
    assert window.pictures.bytes_kept() == 4 * window.stack.width() * window.stack.height() * 2
    drawn = []
    original = QWidget.grab
    try:  # the strategies page left for a detail: drawn before, not drawn again for nothing
        QWidget.grab = lambda self, *args: drawn.append(self) or original(self, *args)
        qtbot.mouseClick(window.screens["strategies"].items["internationalization"],
                         Qt.MouseButton.LeftButton)
        settle()
        window.pictures.draw_left_now()
    finally:
        QWidget.grab = original
    assert window.route == Route("strategies", "internationalization")
    assert window.screens["strategies"] not in drawn and not window.pictures.has("strategies")


def test_each_screen_built_ahead_is_drawn_in_the_turn_after_its_own(make_window):
    """Building a long screen and drawing it are each most of a turn: never both in one."""
    window = make_window(size=LARGE)
    pages = window.pages()[1:]
    for index, page in enumerate(pages):
        window.build_next()  # a turn: the next screen built, not drawn
        assert page in window.screens and not window.pictures.has(page)
        window.build_next()  # the next turn: drawn, the one after it not yet built
        assert window.pictures.has(page)
        assert all(after not in window.screens for after in pages[index + 1:])
    settle()  # the turn the last call asked for: nothing left to build
    assert not window.building_ahead
