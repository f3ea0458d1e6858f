"""Small building blocks shared by the screens: labels, cards, tap buttons, chips, scrolling."""

from __future__ import annotations

import re
from functools import partial
from pathlib import Path

import shiboken6
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QScrollArea,
    QScroller,
    QScrollerProperties,
    QVBoxLayout,
    QWidget,
)

from ..core.content.contrast import qr_dark
from ..core.content.model import Labels, Link
from ..qt import pyside_fixes  # noqa: F401  (before any scroll area: see there)
from ..qt.safety import guarded
from . import icons
from .qr import QrCode
from .read_picture import read_picture
from .theme import Look


class WrapLabel(QLabel):
    """A word-wrapped label that asks its layout for the height its text needs at its width.

    Qt's layouts give a wrapped label its one-line height inside grids and scroll areas, and
    the text is cut off; a minimum height that follows the width keeps every line visible.
    """

    def __init__(self, text: str):
        super().__init__(text)
        self._heights: dict[tuple[int, str, str], int] = {}

    @guarded
    def heightForWidth(self, width: int) -> int:
        """Qt's answer, kept: a layout asks every label again each time anything in it
        changes (QWidgetItem.minimumHeightForWidth is not cached), and laying a text out is
        most of a long screen's cost (a page of 100 long paragraphs: 0.3 s a change)."""
        key = (width, self.text(), self.font().key())
        if key not in self._heights:
            if len(self._heights) > 3:
                self._heights.clear()
            self._heights[key] = super().heightForWidth(width)
        return self._heights[key]

    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        needed = self.height_for(self.width())
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    def height_for(self, width: int) -> int:
        """The text's height at `width` (QLabel.heightForWidth never goes below the minimum)."""
        margins = self.contentsMargins()
        box = QRect(0, 0, max(1, width - margins.left() - margins.right()), 1 << 20)
        flags = Qt.TextFlag.TextWordWrap | self.alignment()
        text_height = QFontMetrics(self.font()).boundingRect(box, flags, self.text()).height()
        return text_height + margins.top() + margins.bottom()


# A run of letters longer than this (a German compound, a technical name) may be wider than its
# box: it may break between any two of its letters. A web address may break after its / . - _ ?
# & =, as browsers break one. Other words break only between words; Chinese breaks between any
# two characters anyway.
LONG_WORD = 24
_RUN = re.compile(r"[^\s\u3000-\u9fff\uff00-\uffef]{13,}")
_ADDRESS_BREAKS = re.compile(r"(?<=[/.\-_?&=])(?=.)")
BREAK = "\u200b"  # a zero-width space: a place a line may break, drawn as nothing


def breakable(text: str) -> str:
    """`text` with zero-width spaces where a long word or a web address may break, so that a
    label wraps it instead of cutting it off or growing wider than the screen (QLabel breaks
    lines only where Unicode allows)."""
    def breaks(run: re.Match[str]) -> str:
        word = run.group()
        if len(word) > LONG_WORD:
            return BREAK.join(word)
        return _ADDRESS_BREAKS.sub(BREAK, word)

    return _RUN.sub(breaks, text)


class ElidedLabel(QLabel):
    """One line that ends in "…" when its box is too narrow for it (a glimpse on a tile,
    where a second line has no room); the whole text is its accessible name."""

    def __init__(self, text: str, role: str):
        super().__init__()
        self._text = text
        self.setProperty("role", role)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(text)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setMinimumWidth(1)
        self.setText(text)

    @guarded
    def sizeHint(self) -> QSize:
        return QSize(1, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        elided = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight,
                                               self.contentsRect().width())
        if elided != self.text():
            self.setText(elided)


def label(text: str, role: str = "body", wrap: bool = True) -> QLabel:
    text = breakable(text) if wrap else text
    return as_label(WrapLabel(text) if wrap else QLabel(text), role, wrap)


def as_label(widget: QLabel, role: str, wrap: bool) -> QLabel:
    """`widget` set up as the kiosk's texts are: styled by `role`, plain text, taking no
    input (a tap goes to what is beneath)."""
    widget.setProperty("role", role)
    widget.setTextFormat(Qt.TextFormat.PlainText)
    widget.setWordWrap(wrap)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


def picture(path: Path | None, width: int, height: int) -> QLabel | None:
    """An image file scaled to fit `width` x `height`, or None if it cannot be read."""
    pixmap = read_picture(path)
    if pixmap.isNull():
        return None
    widget = QLabel()
    widget.setPixmap(pixmap.scaled(width, height, Qt.AspectRatioMode.KeepAspectRatio,
                                   Qt.TransformationMode.SmoothTransformation))
    widget.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignHCenter)
    return widget


def icon_label(name: str, color: str, size: int) -> QLabel:
    widget = QLabel()
    widget.setPixmap(icons.pixmap(name, color, size))
    widget.setFixedSize(size, size)
    widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
    return widget


def column(*widgets: QWidget, spacing: int = 0, margins: int = 0) -> QVBoxLayout:
    layout = QVBoxLayout()
    layout.setSpacing(spacing)
    layout.setContentsMargins(margins, margins, margins, margins)
    for widget in widgets:
        layout.addWidget(widget)
    return layout


class Card(QFrame):
    """A rounded surface holding a vertical layout."""

    def __init__(self, look: Look, name: str = "card"):
        super().__init__()
        self.setObjectName(name)
        self.body = column(spacing=look.px(14), margins=look.px(32))
        self.setLayout(self.body)


class FlowLayout(QLayout):
    """Lays widgets out left to right, wrapping to new lines, like words in a paragraph."""

    def __init__(self, spacing: int):
        super().__init__()
        self._items: list[QLayoutItem] = []
        self._spacing = spacing
        self.setContentsMargins(0, 0, 0, 0)
        # Qt's layouts delete their items when they go; a layout written in Python must do it
        # itself, or each item (96 bytes) stays behind every time a screen is rebuilt.
        self.destroyed.connect(partial(_delete_all, self._items))

    def addItem(self, item: QLayoutItem) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:
        return True

    @guarded
    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), move=False)

    @guarded
    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        height = self._arrange(rect, move=True)
        parent = self.parentWidget()
        if parent is not None and parent.minimumHeight() != height:
            parent.setMinimumHeight(height)  # as WrapLabel: wrapped lines need the room

    def sizeHint(self) -> QSize:
        return self.minimumSize()

    @guarded
    def minimumSize(self) -> QSize:
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, move: bool) -> int:
        x, y, line_height = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            width = min(hint.width(), rect.width())
            height = item.heightForWidth(width) if item.hasHeightForWidth() else hint.height()
            if x > rect.x() and x + width > rect.right() + 1:
                x, y, line_height = rect.x(), y + line_height + self._spacing, 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), QSize(width, height)))
            x += width + self._spacing
            line_height = max(line_height, height)
        return y + line_height - rect.y()


def _delete_all(items: list[QLayoutItem]) -> None:
    while items:
        item = items.pop()
        if shiboken6.isValid(item):
            shiboken6.delete(item)


def link_card(look: Look, link: Link, labels: Labels, language: str,
              compact: bool = False) -> QWidget:
    """A link to take away: its QR code, its caption and its address; `compact` (beside the
    home screen's title): a smaller code, and no address."""
    card = Card(look, "linkCard")
    row = hbox(look.px(24 if compact else 36))
    row.addWidget(QrCode(link.url, look.px(180 if compact else 220), qr_dark(look.theme)))
    words = column(spacing=look.px(10))
    words.addStretch(1)
    if link.caption:
        words.addWidget(label(link.caption.get(language), "body" if compact else "h3"))
    if not compact:
        words.addWidget(label(link.url, "lead"))
    words.addWidget(label(labels.scan_to_open.get(language), "small"))
    words.addStretch(1)
    row.addLayout(words, 1)
    card.body.addLayout(row)
    return card


def scroll(body: QWidget, look: Look) -> QScrollArea:
    """A kinetic scroll area: a finger or mouse drag scrolls, a tap still presses buttons."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    area.setSizeAdjustPolicy(QAbstractScrollArea.SizeAdjustPolicy.AdjustIgnored)
    body.setObjectName("scrollBody")
    area.setWidget(body)
    # A style sheet of its own, blank, makes Qt's style-sheet style look after the viewport
    # like any other widget: without it, the cache entries Qt makes when it paints a viewport
    # are never removed, and each scroll area shown and deleted left 0.6 KiB behind.
    area.viewport().setStyleSheet(" ")
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.LeftMouseButtonGesture)
    scroller = QScroller.scroller(area.viewport())
    properties = scroller.scrollerProperties()
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.MousePressEventDelay, 0.0)
    properties.setScrollMetric(QScrollerProperties.ScrollMetric.DragStartDistance, 0.004)
    scroller.setScrollerProperties(properties)
    return area


def hbox(spacing: int) -> QHBoxLayout:
    layout = QHBoxLayout()
    layout.setSpacing(spacing)
    layout.setContentsMargins(0, 0, 0, 0)
    return layout
