"""The kiosk's buttons: a tile or card of an icon, a title and a subtitle (TapButton), the bar's
(NavButton), a chip whose words wrap (ChipButton), and a detail's button in a list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from ..core.content.model import Detail
from ..qt.safety import guarded
from . import icons
from .theme import Look
from .widgets import WrapLabel, column, hbox, icon_label, label


class TapButton(QPushButton):
    """A large button with an icon, a title and a subtitle, laid out as a card or tile."""

    def __init__(self, look: Look, name: str, title: str, subtitle: str = "", icon: str = "",
                 icon_color: str = "", title_role: str = "h3", glimpse: QWidget | None = None,
                 gives_way: bool = False):
        """`glimpse`: what the tile shows of its page, between the icon and the title;
        `gives_way`: its height is the room it is given (a tile), not what it shows (a card),
        and what it shows gives way to its title where the room is short."""
        super().__init__()
        named(self, name, title)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        layout = column(spacing=look.px(12), margins=look.px(32))
        self.icon_mark: QLabel | None = None
        self.subtitle: QLabel | None = None
        self._icon_gap = look.px(8)
        self._gives_way = gives_way
        self.glimpse: QWidget | None = None
        if icon:
            self.icon_mark = icon_label(icon, icon_color, look.px(64))
            layout.addWidget(self.icon_mark)
            layout.addSpacing(look.px(8))
        if glimpse is not None:
            glimpse.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(glimpse, 1)
            self.glimpse = glimpse
        else:
            layout.addStretch(1)
        self.title = label(title, title_role)
        layout.addWidget(self.title)
        if subtitle:
            self.subtitle = label(subtitle, "body")
            layout.addWidget(self.subtitle)
        self.setLayout(layout)

    @guarded
    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else QSize()

    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_to_height()

    def event(self, event: QEvent) -> bool:
        handled = super().event(event)
        if event.type() == QEvent.Type.LayoutRequest:  # what it shows grew (the tile's map,
            self._keep_to_height()  # added after the first frame)
        return handled

    def _keep_to_height(self) -> None:
        """Shorter than all it shows (a home screen's tiles with larger text on a short screen),
        the button lets what its page shows go first, then its icon, then its subtitle, and
        its title is drawn whole:
        squeezed, its layout drew the title's second line over the subtitle."""
        layout = self.layout()
        if not self._gives_way or layout is None or not isinstance(self.title, WrapLabel):
            return
        margins = layout.contentsMargins()
        width = self.width() - margins.left() - margins.right()
        needed = margins.top() + margins.bottom() + self.title.height_for(width)
        parts: list[tuple[QWidget, int]] = []
        if isinstance(self.subtitle, WrapLabel):
            parts.append((self.subtitle, layout.spacing() + self.subtitle.height_for(width)))
        if self.icon_mark is not None:
            parts.append((self.icon_mark,
                          self.icon_mark.height() + layout.spacing() + self._icon_gap))
        if self.glimpse is not None:
            parts.append((self.glimpse, self.glimpse.minimumSizeHint().height()
                          + layout.spacing()))
        needed += sum(height for _part, height in parts)
        for part, height in reversed(parts):  # the glimpse first, the icon, the subtitle
            part.setVisible(needed <= self.height())
            if needed > self.height():
                needed -= height


def button_text(text: str) -> str:
    """A button's text as Qt takes it: a lone '&' would underline the next letter instead."""
    return text.replace("&", "&&")


class NavButton(QPushButton):
    def __init__(self, look: Look, text: str, icon: str = "", name: str = "nav"):
        super().__init__()
        named(self, name, text)
        if icon:
            self.setIcon(icons.icon(icon, look.theme.text, look.theme.accent_text, look.px(36)))
            self.setIconSize(QSize(look.px(36), look.px(36)))
        set_words(self, text)


def named(button: QPushButton, kind: str, name: str) -> None:
    """A control of a `kind` (its style sheet's object name) called `name` (what reading aloud
    says), which keys reach (Tab, the arrows) and touch does not focus."""
    button.setObjectName(kind)
    button.setAccessibleName(name)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)


def set_words(button: QPushButton, text: str) -> None:
    """A button's words (beside its icon, if it has one), or none: a button of an icon alone
    is narrower (its style sheet's `iconOnly`)."""
    shown = button_text(f"  {text}" if text and not button.icon().isNull() else text)
    if shown == button.text() and button.property("iconOnly") is not None:
        return
    button.setText(shown)
    if button.property("iconOnly") != (not text):
        button.setProperty("iconOnly", not text)
        # Styled again now only if it was styled before: a new button is styled when first
        # shown, and asking for its style here made Python build QStyle's enums before the
        # first frame (docs/performance.md).
        if button.testAttribute(Qt.WidgetAttribute.WA_WState_Polished):
            style = button.style()
            style.unpolish(button)
            style.polish(button)


class ChipButton(QPushButton):
    """A rounded button whose words wrap when the screen is narrow: an icon, then the text."""

    def __init__(self, look: Look, text: str, icon: str = "", name: str = "sibling"):
        super().__init__()
        named(self, name, text)
        row = hbox(look.px(14))
        row.setContentsMargins(look.px(24), look.px(14), look.px(28), look.px(14))
        if icon:
            row.addWidget(icon_label(icon, look.theme.accent, look.px(32)))
        self.label = label(text, "chipButton")
        row.addWidget(self.label, 1)
        self.setLayout(row)

    @guarded
    def sizeHint(self) -> QSize:
        layout = self.layout()
        return layout.sizeHint() if layout is not None else QSize()


def item_button(look: Look, detail: Detail, language: str) -> TapButton:
    button = TapButton(look, "item", detail.title.get(language), detail.summary.get(language),
                       detail.icon, look.theme.accent)
    button.setMinimumHeight(look.px(200))
    return button
