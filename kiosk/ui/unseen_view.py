"""The preview's "Hours and times", a panel over the screen: what the content file says that no
screen shows (the week's opening hours, the days closed ahead, the idle times), as
kiosk/core/unseen.py words it."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QFrame, QLabel, QPushButton, QVBoxLayout

from ..core import unseen
from ..core.content.model import Content


def heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setObjectName("heading")
    return label


class UnseenView(QFrame):
    """A panel over the right of the screen, beside what it is about."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("unseen")
        self.form = QFormLayout()
        close = QPushButton("Close")
        close.clicked.connect(self.hide)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(heading("Hours and times"))
        layout.addLayout(self.form)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
        self.hide()

    def show_for(self, content: Content, now: datetime | None = None) -> None:
        """The facts of `content` (as of `now`), filled in again each time."""
        now = now or datetime.now()
        hours = content.opening_hours
        while self.form.rowCount():
            self.form.removeRow(0)
        self.form.addRow(heading("Opening hours"))
        self.form.addRow(QLabel(unseen.now_line(hours, now)))
        for day, times in unseen.week(hours):
            self.form.addRow(day, QLabel(times))
        closed = unseen.closed_days(hours, now.date())
        if closed:
            self.form.addRow(heading("Closed on"))
            for line in closed:
                self.form.addRow(QLabel(line))
        self.form.addRow(heading("When nobody touches the screen"))
        for what, value in unseen.timings(content.settings):
            answer = QLabel(value)
            answer.setWordWrap(True)
            self.form.addRow(what, answer)
        self.show()
        self.raise_()

    def texts(self) -> list[str]:
        return [label.text() for label in self.findChildren(QLabel) if label.text()]
