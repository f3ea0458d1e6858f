"""Figures that count up from zero when their screen opens."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from PySide6.QtCore import QEasingCurve, QObject, QVariantAnimation
from PySide6.QtWidgets import QLabel

NUMBER = re.compile(r"^(\D*?)(\d[\d,]*(?:\.\d+)?)(.*)$")


def partial(text: str, progress: float) -> str:
    """`text` with its number at `progress` (0 to 1) of its value: "770,000" -> "385,000"."""
    match = NUMBER.match(text)
    if match is None:
        return text
    prefix, number, suffix = match.groups()
    decimals = len(number.partition(".")[2])
    value = float(number.replace(",", "")) * progress
    shown = f"{value:,.{decimals}f}" if "," in number else f"{value:.{decimals}f}"
    return prefix + shown + suffix


class CountUp(QObject):
    """Counts a label's number up; the label keeps the width of its final text."""

    def __init__(self, target: QLabel, duration_ms: int):
        super().__init__(target)
        self.target = target
        self.final = target.text()
        self.animation = QVariantAnimation(self)
        self.animation.setDuration(duration_ms)
        self.animation.setStartValue(0.0)
        self.animation.setEndValue(1.0)
        self.animation.setEasingCurve(QEasingCurve.Type.OutCubic)
        self.animation.valueChanged.connect(
            lambda progress: target.setText(partial(self.final, progress)))

    def counts(self) -> bool:
        """Whether the label has a number to count (else it shows its text as it is)."""
        return NUMBER.match(self.final) is not None

    def at_zero(self) -> None:
        """The label at the value it opens with, as wide as its final text (however few the
        digits shown); the animation says nothing of its start value until its first step."""
        self.target.setText(self.final)
        self.target.setMinimumWidth(self.target.sizeHint().width())  # styled by now
        self.target.setText(partial(self.final, 0.0))

    def start(self) -> None:
        if self.counts():
            self.at_zero()  # from the first frame
            self.animation.start()


@contextmanager
def as_they_open(count_ups: Sequence[CountUp]) -> Iterator[None]:
    """The figures at the value they open with (zero), for a picture of their screen drawn
    ahead (kiosk/ui/pictures.py); at their final value again afterwards."""
    counting = [count_up for count_up in count_ups if count_up.counts()]
    for count_up in counting:
        count_up.at_zero()
    try:
        yield
    finally:
        for count_up in counting:
            count_up.target.setText(count_up.final)
