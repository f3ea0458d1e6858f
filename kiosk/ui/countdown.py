"""The "Still there?" overlay: counts down, and a tap anywhere keeps the visitor's session."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QWidget

from ..core.content.model import Labels
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
        self._seconds = 10.0
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
        self.stop()
        self.stayed.emit()
