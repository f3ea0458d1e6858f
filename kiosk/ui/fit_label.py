"""A heading drawn smaller, down to a floor, so that a long one keeps to its lines.

The organisation's name is drawn in the display size on the home screen. A long name (100
characters) took four lines there at 1280x720 and was drawn over the motto, the intro and the
tiles, because the screen had no room left to give. This label takes the largest size, from its
role's down to its floor, at which its text fits in its lines at its width; at the floor, a
text still too long is cut with "…" at the end of its last line.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent

from ..qt.safety import guarded
from .widgets import WrapLabel, as_label, breakable

STEP = 0.94  # each size tried is this much of the one before


class FitLabel(WrapLabel):
    def __init__(self, text: str, role: str, size_px: int, smallest_px: int, lines: int):
        self.whole = breakable(text)
        super().__init__(self.whole)
        as_label(self, role, wrap=True)
        self.size_px, self.smallest_px, self.lines = size_px, smallest_px, lines
        self.drawn_px = size_px

    def _fits(self, px: int, text: str, width: int) -> bool:
        if px == self.font().pixelSize():
            metrics = self.fontMetrics()  # no second font at its own size, as label() has
        else:
            font = QFont(self.font())
            font.setPixelSize(px)
            metrics = QFontMetrics(font)
        box = QRect(0, 0, max(1, width), 1 << 20)
        height = metrics.boundingRect(box, Qt.TextFlag.TextWordWrap, text).height()
        return round(height / metrics.lineSpacing()) <= self.lines  # 1 px over for a line

    def fitted(self, width: int) -> tuple[int, str]:
        """The size and the text that keep to the lines at `width`."""
        px = self.size_px
        while px > self.smallest_px and not self._fits(px, self.whole, width):
            px = max(self.smallest_px, int(px * STEP))
        if self._fits(px, self.whole, width):
            return px, self.whole
        low, high = 0, len(self.whole)  # at the floor: the most of it that fits, and "…"
        while low < high:
            middle = (low + high + 1) // 2
            if self._fits(px, self.whole[:middle].rstrip() + "…", width):
                low = middle
            else:
                high = middle - 1
        return px, self.whole[:low].rstrip() + "…"

    @guarded
    def resizeEvent(self, event: QResizeEvent) -> None:
        margins = self.contentsMargins()
        px, text = self.fitted(self.width() - margins.left() - margins.right())
        if px != self.drawn_px:
            self.drawn_px = px
            self.setStyleSheet("" if px == self.size_px else f"font-size: {px}px;")
        if text != self.text():
            self.setText(text)
        super().resizeEvent(event)
