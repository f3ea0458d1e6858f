"""How one screen gives way to the next: a cross-fade where motion is on (fade.py), and on a
large display the new screen's picture for its first frame (pictures.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QStackedWidget, QWidget

from ..qt.shown import shown
from .overlays import Overlays
from .pictures import ScreenPictures

if TYPE_CHECKING:  # imported when first needed, after the first frame
    from .fade import CrossFade


class Transitions:
    def __init__(self, stack: QStackedWidget, overlays: Overlays, duration_ms: int):
        self._stack = stack
        self._overlays = overlays
        self._duration_ms = duration_ms
        self.pictures = ScreenPictures(stack)  # on a large display: kiosk/ui/pictures.py
        self.fade: CrossFade | None = None  # the cross-fade under way, if any

    def leave(self, old: QWidget, motion: bool) -> None:
        """Cross-fade from the screen going away (`old`, on show: as the window shows it, not
        painted again) to the one coming."""
        self.finish()
        if not (motion and old.isVisible()):
            return
        from .fade import CrossFade

        self.fade = CrossFade(self._stack, shown(old), self._duration_ms)
        self.fade.finished.connect(self._forget)
        self._overlays.keep_countdown_on_top()

    def finish(self) -> None:
        """The cross-fade under way, if any, ended at once (a touch ends it too)."""
        if self.fade is not None:
            self.fade.end()

    def _forget(self) -> None:
        if self.fade is not None:
            self.fade.deleteLater()
        self.fade = None

    def arrive(self, page: str | None, before: QWidget | None, left: str | None) -> None:
        """The stack shows the new screen (a `page`'s, or None for a detail): on a large
        display its picture for this frame, the live screen from the next; the page `left`
        behind (`before`) is drawn again a moment later."""
        now = self._stack.currentWidget()
        if now is before:
            return
        if self.fade is not None:  # the picture is where the fade ends
            self.fade.end_on(self.pictures.take(page) if page else None)
        elif page:
            self.pictures.show(page)
        else:
            self.pictures.cover.take_away()
        if left is not None and before is not None:
            self.pictures.left(left, before)
