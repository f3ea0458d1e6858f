"""The "Still there?" overlay: counts down, and a tap anywhere keeps the visitor's session."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QPushButton, QWidget

from ..core.content.model import Labels
from . import icons
from .buttons import button_text
from .cover import Cover
from .theme import Look
from .widgets import Card, column, label

TICK_MS = 200


class CountdownOverlay(Cover):
    stayed = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent, "overlay")
        self._clock = QElapsedTimer()
        self._seconds = 20.0
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._update)
        self._look: Look | None = None
        self._labels = Labels()
        self._language = "en"

    def start(self, seconds: float, look: Look, labels: Labels, language: str) -> None:
        self._seconds, self._look, self._labels, self._language = seconds, look, labels, language
        card = Card(look, "overlayCard")
        card.body.setContentsMargins(*[look.px(64)] * 4)
        card.body.setSpacing(look.px(24))
        self.title = label(labels.still_there.get(language), "h1")
        self.message = label("", "h2")
        self.hint = label(labels.tap_to_stay.get(language), "lead")
        for widget in (self.title, self.message, self.hint):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card.body.addWidget(widget)
        # one large button that asks for more time (WCAG 2.2.1), as well as a tap anywhere
        words = labels.more_time.get(language)
        self.more_time = QPushButton(button_text(f"  {words}"))
        self.more_time.setObjectName("moreTime")
        self.more_time.setAccessibleName(words)
        self.more_time.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # kiosk/ui/keypad.py
        ink = look.theme.accent_text
        self.more_time.setIcon(icons.icon("fa6s.clock", ink, ink, look.px(44)))
        self.more_time.setIconSize(QSize(look.px(44), look.px(44)))
        self.more_time.clicked.connect(self._stay)
        card.body.addSpacing(look.px(16))
        card.body.addWidget(self.more_time, alignment=Qt.AlignmentFlag.AlignCenter)
        card.setMaximumWidth(look.px(1200))
        layout = column()
        layout.addWidget(card, alignment=Qt.AlignmentFlag.AlignCenter)
        self._clock.start()
        self._update()
        self._tick.start()
        self.cover(layout, look.scrim(170))

    def remaining(self) -> int:
        return max(0, math.ceil(self._seconds - self._clock.elapsed() / 1000))

    def _update(self) -> None:
        left = self.remaining()
        if left <= 0:
            self.stop()
            self.expired.emit()
            return
        text = self._labels.returning.get(self._language).replace("{seconds}", str(left))
        self.message.setText(text)

    def stop(self) -> None:
        self._tick.stop()
        self.hide()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self._stay()

    def _stay(self) -> None:
        self.stop()
        self.stayed.emit()
