"""Visitors cannot close or leave the kiosk; staff in windowed mode can."""

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication

from kiosk.qt.lockdown import Lockdown


@pytest.fixture
def lockdown(qapp):
    guard = Lockdown()
    qapp.installEventFilter(guard)
    yield guard
    qapp.removeEventFilter(guard)


@pytest.mark.parametrize(("key", "modifier"), [
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
])
def test_exit_keys_are_ignored(qtbot, make_window, lockdown, key, modifier):
    window = make_window(allow_close=False)
    qtbot.keyClick(window, key, modifier)
    assert window.isVisible()


def test_close_requests_are_refused_in_kiosk_mode(make_window):
    window = make_window(allow_close=False)
    assert window.close() is False
    assert window.isVisible()


def test_context_menus_are_swallowed(make_window, lockdown):
    window = make_window(allow_close=False)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, QPoint(10, 10), QPoint(10, 10))
    assert lockdown.eventFilter(window, event) is True
    assert window.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu


def test_other_keys_pass(make_window, lockdown):
    window = make_window(allow_close=False)
    from PySide6.QtGui import QKeyEvent

    event = QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    assert lockdown.eventFilter(window, event) is False


def test_windowed_mode_closes(make_window):
    window = make_window(allow_close=True)
    assert window.close() is True
    QApplication.processEvents()
    assert not window.isVisible()
