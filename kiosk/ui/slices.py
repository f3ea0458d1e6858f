"""A long screen built a slice at a time: its top with the screen, the rest one turn of the event
loop after another, each turn about a frame long, so that a tap made meanwhile is answered at
once (a page of 500 cards took 1.3 s to build in one piece here, a network of 1,000 places 0.6 s,
ten sections of ten long paragraphs 4 s: docs/performance.md).

A screen gives what it shows below its title as steps, in order, each adding a card, a button
or a paragraph to its layout, with its weight: the characters it lays out, and some for the
widget (laying text out is most of the cost: about 9 µs a character here). What outweighs the
first slice waits for the next turns; the pages staff usually write are built whole at once.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QBoxLayout, QWidget

from ..qt.timers import single_shot

log = logging.getLogger("kiosk")

Step = tuple[int, Callable[[], object]]  # its weight, and what it adds

FIRST = 4_000  # the weight built with the screen: about 35 ms here, about a screenful
TURN = 2_000  # then in each turn of the event loop (at least one step): about a frame
WIDGET = 50  # a widget's weight beside its characters


def weight(*texts: str) -> int:
    """The weight of a widget showing `texts`."""
    return WIDGET + sum(len(text) for text in texts)


class Slices(QObject):
    def __init__(self, screen: QWidget, steps: Iterable[Step], first: int = FIRST,
                 turn: int = TURN):
        """`steps` in order: those weighing `first` in all taken now (an error in them is the
        screen's, as in the rest of its building), the others `turn` at a time in later
        turns while `screen` is shown. By weight, not by the clock: Qt lays out what a turn
        added after it. And only shown: Qt lays a hidden screen out when it is shown, all
        that was added to it hidden in one turn (4 s for 500 cards and 100 long paragraphs),
        a shown one after each turn, what the turn added."""
        super().__init__(screen)
        self.setObjectName("slices")
        self._screen = screen
        self._steps = iter(steps)
        self._turn_weight = turn
        self._timer = single_shot(self, self._turn)
        self.done = False
        if not self._take(first):
            return
        screen.installEventFilter(self)
        if screen.isVisible():
            self._timer.start()

    @property
    def building(self) -> bool:
        """Whether steps are being taken, turn after turn (not done, nor waiting for a show)."""
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and not self.done:
            self._timer.start()
        return False

    def _next(self) -> int | None:
        """Take one step: its weight, or None once there are none left."""
        step = next(self._steps, None)
        if step is None:
            self._stop()
            return None
        step[1]()
        return step[0]

    def _take(self, weight: int) -> bool:
        """Steps weighing `weight` in all (at least one): whether any are left."""
        spent = 0
        while spent < weight:
            taken = self._next()
            if taken is None:
                return False
            spent += taken
        return True

    def _turn(self) -> None:
        if not self._screen.isVisible():
            return  # until it is shown again
        try:
            if self._take(self._turn_weight):
                self._timer.start()
        except Exception:  # what was built stays on the screen; no more is tried
            log.exception("a screen could not be built to its end")
            self._stop()

    def _stop(self) -> None:
        self.done = True
        self._timer.stop()
        self._screen.removeEventFilter(self)  # no more shows to wait for

    def finish(self) -> None:
        """Every step taken now (for a picture of the whole screen: the snapshot command)."""
        while not self.done and self._next() is not None:
            pass


def finish_all(widget: QObject) -> None:
    """Every screen under `widget` built to its end."""
    for slices in widget.findChildren(Slices):
        slices.finish()


def building(widget: QObject) -> bool:
    """Whether a screen under `widget` is being built, turn after turn."""
    return any(slices.building for slices in widget.findChildren(Slices))


def appended(layout: QBoxLayout, widget: QWidget) -> QWidget:
    """`widget` added at the end of `layout`, before the stretch that ends it."""
    layout.insertWidget(layout.count() - 1, widget)
    return widget
