"""The bar under every screen: Back and Home, and the visitor's switches (text size, language)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QWidget

from ..core.content.model import Labels
from ..core.session import HOME, Route
from .theme import Look
from .widgets import NavButton, button_text, hbox


class NavBar(QWidget):
    back = Signal()
    home = Signal()
    switch_language = Signal()
    switch_text_size = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("navBar")
        # a QWidget subclass draws its style sheet's background only when asked to
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._labels: Labels | None = None
        self._language = ""

    def build(self, look: Look, labels: Labels, language: str, larger_text: bool) -> None:
        """(Re)create the buttons in `look` and `language`."""
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
        self.back_button.clicked.connect(self.back)
        self.home_button.clicked.connect(self.home)
        self.language_button.clicked.connect(self.switch_language)
        self.larger_text_button.clicked.connect(self.switch_text_size)
        row.addWidget(self.back_button)
        row.addWidget(self.home_button)
        row.addStretch(1)
        row.addWidget(self.larger_text_button)
        row.addWidget(self.language_button)
        self.setLayout(row)
        self._labels, self._language = labels, language

    def show_for(self, route: Route) -> None:
        """The bar stays (the screens keep their size, so nothing is laid out again); on the
        home screen it holds the switches only, the larger-text one with its words."""
        if self._labels is None:  # never built
            return
        self.back_button.setVisible(route != HOME)
        self.home_button.setVisible(route != HOME)
        words = self._labels.larger_text.get(self._language)
        self.larger_text_button.setText(button_text(f"  {words}") if route == HOME else "")
