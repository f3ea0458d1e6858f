"""The kiosk from a keypad or a keyboard, as well as by touch (EN 301 549 5.1, the EZ Access
keypads beside touchscreens): Tab and Shift+Tab, or the arrow keys, move a focus from control
to control in reading order; Return, Enter and Space press the control; Backspace (or a
keypad's Back key) goes back. The focus is drawn as a thick ring of two bands, the text
colour outside and the background's inside, so that it stands out at least 3:1 against
whatever it lies on (a light page, a dark tile). Touch never moves the focus: the controls
take it from keys only, and the ring shows only once a key was pressed.

A key press counts as a visitor's touch (kiosk/qt/idle.py); the keys that would leave the kiosk
stay locked (kiosk/qt/lockdown.py).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, Qt
from PySide6.QtGui import QKeyEvent, QPainter, QPaintEvent, QPen
from PySide6.QtWidgets import QAbstractButton, QApplication, QScrollArea, QWidget

from .theme import Look

NEXT = {Qt.Key.Key_Right, Qt.Key.Key_Down}
PREVIOUS = {Qt.Key.Key_Left, Qt.Key.Key_Up}
PRESS = {Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_Select}
BACK = {Qt.Key.Key_Backspace, Qt.Key.Key_Back}
RING_PX = 6  # each of the ring's two bands, at the design size


def keyboard_reachable(button: QAbstractButton) -> None:
    """A control that keys reach (Tab, the arrows) and touch does not focus."""
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


class FocusRing(QWidget):
    """Two rounded bands round the focused control, over everything; takes no input."""

    def __init__(self, window: QWidget):
        super().__init__(window)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setObjectName("focusRing")
        self.look: Look | None = None
        self.hide()

    def around(self, widget: QWidget, look: Look) -> None:
        self.look = look
        band = look.px(RING_PX)
        parent = self.parentWidget()
        assert parent is not None
        corner = widget.mapTo(parent, QPoint(0, 0))
        self.setGeometry(QRect(corner, widget.size()).adjusted(-2 * band, -2 * band,
                                                               2 * band, 2 * band))
        self.show()
        self.raise_()
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self.look is None:
            return
        look = self.look
        band = look.px(RING_PX)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        radius = look.px(28)
        outer = self.rect().adjusted(band // 2, band // 2, -band // 2, -band // 2)
        painter.setPen(QPen(look.color("text"), band))
        painter.drawRoundedRect(outer, radius, radius)
        inner = outer.adjusted(band, band, -band, -band)
        painter.setPen(QPen(look.color("background"), band))
        painter.drawRoundedRect(inner, radius - band, radius - band)
        painter.end()


class Keypad(QObject):
    """Given the input of one kiosk window (kiosk/qt/watchers.py): its keys, and its focus
    ring."""

    KINDS = frozenset({QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin, QEvent.Type.KeyPress})

    def __init__(self, window: QWidget, look: Callable[[], Look], back: Callable[[], object]):
        super().__init__(window)
        self.window = window
        self._look = look
        self._back = back
        self.ring = FocusRing(window)
        self.keyed = False  # the last input was a key: the ring shows
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            if self.keyed:
                self.keyed = False
                self.ring.hide()
            return False
        if kind != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = Qt.Key(event.key())
        if not self.keyed:
            self.keyed = True
            self._focus_changed(None, QApplication.focusWidget())
        focused = QApplication.focusWidget()
        if key in NEXT or key in PREVIOUS:
            self.window.focusNextPrevChild(key in NEXT)
            return True
        if key in PRESS and isinstance(focused, QAbstractButton) and focused.isVisible():
            focused.click()
            return True
        if key in BACK:
            self._back()
            return True
        return False

    def first(self, screen: QWidget | None) -> None:
        """A new screen: the focus on its first control, if keys are in use."""
        if not self.keyed or screen is None:
            return
        for button in screen.findChildren(QAbstractButton):
            if button.isVisible() and button.focusPolicy() & Qt.FocusPolicy.TabFocus:
                button.setFocus(Qt.FocusReason.TabFocusReason)
                return

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not self.keyed or new is None or new.window() is not self.window or \
                not isinstance(new, QAbstractButton):
            self.ring.hide()
            return
        area = _scroll_area(new)
        if area is not None:
            area.ensureWidgetVisible(new, 0, self._look().px(40))
        self.ring.around(new, self._look())


def _scroll_area(widget: QWidget) -> QScrollArea | None:
    parent = widget.parentWidget()
    while parent is not None and not isinstance(parent, QScrollArea):
        parent = parent.parentWidget()
    return parent
