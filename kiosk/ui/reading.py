"""What a screen shows, as words to read aloud (kiosk/ui/speech_mode.py): its texts in reading
order, and what a control is called. Reading order is the widgets' order, as the keys' Tab
order is (kiosk/ui/keypad.py): each screen makes its widgets top to bottom, left to right.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from ..core.words import words
from .widgets import BREAK


def plain(text: str) -> str:
    """A text as words: the line-break hints (kiosk/ui/widgets.py) and Qt's '&&' gone (the
    kiosk's labels are plain text: kiosk/ui/widgets.py's `label`)."""
    return " ".join(text.replace(BREAK, "").replace("&&", "&").split())


def control_text(button: QAbstractButton, language: str) -> str:
    """A control as it is announced: its name, what else it says, and that it is a button."""
    name = plain(button.accessibleName() or button.text())
    said = [name] if name else []
    for text in texts(button, language, inside_buttons=True):
        if text not in said:
            said.append(text)
    return words("speech.button", language, name=", ".join(said) if said else "?")


def texts(root: QWidget, language: str, inside_buttons: bool = False) -> list[str]:
    """Every text `root` shows, in reading order; a control as one text with its role."""
    found: list[str] = []
    for child in root.children():
        if not isinstance(child, QWidget) or child.isHidden() or child.isWindow():
            continue
        if isinstance(child, QAbstractButton) and not inside_buttons:
            found.append(control_text(child, language))
            continue
        if isinstance(child, QLabel):
            text = plain(child.text())
            if text:
                found.append(text)
        elif child.accessibleName() and not child.children():
            found.append(plain(child.accessibleName()))  # a map, a picture with a name
        found += texts(child, language, inside_buttons)
    return found


def text_at(widget: QWidget, point: QPoint) -> str:
    """The text at `point` in `widget`, if any: a label's, those that let touches through to
    their screen (the home screen's) included; else the widget's name (a map, a picture)."""
    for found in reversed(widget.findChildren(QLabel)):
        if found.isVisible() and found.rect().contains(found.mapFrom(widget, point)):
            text = plain(found.text())
            if text:
                return text
    return plain(widget.text() if isinstance(widget, QLabel) else widget.accessibleName())


def button_of(widget: QWidget | None) -> QAbstractButton | None:
    """The control `widget` is, or is part of (a tile's title is part of its tile)."""
    while widget is not None and not widget.isWindow():
        if isinstance(widget, QAbstractButton):
            return widget
        widget = widget.parentWidget()
    return None

