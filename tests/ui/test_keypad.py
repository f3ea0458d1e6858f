"""The kiosk with keys alone (kiosk/ui/keypad.py): from home to a place of the network and back,
the focus ring seen and standing out, touch leaving it, the lockdown keys still locked."""

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from kiosk.core.content.contrast import ratio
from kiosk.core.session import HOME, Route
from kiosk.qt.watchers import on_the_window
from kiosk.ui.keypad import Keypad

from ..helpers import key, tap


@pytest.fixture
def keyed(make_window):
    def make(**options):
        window = make_window(**options)
        keypad = Keypad(window, lambda: window.look, window.back)
        window.shown.connect(lambda *_: keypad.first(window.stack.currentWidget()))
        on_the_window(window, keypad)
        window.activateWindow()
        return window, keypad

    return make


def press(window, pressed, times: int = 1) -> None:
    for _ in range(times):
        key(window, pressed)


def focus_on(window, wanted, key=Qt.Key.Key_Right, most: int = 60) -> None:
    """Arrow on until `wanted` has the focus."""
    for _ in range(most):
        if QApplication.focusWidget() is wanted:
            return
        press(window, key)
    raise AssertionError(f"never reached {wanted.accessibleName()!r}")


def test_keys_alone_lead_from_home_to_a_place_and_back(qtbot, keyed):
    window, keypad = keyed()
    press(window, Qt.Key.Key_Tab)
    assert keypad.keyed and keypad.ring.isVisible()
    focus_on(window, window.screens["home"].tiles["network"])
    press(window, Qt.Key.Key_Return)
    assert window.route == Route("network")
    network = window.screens["network"]
    assert QApplication.focusWidget() is not None and \
        network.isAncestorOf(QApplication.focusWidget())  # the new screen's first control
    focus_on(window, network.buttons["wuhan"])
    press(window, Qt.Key.Key_Enter)
    assert window.route == Route("network", "wuhan")
    press(window, Qt.Key.Key_Backspace)
    assert window.route == Route("network")
    focus_on(window, window.home_button, Qt.Key.Key_Left)
    press(window, Qt.Key.Key_Space)
    assert window.route == HOME


def test_the_ring_surrounds_the_focus_and_stands_out_on_any_colour(qtbot, keyed, content):
    window, keypad = keyed()
    press(window, Qt.Key.Key_Tab)
    tile = window.screens["home"].tiles["mission"]
    focus_on(window, tile)
    ring = keypad.ring.geometry()
    where = tile.geometry().translated(tile.mapTo(window, tile.rect().topLeft()) -
                                       tile.geometry().topLeft())
    assert ring.contains(where) and ring != where
    theme = window.look.theme
    # two bands, text outside and background inside: at least 3:1 against what each touches
    assert ratio(theme.text, theme.background) >= 3  # the outer band on the page
    assert ratio(theme.background, theme.accent) >= 3  # the inner band on a tile
    assert ratio(theme.text, theme.background) >= 3  # the bands against each other
    picture = window.grab().toImage()
    band = window.look.px(6)
    outside = picture.pixelColor(ring.left() + band // 2, ring.center().y()).name()
    assert outside.lower() == theme.text.lower()


def test_a_touch_hides_the_ring_and_never_moves_the_focus(qtbot, keyed):
    window, keypad = keyed()
    press(window, Qt.Key.Key_Tab)
    focused = QApplication.focusWidget()
    tap(qtbot, window.screens["home"], QPoint(5, 5))  # on the page, beside its controls
    assert not keypad.ring.isVisible() and not keypad.keyed
    assert QApplication.focusWidget() is focused
    tap(qtbot, window.screens["home"].tiles["mission"])  # a control: pressed, not focused
    assert window.route == Route("mission") and QApplication.focusWidget() is not \
        window.screens["home"].tiles["mission"]


def test_escape_still_never_leaves_and_keys_count_as_a_visitor(qtbot, keyed):
    window, _keypad = keyed()
    with qtbot.waitSignal(window.idle.activity, timeout=2000):
        press(window, Qt.Key.Key_Tab)
    from kiosk.qt.lockdown import Lockdown

    on_the_window(window, Lockdown(window))
    press(window, Qt.Key.Key_Escape)
    assert window.isVisible() and window.route == HOME
