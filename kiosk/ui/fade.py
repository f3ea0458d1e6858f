"""Cross-fades made of still pictures, cheap enough for every frame.

A picture of the old view fades out over a picture of the new one, both on one opaque layer:
a frame costs two blits, not a repaint of every widget (a QGraphicsOpacityEffect over a full
screen cost about 30 ms a frame here). The layer takes no input, so a tap goes to the new view
beneath it.
"""

from __future__ import annotations

from PySide6.QtCore import QEasingCurve, QObject, Qt, QTimer, QVariantAnimation, Signal
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QWidget


class FadingPicture(QWidget):
    """The old view's picture fading out over the new view's; it takes no input."""

    def __init__(self, parent: QWidget, old: QImage):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._old = old
        self._new: QImage | None = None
        self._opacity = 1.0

    def set_new(self, new: QImage) -> None:
        self._new = new

    def set_opacity(self, opacity: float) -> None:
        self._opacity = opacity
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self._new is not None:
            painter.drawImage(0, 0, self._new)
            painter.setOpacity(self._opacity)
        painter.drawImage(0, 0, self._old)
        painter.end()


class CrossFade(QObject):
    """Fades `view` from what it showed (`old`) to what it shows once laid out."""

    finished = Signal()

    def __init__(self, view: QWidget, old: QImage, duration_ms: int):
        super().__init__(view)
        parent = view.parentWidget()
        assert parent is not None  # a screen in the window
        self.picture: FadingPicture | None = FadingPicture(parent, old)
        self.picture.setGeometry(view.geometry())
        self.picture.show()
        self.picture.raise_()
        self._view = view
        self._new: QImage | None = None
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(duration_ms)
        self.animation.setStartValue(1.0)
        self.animation.setEndValue(0.0)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(self.picture.set_opacity)
        self.animation.finished.connect(self.end)
        QTimer.singleShot(0, self, self._start)  # once the new view is laid out

    def end_on(self, new: QImage | None) -> None:
        """What the view will show, drawn ahead (kiosk/ui/pictures.py): not drawn again as
        the fade begins. None: drawn then."""
        self._new = new

    def _start(self) -> None:
        if self.picture is not None:
            self.picture.set_new(self._new if self._new is not None
                                 else self._view.grab().toImage())
            self._new = None
            self.animation.start()

    def end(self) -> None:
        """Finish now (a tap during the fade: the visitor sees what they touch)."""
        if self.picture is None:
            return
        self.animation.stop()
        self.picture.hide()  # now: its deletion waits for the event loop, which a caller
        self.picture.deleteLater()  # processing events in a slot never returns to
        self.picture = None
        self.finished.emit()
