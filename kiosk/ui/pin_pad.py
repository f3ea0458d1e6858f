"""The staff PIN pad: ten digits, Clear, OK and Cancel, and a line saying what happened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from ..core.pin import LENGTHS, LOCK_SECONDS, PinGate, Verdict
from ..qt.background import Background
from .cover import Cover
from .theme import Look
from .widgets import Card, NavButton, column, label

WORDS = {
    "title": ("Staff", "工作人员"),
    "enter": ("Enter the staff PIN", "请输入工作人员密码"),
    "checking": ("Checking…", "正在核对…"),
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
    """The PIN is checked off the UI thread (a slow hash on purpose): meanwhile the pad says it
    is checking and its keys wait. A verdict that comes back after the pad was closed (the idle
    reset) is dropped: it never opens the panel for the next visitor."""

    accepted = Signal()
    cancelled = Signal()
    checked = Signal()  # a verdict is shown (or the panel opened)

    def __init__(self, parent: QWidget, gate: PinGate):
        super().__init__(parent, "staff")
        self.gate = gate
        self.typed = ""
        self.keys: dict[str, QPushButton] = {}
        self._checking = Background("PIN check", self)
        self._checking.done.connect(self._verdict)
        self._opened = 0  # which opening of the pad a check belongs to

    def open(self, look: Look, language: str) -> None:
        self.typed = ""
        self._opened += 1
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
        self.cover(layout, look.scrim(200))

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
        typed, opened, gate = self.typed, self._opened, self.gate
        if not self._checking.start(lambda: (opened, gate.check(typed))):
            return  # a check is under way: its verdict comes
        self.typed = ""
        self._show_typed()
        self.message.setText(words("checking", self.language))
        self._enable(False)

    def _verdict(self, result: tuple[int, Verdict] | None) -> None:
        opened, verdict = result if result is not None else (self._opened, Verdict(damaged=True))
        if opened != self._opened or not self.isVisible():
            return  # the pad was closed while the PIN was checked
        if verdict.ok:
            self.hide()
            self.accepted.emit()
        elif verdict.no_pin or verdict.damaged or verdict.locked_seconds:
            self._refuse(verdict)
        else:
            self.message.setText(message(verdict, self.language))
            self._enable(True)
        self.checked.emit()

    def _refuse(self, verdict: Verdict) -> None:
        self.message.setText(message(verdict, self.language))
        self._enable(False)

    def _enable(self, enabled: bool) -> None:
        for key in self.keys.values():
            key.setEnabled(enabled)

    def _show_typed(self) -> None:
        self.dots.setText("●" * len(self.typed) or " ")

    def close_pad(self) -> None:
        self.hide()
        self.cancelled.emit()
