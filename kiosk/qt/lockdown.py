"""Keeps visitors in the kiosk: no context menus, no keys that close or leave it.

Alt+F4 and the window manager's close button arrive as close events, which the window
refuses. What an application cannot block (Ctrl+Alt+Del, Alt+Tab, edge swipes) is the
operating system's job: see the README's deployment notes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

BLOCKED_KEYS = {
    (Qt.Key.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
    (Qt.Key.Key_F4, Qt.KeyboardModifier.ControlModifier),
}
KEY_EVENTS = (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.KeyRelease)


class Lockdown(QObject):
    KINDS = frozenset({QEvent.Type.ContextMenu, *KEY_EVENTS})  # given these (watchers.py)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.ContextMenu:
            return True
        if kind in KEY_EVENTS and isinstance(event, QKeyEvent):
            modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            return (Qt.Key(event.key()), modifiers) in BLOCKED_KEYS
        return False
