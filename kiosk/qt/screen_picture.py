"""A small picture of what the screen shows, for the desk (/screen.png): taken a moment after
each change of screen and once a minute, as a copy of what the window last drew (3 ms at
3840x2160, kiosk/qt/shown.py), then scaled and made a PNG in a thread, so that a visitor's
tap never waits for it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QBuffer, QIODevice, QObject, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QWidget

from .background import Background
from .shown import shown
from .timers import single_shot

WIDTH = 640  # px across: enough to tell a screen, a calm "back soon" or a black one
EVERY_MS = 60_000
AFTER_A_CHANGE_MS = 1_500


def png(image: QImage, width: int = WIDTH) -> bytes:
    """`image` scaled to `width` across, as PNG bytes (in any thread: QImage is reentrant)."""
    small = image.scaledToWidth(min(width, image.width()),
                                Qt.TransformationMode.SmoothTransformation)
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    small.save(buffer, "PNG")  # type: ignore[call-overload]  # PySide6 6.11 wants a str
    return bytes(buffer.data().data())


class ScreenPicture(QObject):
    def __init__(self, window: QWidget, deliver: Callable[[bytes], None],
                 every_ms: int = EVERY_MS, after_change_ms: int = AFTER_A_CHANGE_MS):
        super().__init__(window)
        self.window = window
        self._deliver = deliver
        self._making = Background("screen picture", self)
        self._making.done.connect(self._made)
        self._soon = single_shot(self, self.take, after_change_ms)
        self._every = single_shot(self, self.take, every_ms)
        self._every.setSingleShot(False)
        self._every.start()
        self._stopped = False

    def changed(self, *_: object) -> None:
        """The screen changed: a picture once it has settled."""
        self._soon.start()

    def take(self) -> None:
        if self._stopped or not self.window.isVisible() or self._making.busy:
            return
        image = shown(self.window)  # a copy: the thread gets plain data only
        self._making.start(lambda: png(image))

    def stop(self) -> None:
        """No more pictures; the one being made, finished now (before the window goes)."""
        self._soon.stop()
        self._every.stop()
        self._stopped = True
        self._making.finish()

    def _made(self, data: object) -> None:
        if isinstance(data, bytes) and data:
            self._deliver(data)
