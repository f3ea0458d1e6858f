"""The preview's stage: the kiosk window itself, drawn at the proportions of the display staff
chose and as large as the preview's window allows, showing each new content at once where the
viewer was.

The kiosk's look scales with the shorter side of its window (theme.Look), so a 1920x1080
display shown at half its size is that display's screens, halved. Below half the look stops
scaling down: the stage then keeps the kiosk at half size and scrolls.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QScrollArea, QScrollBar

from ..core.content.model import Content
from ..qt.idle import IdleWatcher
from ..qt.timers import single_shot
from .slices import finish_all
from .theme import DESIGN_SHORT_SIDE
from .window import KioskWindow

DISPLAYS = (
    ("1920×1080", (1920, 1080)),
    ("1080×1920, portrait", (1080, 1920)),
    ("1280×800", (1280, 800)),
    ("3840×2160, 4K", (3840, 2160)),
)
SMALLEST = DESIGN_SHORT_SIDE // 2  # the shorter side below which the look stops scaling down
FIT_MS = 150  # a window being dragged larger is fitted once it rests, not at every step
NEVER = 2**31 - 1  # ms: the preview's kiosk never goes idle by itself (staff are editing)


class Stage(QScrollArea):
    """Holds the kiosk window (None until there is content that can be shown)."""

    shown = Signal()  # the kiosk window showed a screen, or content, or changed its size

    def __init__(self, family: str, display: tuple[int, int] = DISPLAYS[0][1],
                 fit_ms: int = FIT_MS):
        super().__init__()
        self.setObjectName("stage")
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setWidgetResizable(False)
        self.family = family
        self.display = display
        self.kiosk: KioskWindow | None = None
        # Not started: no event filter. "Still there?" and the attract loop come when staff
        # ask for them (the preview's bar), never in the middle of an edit.
        self.idle = IdleWatcher(NEVER, NEVER, parent=self)
        self._fit_timer = single_shot(self, self.fit, fit_ms)

    def show_content(self, content: Content) -> None:
        """`content` on the kiosk at once, on the screen and at the place that was showing."""
        if self.kiosk is None:
            self.kiosk = KioskWindow(content, self.family, self.idle, allow_close=True,
                                     size=self.fitted())
            self.kiosk.shown.connect(self.shown)
            self.setWidget(self.kiosk)
        else:
            where = self._scrolled()
            self.kiosk.show_now(content)
            finish_all(self.kiosk.stack)  # the whole page, so that the place is there again
            bar = self._screen_bar()
            if bar is not None and where:
                bar.setValue(where)
        self.shown.emit()

    def _screen_bar(self) -> QScrollBar | None:
        kiosk = self.kiosk
        area = getattr(kiosk.stack.currentWidget(), "scroll_area", None) if kiosk else None
        return area.verticalScrollBar() if isinstance(area, QScrollArea) else None

    def _scrolled(self) -> int:
        bar = self._screen_bar()
        return bar.value() if bar is not None else 0

    # -- size ----------------------------------------------------------------------------------
    def set_display(self, display: tuple[int, int]) -> None:
        self.display = display
        self.fit()
        self.shown.emit()  # a display of the same proportions: the same size, another scale

    def fitted(self) -> tuple[int, int]:
        """The kiosk's size: the display's proportions, as large as the stage shows whole (at
        most the display's own size), and never so small that the look stops scaling."""
        width, height = self.display
        room = self.maximumViewportSize()
        scale = min(room.width() / width, room.height() / height, 1.0)
        scale = max(scale, SMALLEST / min(width, height))
        return round(width * scale), round(height * scale)

    @property
    def percent(self) -> int:
        """How large the display is shown, in percent of its own size."""
        return round(100 * self.fitted()[0] / self.display[0])

    def fit(self) -> None:
        if self.kiosk is not None and self.kiosk.size().toTuple() != self.fitted():
            self.kiosk.resize(*self.fitted())
            self.shown.emit()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_timer.start()
