"""The "Still there?" overlay: counts down, and a tap anywhere keeps the visitor's session."""

from __future__ import annotations

import math

from PySide6.QtCore import QElapsedTimer, Qt, QTimer, Signal
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QWidget

from ..content.model import Labels
from .theme import Look
from .widgets import Card, column, label

TICK_MS = 200


class CountdownOverlay(QWidget):
    stayed = Signal()
    expired = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("overlay")
        self.hide()
        self._clock = QElapsedTimer()
        self._seconds = 10.0
        self._tick = QTimer(self)
        self._tick.setInterval(TICK_MS)
        self._tick.timeout.connect(self._update)
        self._look: Look | None = None
        self._labels = Labels()
        self._language = "en"
        self.card: Card | None = None

    def start(self, seconds: float, look: Look, labels: Labels, language: str) -> None:
        self._seconds, self._look, self._labels, self._language = seconds, look, labels, language
        if self.card is not None:
            self.card.deleteLater()
        self.card = Card(look, "overlayCard")
        self.card.body.setContentsMargins(*[look.px(64)] * 4)
        self.card.body.setSpacing(look.px(24))
        self.title = label(labels.still_there.get(language), "h1")
        self.message = label("", "h2")
        self.hint = label(labels.tap_to_stay.get(language), "lead")
        for widget in (self.title, self.message, self.hint):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.card.body.addWidget(widget)
        layout = self.layout() or column()
        layout.addWidget(self.card, alignment=Qt.AlignmentFlag.AlignCenter)
        self.card.setMaximumWidth(look.px(1200))
        if self.layout() is None:
            self.setLayout(layout)
        self._clock.start()
        self._update()
        self._tick.start()
        self.setGeometry(self.parentWidget().rect())
        self.show()
        self.raise_()

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

    def mousePressEvent(self, event) -> None:
        event.accept()
        self.stop()
        self.stayed.emit()

    def paintEvent(self, event) -> None:
        if self._look is None:
            return
        painter = QPainter(self)
        painter.fillRect(self.rect(), self._look.color("text", 170))
        painter.end()
