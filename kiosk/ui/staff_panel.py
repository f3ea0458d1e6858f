"""The staff panel, behind the PIN: content status and problems, reload now, today's usage
figures, restart, exit to the desktop."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ..core.usage.report import Figures
from ..core.words import words
from .buttons import NavButton, button_text
from .cover import Cover
from .theme import Look
from .widgets import Card, column, label, scroll


@dataclass(frozen=True)
class StaffStatus:
    content_path: str
    loaded_at: datetime
    problems: tuple[str, ...]  # of the last save, if it could not be used
    today: Figures
    week: dict[str, Any] | None = None  # the last 7 days' headline (summary.headline)


class StaffPanel(Cover):
    reload = Signal()
    restart = Signal()
    exit_app = Signal()
    closed = Signal()

    def __init__(self, parent: QWidget):
        super().__init__(parent, "staff")
        self.buttons: dict[str, NavButton] = {}
        self.language = "en"

    def open(self, look: Look, language: str, status: StaffStatus) -> None:
        self.language = language
        body = QWidget()
        body.setObjectName("scrollBody")
        inner = column(spacing=look.px(24), margins=look.margin)
        inner.addWidget(label(words("staff.title", language), "h1"))
        inner.addWidget(self._content_card(look, language, status))
        inner.addWidget(self._usage_card(look, language, status.today, status.week))
        inner.addStretch(1)
        body.setLayout(inner)
        row = QGridLayout()  # one row of buttons; two on a portrait screen
        row.setSpacing(look.gap)
        row.setContentsMargins(look.margin, look.px(20), look.margin, look.px(20))
        per_row = 2 if look.portrait else 4
        self.buttons = {}
        for index, (key, icon, signal) in enumerate((
                ("reload", "fa6s.rotate", self.reload),
                ("restart", "fa6s.power-off", self.restart),
                ("exit", "fa6s.right-from-bracket", self.exit_app),
                ("close", "fa6s.xmark", self.closed))):
            button = NavButton(look, words(f"staff.{key}", language), icon)
            button.clicked.connect(self.close_panel if key == "close" else signal)
            row.addWidget(button, index // per_row, index % per_row)
            self.buttons[key] = button
        bar = QWidget()
        bar.setObjectName("navBar")
        bar.setLayout(row)
        self.cover(column(scroll(body, look), bar), look.color("background"))

    def _content_card(self, look: Look, language: str, status: StaffStatus) -> Card:
        card = Card(look)
        card.body.addWidget(label(words("staff.content", language), "h2"))
        text = words("staff.bad" if status.problems else "staff.good", language,
                     path=status.content_path,
                     time=status.loaded_at.strftime("%Y-%m-%d %H:%M:%S"))
        card.body.addWidget(label(text))
        for problem in status.problems[:20]:
            card.body.addWidget(label(problem, "problem"))
        if len(status.problems) > 20:
            card.body.addWidget(label(f"... +{len(status.problems) - 20}", "problem"))
        return card

    def _usage_card(self, look: Look, language: str, today: Figures,
                    week: dict[str, Any] | None) -> Card:
        card = Card(look)
        card.body.addWidget(label(words("staff.usage", language), "h2"))
        if week is not None:
            bounce = week["bounce_share"]
            card.body.addWidget(label(words(
                "staff.week", language, sessions=week["sessions"],
                bounce="–" if bounce is None else f"{100 * bounce:.0f} %"), "large"))
        if not today.sessions:
            card.body.addWidget(label(words("staff.no_sessions", language)))
            return card
        minutes, seconds = divmod(round(today.median_seconds), 60)
        card.body.addWidget(label(words("staff.sessions", language, sessions=today.sessions,
                                        minutes=minutes, seconds=f"{seconds:02d}")))
        screens = ", ".join(f"{name} {count}" for name, count, _ in today.screens[:6])
        card.body.addWidget(label(screens, "muted"))
        languages = ", ".join(f"{lang} {count}" for lang, count in today.languages.items())
        card.body.addWidget(label(languages, "muted"))
        return card

    def checking(self) -> None:
        """Reload was pressed: say so until the panel opens again with what the check found."""
        button = self.buttons["reload"]
        button.setText(button_text("  " + words("staff.checking", self.language)))
        button.setEnabled(False)

    def close_panel(self) -> None:
        self.hide()
        self.closed.emit()
