"""The preview's panel of problems, over the top of the screen: what the last save of the content
file got wrong, each with its line and column, wrapped whole; a click copies one (to paste into
a message, or to find the line)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication, QMouseEvent, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from ..core.content.problems import Loaded

ROWS_HIGH = 6  # problems shown before the list scrolls


def headline(loaded: Loaded, saved: datetime) -> str:
    errors, warnings = loaded.counts()
    at = saved.strftime("%H:%M:%S")
    if errors:
        more = f", and {warnings} warning{'s' * (warnings != 1)}" if warnings else ""
        return (f"The save at {at} is not shown: {errors} problem{'s' * (errors != 1)} to fix"
                f"{more}. Visitors would go on seeing the last good content, below. "
                "Click a problem to copy it.")
    return (f"Shown, with {warnings} warning{'s' * (warnings != 1)} (saved at {at}): visitors "
            "see this screen. Click a warning to copy it.")


class ProblemLine(QLabel):
    """One problem, wrapped; a click copies it."""

    clicked = Signal(str)

    def __init__(self, text: str):
        super().__init__(text)
        self.setObjectName("problem")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setToolTip("Click to copy")

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.clicked.emit(self.text())


class ProblemsPanel(QFrame):
    copied = Signal(str)  # the text of the problem copied

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("problems")
        self.title = QLabel()
        self.title.setWordWrap(True)
        self.hide_button = QPushButton("Hide")
        self.hide_button.clicked.connect(self.hide)
        self.lines = QVBoxLayout()
        self.lines.setContentsMargins(0, 0, 0, 0)
        self.lines.setSpacing(6)
        self._shown: list[ProblemLine] = []
        body = QWidget()
        body.setObjectName("problemLines")
        outer = QVBoxLayout(body)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addLayout(self.lines)
        outer.addStretch(1)
        self.area = QScrollArea()
        self.area.setWidgetResizable(True)
        self.area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.area.setWidget(body)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.hide_button, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.area)
        self.hide()

    def show_problems(self, loaded: Loaded, saved: datetime) -> None:
        """The problems of this save; hidden if it has none."""
        for line in self._shown:
            line.deleteLater()
        self._shown = []
        if not loaded.problems:
            self.hide()
            return
        errors = loaded.content is None
        self.setProperty("kind", "errors" if errors else "warnings")
        self.style().unpolish(self)
        self.style().polish(self)
        self.title.setText(headline(loaded, saved))
        self.hide_button.setVisible(not errors)  # a save that is not shown stays in view
        for problem in loaded.problems:
            line = ProblemLine(str(problem))
            line.clicked.connect(self._copy)
            self.lines.addWidget(line)
            self._shown.append(line)
        self.show()
        self.raise_()
        self.fit_rows()

    def fit_rows(self) -> None:
        """As high as its first ROWS_HIGH problems, wrapped at the width there is now."""
        width = self.area.viewport().width()
        shown = self._shown[:ROWS_HIGH]
        high = sum(line.heightForWidth(width) for line in shown)
        self.area.setFixedHeight(high + self.lines.spacing() * max(0, len(shown) - 1) + 4)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_rows()

    def lines_shown(self) -> list[ProblemLine]:
        return list(self._shown)

    def texts(self) -> list[str]:
        return [line.text() for line in self.lines_shown()]

    def _copy(self, text: str) -> None:
        QGuiApplication.clipboard().setText(text)
        self.copied.emit(text)
