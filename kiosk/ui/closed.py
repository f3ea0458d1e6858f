"""The screen outside opening hours: dark and still, in both languages. Nothing moves on it,
so it costs no CPU; a touch lets a late visitor look around until the idle reset."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent
from PySide6.QtWidgets import QWidget

from ..core.content.model import Labels, Organisation
from ..core.words import words
from .cover import Cover
from .theme import Look
from .widgets import column, label


def opens_text(labels: Labels, language: str, opens_at: datetime | None,
               now: datetime) -> str:
    if opens_at is None:
        return ""
    days = (opens_at.date() - now.date()).days
    if days == 0:
        day = words("closed.today", language)
    elif days == 1:
        day = words("closed.tomorrow", language)
    elif days < 7:
        day = words(f"closed.day{opens_at.weekday()}", language)
    else:
        day = opens_at.strftime(words("closed.date", language)).lstrip("0")
    return labels.opens_again.get(language).replace("{day}", day) \
        .replace("{time}", opens_at.strftime("%H:%M"))


class ClosedScreen(Cover):
    touched = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent, "closed")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)

    def show_closed(self, look: Look, organisation: Organisation, labels: Labels,
                    opens_at: datetime | None, now: datetime) -> None:
        layout = column(spacing=look.px(20), margins=look.margin)
        layout.addStretch(1)
        for language in ("en", "zh"):
            for text, role in ((organisation.name.get(language), "lead"),
                               (labels.closed.get(language), "h1"),
                               (opens_text(labels, language, opens_at, now), "lead")):
                if text:
                    words = label(text, role)
                    words.setAlignment(Qt.AlignmentFlag.AlignCenter)
                    layout.addWidget(words)
            layout.addSpacing(look.px(48))
        layout.addStretch(1)
        hint = label(" · ".join(labels.touch_to_look.get(lang) for lang in ("en", "zh")), "small")
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(hint)
        self.cover(layout, QColor(Qt.GlobalColor.black))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.hide()
        self.touched.emit()
