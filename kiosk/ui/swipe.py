"""One-finger horizontal swipes, and the page dots that show where a swipe leads.

Qt's QSwipeGesture needs three fingers; a visitor swipes with one. A swipe is a press and a
release far enough apart sideways, mostly horizontal, and quick.
"""

from __future__ import annotations

from PySide6.QtCore import QElapsedTimer, QEvent, QObject, QPointF, QRectF, Signal
from PySide6.QtGui import QFontMetrics, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget

from .theme import Look

MOST_MS = 800  # a slower drag is reading, not swiping


class SwipeDetector(QObject):
    """Watches a widget's presses and releases; emits +1 (to the next) or -1 (back)."""

    swiped = Signal(int)

    def __init__(self, target: QWidget, distance: int):
        super().__init__(target)
        self._distance = distance
        self._start: QPointF | None = None
        self._clock = QElapsedTimer()
        target.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if not isinstance(event, QMouseEvent):
            return False
        if kind == QEvent.Type.MouseButtonPress:
            self._start = event.globalPosition()
            self._clock.start()
        elif kind == QEvent.Type.MouseButtonRelease and self._start is not None:
            delta = event.globalPosition() - self._start
            self._start = None
            if (abs(delta.x()) >= self._distance and abs(delta.x()) > 2 * abs(delta.y())
                    and self._clock.elapsed() <= MOST_MS):
                self.swiped.emit(1 if delta.x() < 0 else -1)
        return False


MOST_DOTS = 12  # beyond this a row of dots gets too long to read: "7 / 45" instead


class PageDots(QWidget):
    """A dot per sibling, the current one filled (or "7 / 45" for many siblings), in the
    look's `ink` colour on its `paper` (the attract loop's: its text colour on its accent)."""

    def __init__(self, count: int, index: int, look: Look, ink: str = "accent",
                 paper: str = "background"):
        super().__init__()
        self._count, self._index, self._look = count, index, look
        self._ink, self._paper = ink, paper
        self._dot, self._gap = look.px(14), look.px(12)
        self._text = f"{index + 1} / {count}"
        self.setAccessibleName(self._text)
        if count > MOST_DOTS:
            self._font = look.font("small", bold=True)
            metrics = QFontMetrics(self._font)
            self.setFixedSize(metrics.horizontalAdvance(self._text) + 2, metrics.height())
        else:
            self.setFixedSize(count * (self._dot + self._gap), self._dot + look.px(4))

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._count > MOST_DOTS:
            painter.setFont(self._font)
            painter.setPen(self._look.color(self._ink))
            painter.drawText(self.rect(), self._text)
            painter.end()
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(self._look.color(self._ink))
        for number in range(self._count):
            painter.setBrush(self._look.color(self._ink if number == self._index
                                              else self._paper))
            x = number * (self._dot + self._gap) + self._gap / 2
            painter.drawEllipse(QRectF(x, 2, self._dot, self._dot))
        painter.end()
