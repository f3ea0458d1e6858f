"""Screens drawn ahead into pictures, shown on a tap while the live screen takes over.

On a large display a paint of a whole screen costs more than a frame: 20 to 90 ms at 3840x2160
on a machine without a GPU (docs/performance.md), against 4 to 9 ms at 1920x1080. So on a large
window each screen of the kiosk's pages is kept as a picture, drawn when the screen is built
ahead and drawn again once a visitor has left it (scrolled, say). A tap that opens one shows its
picture in a single copy; on the next turn of the event loop the live screen, already laid out
beneath, takes over and looks the same. The live screen's own paint still costs what it costs,
but after the frame that answers the tap, not before it.

With motion on, the picture is where the cross-fade ends (kiosk/ui/fade.py), instead of a
drawing of the live screen made as the fade begins; a screen whose figures count up from zero as
it opens (kiosk/ui/count_up.py) is drawn with them at zero.

Pictures are kept in 16 bits a pixel (RGB565), within BUDGET bytes: at 3840x2160 a screen's
picture (3840x1892, the window less its bar) takes 13.9 MiB (27.7 in 32 bits), so four fit,
the pages a visitor reaches from the home screen (the screen on show has none). A colour may
differ from the live screen's by a few steps of 255 in that frame; drawing a 16-bit picture
costs about what a 32-bit one does (docs/performance.md).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QImage, QPainter, QPaintEvent
from PySide6.QtWidgets import QStackedWidget, QWidget

from ..qt.timers import single_shot
from .count_up import CountUp, as_they_open

# Windows of at least this many pixels keep pictures: 2560x1440 and up. Below, a paint fits in
# a frame and the pictures' memory would buy nothing.
FROM_PIXELS = 2560 * 1440
BUDGET = 64 * 2**20  # bytes of pictures at most: the first screens built ahead keep theirs
FORMAT = QImage.Format.Format_RGB16
# A screen left behind is drawn again this long after, when the visitor is reading the next one
DRAW_AGAIN_AFTER_MS = 400


class Cover(QWidget):
    """A picture over the screens, gone on the next turn of the event loop after it is shown.
    It takes no input: a tap in that moment goes to the live screen beneath."""

    def __init__(self, parent: QWidget):
        super().__init__(parent)
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self._picture = QImage()
        self._handover = single_shot(self, self.take_away)
        self.hide()

    def show_picture(self, picture: QImage) -> None:
        self._picture = picture
        parent = self.parentWidget()
        assert parent is not None  # made over the window
        self.setGeometry(parent.rect())
        self.show()
        self.raise_()

    def take_away(self) -> None:
        self._handover.stop()
        self.hide()
        self._picture = QImage()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.drawImage(0, 0, self._picture)
        painter.end()
        self._handover.start(0)  # the frame is drawn: the live screen next


class ScreenPictures(QObject):
    """The pictures of the screens of one window, by page name, and the cover that shows them
    over `stack` (a QStackedWidget whose current widget is the live screen)."""

    def __init__(self, stack: QStackedWidget):
        super().__init__(stack)
        self._stack = stack
        self._pictures: dict[str, QImage] = {}
        self._left: dict[str, QWidget] = {}  # screens to draw again, the visitor gone from them
        self.cover = Cover(stack)
        self._timer = single_shot(self, self._draw_one_again)
        self.enabled = False
        self.draw_again_ms = DRAW_AGAIN_AFTER_MS  # after a screen is left

    def set_size(self, width: int, height: int) -> None:
        """The window is (re)built or resized: no picture made before may show, and whether
        a window of this size keeps pictures."""
        self.clear()
        self.enabled = width * height >= FROM_PIXELS

    def draw(self, name: str, screen: QWidget) -> None:
        """Draw `screen`, the screen `name`, off screen (its layouts and the glyphs it needs are
        made then, not on the visitor's tap), and keep its picture as it looks when it opens,
        on a large window and within BUDGET (as the window builds it ahead, or a moment after
        the visitor left it)."""
        if not self._fits(screen):
            screen.grab()
            return
        count_ups: list[CountUp] = getattr(screen, "count_ups", [])
        with as_they_open(count_ups):
            self._pictures[name] = screen.grab().toImage().convertToFormat(FORMAT)

    def bytes_kept(self) -> int:
        """The bytes the pictures kept take."""
        return sum(picture.sizeInBytes() for picture in self._pictures.values())

    def _fits(self, screen: QWidget) -> bool:
        """Whether a picture of `screen` is kept: on a large window, within the budget."""
        ratio = screen.devicePixelRatioF()
        size = round(screen.width() * ratio) * round(screen.height() * ratio) * 2
        return self.enabled and self.bytes_kept() + size <= BUDGET

    def has(self, name: str) -> bool:
        return name in self._pictures

    def clear(self) -> None:
        """The screens are built anew: no picture of the old ones may show."""
        self._pictures.clear()
        self._left.clear()
        self._timer.stop()
        self.cover.take_away()

    def take(self, name: str) -> QImage | None:
        """The picture of `name`, about to be shown live; None if there is none. The live
        screen may change (a scroll): its picture is forgotten until the visitor leaves it."""
        self._left.pop(name, None)
        return self._pictures.pop(name, None)

    def show(self, name: str) -> None:
        """Cover the stack with the picture of `name`, now its current screen, if there is
        one."""
        picture = self.take(name)
        if picture is None:
            self.cover.take_away()
        else:
            self.cover.show_picture(picture)

    def left(self, name: str, screen: QWidget) -> None:
        """The visitor left the screen `name`: draw it again a moment later, as it is now."""
        if self.enabled and name not in self._pictures:
            self._left[name] = screen
            self._timer.start(self.draw_again_ms)

    def draw_left_now(self) -> None:
        """Draw again now every screen left behind (the timer does, a moment later)."""
        while self._left:
            self._draw_one_again()

    def _draw_one_again(self) -> None:
        """One screen per turn of the event loop, and never the one on show."""
        for name, screen in list(self._left.items()):
            del self._left[name]
            if screen is not self._stack.currentWidget():
                if self._fits(screen):  # drawn before: not again, if its picture is not kept
                    self.draw(name, screen)
                break
        if self._left:
            self._timer.start(0)
