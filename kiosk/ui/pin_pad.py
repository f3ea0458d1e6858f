"""The staff PIN pad: ten digits, Clear, OK and Cancel, and a line saying what happened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from ..pin import LENGTHS, LOCK_SECONDS, PinGate, Verdict
from .cover import Cover
from .theme import Look
from .widgets import Card, NavButton, column, label

WORDS = {
    "title": ("Staff", "工作人员"),
    "enter": ("Enter the staff PIN", "请输入工作人员密码"),
    "clear": ("Clear", "清除"),
    "ok": ("OK", "确定"),
    "cancel": ("Cancel", "取消"),
    "no_pin": ("No staff PIN is set on this kiosk. Set one on its computer with: kiosk set-pin",
               "本机尚未设置工作人员密码。请在电脑上运行 kiosk set-pin 设置。"),
    "damaged": ("This kiosk's settings file is damaged, so the PIN cannot be checked. Fix or "
                "delete it on its computer, then run: kiosk set-pin",
                "本机的设置文件已损坏，无法核对密码。"
                "请在电脑上修复或删除该文件，然后运行 kiosk set-pin。"),
    "wrong": ("Wrong PIN. {tries} more wrong and the pad locks for {minutes} minutes.",
              "密码错误。再错 {tries} 次将锁定 {minutes} 分钟。"),
    "locked": ("Too many wrong PINs. Try again in {time}.",
               "错误次数过多。请在 {time} 后重试。"),
}


def words(key: str, language: str) -> str:
    english, chinese = WORDS[key]
    return chinese if language == "zh" else english


def message(verdict: Verdict, language: str) -> str:
    if verdict.damaged:
        return words("damaged", language)
    if verdict.no_pin:
        return words("no_pin", language)
    if verdict.locked_seconds:
        minutes, seconds = divmod(verdict.locked_seconds, 60)
        shown = f"{minutes}:{seconds:02d}"
        return words("locked", language).replace("{time}", shown)
    return words("wrong", language).replace("{tries}", str(verdict.tries_left)) \
        .replace("{minutes}", str(LOCK_SECONDS // 60))


class PinPad(Cover):
    accepted = Signal()
    cancelled = Signal()

    def __init__(self, parent: QWidget, gate: PinGate):
        super().__init__(parent, "staff")
        self.gate = gate
        self.typed = ""
        self.keys: dict[str, QPushButton] = {}

    def open(self, look: Look, language: str) -> None:
        self.typed = ""
        card = Card(look, "overlayCard")
        card.body.setContentsMargins(*[look.px(48)] * 4)
        card.body.setSpacing(look.px(20))
        title = label(words("title", language), "h1")
        self.dots = label("", "pinDots")
        self.message = label(words("enter", language), "muted")
        for widget in (title, self.dots, self.message):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card.body.addWidget(widget)
        grid = QGridLayout()
        grid.setSpacing(look.px(16))
        names = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        self.keys = {}
        for index, name in enumerate(names):
            key = QPushButton(words(name, language) if name in WORDS else name)
            key.setObjectName("pinKey")
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.clicked.connect(lambda _=False, name=name: self.press(name))
            grid.addWidget(key, index // 3, index % 3)
            self.keys[name] = key
        card.body.addLayout(grid)
        self.cancel = NavButton(look, words("cancel", language), "fa6s.xmark")
        self.cancel.clicked.connect(self.close_pad)
        card.body.addWidget(self.cancel, alignment=Qt.AlignmentFlag.AlignCenter)
        layout = column()
        layout.addWidget(card, alignment=Qt.AlignmentFlag.AlignCenter)
        self.language = language
        self._show_typed()
        refused = self.gate.status()
        if refused is not None:
            self._refuse(refused)
        self.cover(layout, look.color("text", 200))

    def press(self, name: str) -> None:
        if name == "clear":
            self.typed = ""
        elif name == "ok":
            self._submit()
            return
        elif len(self.typed) < LENGTHS[1]:
            self.typed += name
        self._show_typed()

    def _submit(self) -> None:
        verdict = self.gate.check(self.typed)
        self.typed = ""
        self._show_typed()
        if verdict.ok:
            self.hide()
            self.accepted.emit()
        else:
            self.message.setText(message(verdict, self.language))
            if verdict.no_pin or verdict.damaged or verdict.locked_seconds:
                self._refuse(verdict)

    def _refuse(self, verdict: Verdict) -> None:
        self.message.setText(message(verdict, self.language))
        for key in self.keys.values():
            key.setEnabled(False)

    def _show_typed(self) -> None:
        self.dots.setText("●" * len(self.typed) or " ")

    def close_pad(self) -> None:
        self.hide()
        self.cancelled.emit()
