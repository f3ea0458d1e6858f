"""The bar under every screen: Back and Home, and the visitor's switches (reading aloud and its
volume, text size, language)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QWidget

from ..core.content.model import Labels
from ..core.session import HOME, Route
from .buttons import NavButton, set_words
from .theme import Look
from .widgets import hbox


class NavBar(QWidget):
    back = Signal()
    home = Signal()
    switch_language = Signal()
    switch_text_size = Signal()
    switch_speech = Signal()
    volume = Signal()  # the next volume step, round from the loudest to the softest

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("navBar")
        # a QWidget subclass draws its style sheet's background only when asked to
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._labels: Labels | None = None
        self._language = ""
        self._home = True

    def build(self, look: Look, labels: Labels, language: str, larger_text: bool,
              speech: bool | None = None, volume: tuple[int, int] = (1, 1)) -> None:
        """(Re)create the buttons in `look` and `language`; `speech`: reading aloud is on or
        off (None: not offered in this language, and its button not shown); `volume`: its
        step, of how many."""
        self._labels = None  # until every button is made
        old = self.layout()
        if old is not None:
            QWidget().setLayout(old)  # reparent the old layout and its buttons away
        row = hbox(look.gap)
        row.setContentsMargins(look.margin, look.px(20), look.margin, look.px(20))
        self.back_button = NavButton(look, labels.back.get(language), "fa6s.arrow-left")
        self.home_button = NavButton(look, labels.home.get(language), "fa6s.house")
        self.language_button = NavButton(look, labels.switch_language.get(language),
                                         "fa6s.language", name="lang")
        self.larger_text_button = NavButton(look, "", "fa6s.text-height", name="lang")
        self.larger_text_button.setAccessibleName(labels.larger_text.get(language))
        self.larger_text_button.setCheckable(True)
        self.larger_text_button.setChecked(larger_text)
        self.speech_button = NavButton(look, "", "fa6s.volume-high", name="lang")
        self.speech_button.setAccessibleName(labels.read_aloud.get(language))
        self.speech_button.setCheckable(True)
        self.speech_button.setVisible(speech is not None)
        self.volume_button = NavButton(look, "", "fa6s.volume-low", name="lang")
        self.volume_button.setAccessibleName(labels.volume.get(language))
        self.back_button.clicked.connect(self.back)
        self.home_button.clicked.connect(self.home)
        self.language_button.clicked.connect(self.switch_language)
        self.larger_text_button.clicked.connect(self.switch_text_size)
        self.speech_button.clicked.connect(self.switch_speech)
        self.volume_button.clicked.connect(self.volume)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        row.addWidget(self.volume_button)
        row.addWidget(self.speech_button)
        row.addWidget(self.larger_text_button)
        row.addWidget(self.language_button)
        self.setLayout(row)
        self._labels, self._language = labels, language
        self._show_back_and_home()  # as show_for left them: the bar is fitted once
        self.show_speech(bool(speech), volume)

    def show_for(self, route: Route) -> None:
        """The bar stays (the screens keep their size, so nothing is laid out again); on the
        home screen it holds the switches only, with their words."""
        if self._labels is None:  # never built
            return
        self._home = route == HOME
        self._show_back_and_home()
        self._fit()

    def _show_back_and_home(self) -> None:
        self.back_button.setVisible(not self._home)
        self.home_button.setVisible(not self._home)

    def show_speech(self, on: bool, volume: tuple[int, int]) -> None:
        """Reading aloud on or off: its button pressed in, and the volume's beside it, with
        its step ("3/4")."""
        self.speech_button.setChecked(on)
        self.volume_button.setVisible(on)
        set_words(self.volume_button, f"{volume[0]}/{volume[1]}")
        self._fit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        """Every button with its words where all fit the bar's width; else (a tall screen, say,
        with reading aloud on) Back and Home lose theirs, then the switches theirs, keeping
        their icons (and their names, for reading aloud)."""
        if self._labels is None:
            return
        labels, language = self._labels, self._language
        worded = [(self.back_button, labels.back), (self.home_button, labels.home)]
        switches = [(self.larger_text_button, labels.larger_text),
                    (self.speech_button, labels.read_aloud)]
        for button, text in worded:
            set_words(button, text.get(language))
        for button, text in switches:  # words on the home screen only, where they are alone
            set_words(button, text.get(language) if self._home else "")
        for losing in (worded, switches):
            if self._needed() <= (self.parentWidget() or self).width():
                return
            for button, _text in losing:
                set_words(button, "")

    def _needed(self) -> int:
        """The width the bar's shown buttons ask for."""
        row = self.layout()
        assert row is not None
        shown = [button for button in self.findChildren(NavButton) if not button.isHidden()]
        margins = row.contentsMargins()
        return sum(button.sizeHint().width() for button in shown) + margins.left() \
            + margins.right() + row.spacing() * (len(shown) - 1)
