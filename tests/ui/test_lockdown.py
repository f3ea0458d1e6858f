"""Visitors cannot close or leave the kiosk; staff in windowed mode can."""

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeyEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QScrollBar

from kiosk.qt.lockdown import Lockdown
from kiosk.qt.watchers import on_the_window

from ..helpers import key, settle


@pytest.fixture
def locked(make_window):
    """A fullscreen kiosk's window, its keys locked as kiosk/app.py locks them."""
    def make():
        window = make_window(allow_close=False)
        lockdown = Lockdown(window)
        on_the_window(window, lockdown)
        window.activateWindow()
        return window, lockdown

    return make


class KeySpy(QObject):
    """Notes the keys a widget is given."""

    def __init__(self, reached):
        super().__init__()
        self.reached = reached

    def eventFilter(self, watched, event):  # noqa: N802
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            self.reached.append(Qt.Key(event.key()))
        return False


@pytest.mark.parametrize(("pressed", "modifier"), [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
])
def test_exit_keys_are_ignored(qtbot, locked, pressed, modifier):
    window, _lockdown = locked()
    reached = []
    focused = QApplication.focusWidget() or window
    spy = KeySpy(reached)
    focused.installEventFilter(spy)
    key(window, pressed, modifier)
    focused.removeEventFilter(spy)
    assert window.isVisible()
    assert pressed not in reached  # stopped at the window, before any widget saw it


def test_other_keys_reach_the_focused_control(qtbot, locked):
    window, _lockdown = locked()
    window.screens["home"].tiles["mission"].setFocus()
    reached = []
    spy = KeySpy(reached)
    window.screens["home"].tiles["mission"].installEventFilter(spy)
    key(window, Qt.Key.Key_A)
    window.screens["home"].tiles["mission"].removeEventFilter(spy)
    assert Qt.Key.Key_A in reached


def test_close_requests_are_refused_in_kiosk_mode(make_window):
    window = make_window(allow_close=False)
    assert window.close() is False
    assert window.isVisible()


def test_a_right_click_opens_no_context_menu(qtbot, locked):
    """A scroll bar has a menu of its own ("Scroll here", ...): the window never opens it."""
    window, _lockdown = locked()
    bar = QScrollBar(Qt.Orientation.Vertical, window)
    bar.setGeometry(window.width() - 40, 100, 30, 400)
    bar.show()
    settle()
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.RightButton,
                     Qt.KeyboardModifier.NoModifier, QPoint(window.width() - 25, 300))
    settle()
    assert QApplication.activePopupWidget() is None
    assert window.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_the_lock_says_which_events_it_stops(locked):
    window, lockdown = locked()
    menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    assert lockdown.eventFilter(window, menu) is True
    other = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert lockdown.eventFilter(window, other) is False


def test_windowed_mode_closes(make_window):
    window = make_window(allow_close=True)
    assert window.close() is True
    QApplication.processEvents()
    assert not window.isVisible()
