"""The attract loop: full-screen slides that cross-fade while nobody is at the kiosk.

Each slide says whose kiosk it is (the organisation's name, at the top), shows its figure,
picture and line, and invites a touch with a hand in a framed call; dots under the call show
where the loop is. Any touch ends it, and that touch goes no further: it wakes the kiosk, it
presses nothing.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

from ..core.content.model import AttractSlide, Labels
from ..qt.shown import shown
from .fade import CrossFade
from .icons import pixmap
from .swipe import PageDots
from .theme import Look
from .widgets import column, hbox, label, picture

FADE_MS = 600


class AttractView(QWidget):
    woke = Signal()
    started = Signal()
    ended = Signal(bool)  # True: a touch ended it

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setObjectName("attract")
        self.hide()
        self._slides: tuple[AttractSlide, ...] = ()
        self._index = 0
        self._look: Look | None = None
        self._language = "en"
        self._labels = Labels()
        self._brand = ""
        self._motion = True
        self._next = QTimer(self)
        self._next.timeout.connect(self.advance)
        self._page: QWidget | None = None
        self._fade: CrossFade | None = None
        self.setLayout(column())

    @property
    def index(self) -> int:
        return self._index

    @property
    def page(self) -> QWidget | None:
        """The slide on show."""
        return self._page

    def start(self, slides: tuple[AttractSlide, ...], seconds: float, look: Look,
              labels: Labels, language: str, motion: bool, brand: str = "") -> None:
        """`brand`: the organisation's name, in `language`."""
        if not slides:
            return
        self._slides, self._look, self._labels, self._brand = slides, look, labels, brand
        self._language, self._motion = language, motion
        self._index = 0
        self._show_slide()
        self._next.start(round(seconds * 1000))
        parent = self.parentWidget()
        assert parent is not None  # made over the window
        self.setGeometry(parent.rect())
        was_on = self.isVisible()
        self.show()
        self.raise_()
        if not was_on:
            self.started.emit()

    def stop(self, woken: bool = False) -> None:
        self._next.stop()
        self._end_fade()
        if self.isVisible():
            self.hide()
            self.ended.emit(woken)

    def _end_fade(self) -> None:
        if self._fade is not None:
            self._fade.end()
            self._fade = None

    def advance(self) -> None:
        self._index = (self._index + 1) % len(self._slides)
        self._show_slide()

    def _show_slide(self) -> None:
        look, slide, language = self._look, self._slides[self._index], self._language
        assert look is not None  # start() gave it
        old = shown(self._page) if self._motion and self._page is not None else None
        page = QWidget()
        layout = column(spacing=look.px(28), margins=look.px(72))
        if self._brand:
            brand = label(self._brand, "attractBrand")
            brand.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(brand)
        layout.addStretch(2)
        image = picture(slide.image, look.px(900), look.px(520))
        if image is not None:
            layout.addWidget(image, alignment=Qt.AlignmentFlag.AlignCenter)
        if slide.value:
            row = hbox(look.px(16))
            row.addStretch(1)
            row.addWidget(label(slide.value.get(language), "attractFigure", wrap=False),
                          alignment=Qt.AlignmentFlag.AlignBottom)
            if slide.unit:
                row.addWidget(label(slide.unit.get(language), "attractUnit", wrap=False),
                              alignment=Qt.AlignmentFlag.AlignBottom)
            row.addStretch(1)
            layout.addLayout(row)
        line = label(slide.text.get(language), "attractText")
        line.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout.addWidget(line)
        layout.addStretch(3)
        layout.addWidget(self._call(look, language), alignment=Qt.AlignmentFlag.AlignCenter)
        if len(self._slides) > 1:
            layout.addWidget(PageDots(len(self._slides), self._index, look, "accent_text",
                                      "accent"), alignment=Qt.AlignmentFlag.AlignCenter)
        page.setLayout(layout)
        own = self.layout()
        assert own is not None  # made with one
        if self._page is not None:
            own.removeWidget(self._page)
            self._page.hide()  # not drawn under the new slide until Qt deletes it
            self._page.deleteLater()
        self._page = page
        own.addWidget(page)
        if old is not None:
            self._end_fade()
            self._fade = CrossFade(page, old, FADE_MS)

    def _call(self, look: Look, language: str) -> QWidget:
        """"Touch to begin", with a hand, in a frame: the invitation passers-by look for."""
        frame = QWidget()
        frame.setObjectName("attractCallFrame")
        frame.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        row = hbox(look.px(18))
        row.setContentsMargins(look.px(36), look.px(16), look.px(40), look.px(16))
        hand = QLabel()
        size = look.font_px("h2")
        hand.setPixmap(pixmap("fa6s.hand-pointer", look.theme.accent_text, size))
        hand.setFixedSize(QSize(size, size))
        row.addWidget(hand)
        row.addWidget(label(self._labels.touch_to_begin.get(language), "attractCall", wrap=False))
        frame.setLayout(row)
        return frame

    def texts(self) -> list[str]:
        """The texts of the slide showing now."""
        page = self._page
        return [w.text() for w in page.findChildren(QLabel) if w.text()] if page else []

    def mousePressEvent(self, event: QMouseEvent) -> None:
        event.accept()
        self.stop(woken=True)
        self.woke.emit()

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._look is not None:
            painter = QPainter(self)
            painter.fillRect(self.rect(), self._look.color("accent"))
            painter.end()

