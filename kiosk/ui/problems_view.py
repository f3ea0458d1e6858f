"""Shown instead of the kiosk when the content file cannot be used at start-up.

Visitors read a calm sentence; staff find the problems, with their lines, in small print.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QWidget

from ..core.content.model import Labels, Theme
from ..core.content.problems import Loaded, Problem
from .theme import Look
from .widgets import column, label


class CalmScreen(QWidget):
    """"This display is being updated" in both languages; the problems, if any, in small print.

    Also what the kiosk window shows in place of a screen that could not be built."""

    def __init__(self, look: Look, problems: list[Problem] | tuple[Problem, ...] = (),
                 labels: Labels | None = None, more: int = 0):
        super().__init__()
        labels = labels or Labels()
        self.setObjectName("screen")
        layout = column(spacing=look.px(24), margins=look.margin)
        layout.addStretch(1)
        for language in ("en", "zh"):
            message = label(labels.out_of_service.get(language), "h2", wrap=False)
            message.setWordWrap(True)  # a plain label: the fewest parts that could fail
            message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            layout.addWidget(message)
        layout.addStretch(1)
        for problem in problems:
            layout.addWidget(label(str(problem), "problem"))
        if more:
            layout.addWidget(label(f"... and {more:,} more", "problem"))
        self.setLayout(layout)


class ProblemsView(QWidget):
    """The window of the kiosk when it has no content it can show."""

    LINES = 12  # problems shown; the rest are counted

    def __init__(self, loaded: Loaded | None, family: str, size: tuple[int, int],
                 allow_close: bool):
        super().__init__()
        self.setObjectName("kiosk")
        self.allow_close = allow_close
        look = Look(Theme(), *size, family=family)
        self.setStyleSheet(look.style_sheet())
        problems, more = loaded.first_errors(self.LINES) if loaded else ([], 0)
        self.setLayout(column(CalmScreen(look, problems, more=more)))
        self.resize(*size)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.allow_close:
            event.accept()
        else:
            event.ignore()
