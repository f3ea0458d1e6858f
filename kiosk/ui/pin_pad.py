"""The staff PIN pad: ten digits, Clear, OK and Cancel, and a line saying what happened."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QGridLayout, QPushButton, QWidget

from ..core.pin import LENGTHS, LOCK_SECONDS, PinGate, Verdict
from ..core.words import words
from ..qt.background import Background
from .buttons import NavButton
from .cover import Cover
from .theme import Look
from .widgets import Card, column, label


def message(verdict: Verdict, language: str) -> str:
    if verdict.damaged:
        return words("pin.damaged", language)
    if verdict.no_pin:
        return words("pin.no_pin", language)
    if verdict.locked_seconds:
        minutes, seconds = divmod(verdict.locked_seconds, 60)
        return words("pin.locked", language, time=f"{minutes}:{seconds:02d}")
    return words("pin.wrong", language, tries=verdict.tries_left, minutes=LOCK_SECONDS // 60)


class PinPad(Cover):
    """The PIN is checked off the UI thread (a slow hash on purpose): meanwhile the pad says it
    is checking and its keys wait. A verdict that comes back after the pad was closed (the idle
    reset) is dropped: it never opens the panel for the next visitor."""

    accepted = Signal()
    cancelled = Signal()
    checked = Signal()  # a verdict is shown (or the panel opened)
    dropped = Signal()  # a verdict came back after the pad was closed, and was let go

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
        title = label(words("pin.title", language), "h1")
        self.dots = label("", "pinDots")
        self.message = label(words("pin.enter", language), "muted")
        for widget in (title, self.dots, self.message):
            widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            card.body.addWidget(widget)
        grid = QGridLayout()
        grid.setSpacing(look.px(16))
        names = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "ok"]
        self.keys = {}
        for index, name in enumerate(names):
            key = QPushButton(words(f"pin.{name}", language) if name in ("clear", "ok") else name)
            key.setObjectName("pinKey")
            key.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            key.clicked.connect(lambda _=False, name=name: self.press(name))
            grid.addWidget(key, index // 3, index % 3)
            self.keys[name] = key
        card.body.addLayout(grid)
        self.cancel = NavButton(look, words("pin.cancel", language), "fa6s.xmark")
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
        self.message.setText(words("pin.checking", self.language))
        self._enable(False)

    def _verdict(self, result: tuple[int, Verdict] | None) -> None:
        opened, verdict = result if result is not None else (self._opened, Verdict(damaged=True))
        if opened != self._opened or not self.isVisible():
            self.dropped.emit()  # the pad was closed while the PIN was checked
            return
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
