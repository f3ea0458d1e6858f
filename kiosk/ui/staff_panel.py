"""The staff panel, behind the PIN: content status and problems, reload now, today's usage
figures, restart, exit to the desktop."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QGridLayout, QWidget

from ..core.usage.report import Figures
from .cover import Cover
from .theme import Look
from .widgets import Card, NavButton, button_text, column, label, scroll

WORDS = {
    "title": ("Staff panel", "工作人员面板"),
    "content": ("Content", "内容"),
    "good": ("In use: {path}, loaded {time}. The last save had no problems.",
             "正在使用：{path}，载入于 {time}。最近一次保存没有问题。"),
    "bad": ("In use: {path}, loaded {time}. The last save could not be used; the kiosk keeps "
            "showing the content before it. Fix these and save again:",
            "正在使用：{path}，载入于 {time}。最近一次保存无法使用，屏幕继续显示之前的内容。"
            "请修改以下问题后再保存："),
    "usage": ("Today", "今日"),
    "sessions": ("{sessions} visitor sessions, median {minutes} min {seconds} s",
                 "{sessions} 次访问，中位时长 {minutes} 分 {seconds} 秒"),
    "no_sessions": ("No visitor sessions yet today.", "今天还没有访问。"),
    "reload": ("Reload content", "重新载入内容"),
    "checking": ("Checking the content file…", "正在检查内容文件…"),
    "restart": ("Restart", "重新启动"),
    "exit": ("Exit to desktop", "退出到桌面"),
    "close": ("Close", "关闭"),
}


def words(key: str, language: str) -> str:
    english, chinese = WORDS[key]
    return chinese if language == "zh" else english


@dataclass(frozen=True)
class StaffStatus:
    content_path: str
    loaded_at: datetime
    problems: tuple[str, ...]  # of the last save, if it could not be used
    today: Figures


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
        inner.addWidget(label(words("title", language), "h1"))
        inner.addWidget(self._content_card(look, language, status))
        inner.addWidget(self._usage_card(look, language, status.today))
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
            button = NavButton(look, words(key, language), icon)
            button.clicked.connect(self.close_panel if key == "close" else signal)
            row.addWidget(button, index // per_row, index % per_row)
            self.buttons[key] = button
        bar = QWidget()
        bar.setObjectName("navBar")
        bar.setLayout(row)
        self.cover(column(scroll(body, look), bar), look.color("background"))

    def _content_card(self, look: Look, language: str, status: StaffStatus) -> Card:
        card = Card(look)
        card.body.addWidget(label(words("content", language), "h2"))
        text = words("bad" if status.problems else "good", language) \
            .replace("{path}", status.content_path) \
            .replace("{time}", status.loaded_at.strftime("%Y-%m-%d %H:%M:%S"))
        card.body.addWidget(label(text))
        for problem in status.problems[:20]:
            card.body.addWidget(label(problem, "problem"))
        if len(status.problems) > 20:
            card.body.addWidget(label(f"... +{len(status.problems) - 20}", "problem"))
        return card

    def _usage_card(self, look: Look, language: str, today: Figures) -> Card:
        card = Card(look)
        card.body.addWidget(label(words("usage", language), "h2"))
        if not today.sessions:
            card.body.addWidget(label(words("no_sessions", language)))
            return card
        minutes, seconds = divmod(round(today.median_seconds), 60)
        card.body.addWidget(label(words("sessions", language)
                                  .replace("{sessions}", str(today.sessions))
                                  .replace("{minutes}", str(minutes))
                                  .replace("{seconds}", f"{seconds:02d}")))
        screens = ", ".join(f"{name} {count}" for name, count, _ in today.screens[:6])
        card.body.addWidget(label(screens, "muted"))
        languages = ", ".join(f"{lang} {count}" for lang, count in today.languages.items())
        card.body.addWidget(label(languages, "muted"))
        return card

    def checking(self) -> None:
        """Reload was pressed: say so until the panel opens again with what the check found."""
        button = self.buttons["reload"]
        button.setText(button_text(f"  {words('checking', self.language)}"))
        button.setEnabled(False)

    def close_panel(self) -> None:
        self.hide()
        self.closed.emit()
