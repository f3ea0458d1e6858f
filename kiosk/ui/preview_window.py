"""`kiosk preview`: the kiosk in a window beside the editor, following the content file.

Every save is read and checked (kiosk/qt/watcher.py) and shown at once on the screen that was
being looked at; a save that cannot be used leaves the last good screen in place, with its
problems over it (kiosk/ui/problems_panel.py). A bar switches the display's size, the
language and larger text, and opens what staff cannot otherwise see without waiting: the
attract loop, "Still there?", the closed screen, and the hours and idle times.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from functools import partial
from pathlib import Path
from typing import cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLayout, QMainWindow, QWidget

from ..core.content import Loaded
from ..core.hours import next_opening
from ..qt.watcher import DEBOUNCE_MS, ContentWatcher
from .preview_stage import DISPLAYS, FIT_MS, Stage
from .problems_panel import ProblemsPanel
from .theme import PREVIEW_SHEET
from .unseen_view import UnseenView

NOTHING_YET = ("Nothing to show yet: the content file cannot be used (its problems are below). "
               "Fix them and save: the kiosk appears here.")


class PreviewWindow(QMainWindow):
    def __init__(self, path: Path, family: str, display: tuple[int, int] = DISPLAYS[0][1],
                 language: str | None = None, debounce_ms: int = DEBOUNCE_MS,
                 fit_ms: int = FIT_MS, site: Path | None = None):
        """`language`: the one to show first (None: the content's default)."""
        super().__init__()
        self.path = Path(path).absolute()
        self.setWindowTitle(f"Preview of {self.path.name} ({self.path.parent})")
        self.setStyleSheet(PREVIEW_SHEET)
        self.first_language = language
        self.debounce_ms = debounce_ms
        self.site = site  # the kiosk's site file, applied to each reading
        self.watcher: ContentWatcher | None = None
        self._reload_asked = False
        self.stage = Stage(family, display, fit_ms)
        self.stage.setWidget(QLabel(NOTHING_YET))
        self.stage.shown.connect(self._sync)
        self.panel = ProblemsPanel()
        self.panel.copied.connect(lambda text: self.statusBar().showMessage(f"Copied: {text}",
                                                                           6000))
        self.unseen = UnseenView()
        self.where = QLabel()
        self.statusBar().addPermanentWidget(self.where)
        self.actions_by_name: dict[str, QAction] = {}
        self._bar()
        middle = QWidget()
        grid = QGridLayout(middle)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addWidget(self.stage, 0, 0)
        grid.addWidget(self.panel, 0, 0, Qt.AlignmentFlag.AlignTop)  # the kiosk's bar free
        grid.addWidget(self.unseen, 0, 0,
                       Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.setCentralWidget(middle)
        # Its parts' sizes never size the window (nor trouble platforms without size hints).
        cast(QLayout, self.layout()).setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)

    # -- the bar ------------------------------------------------------------------------------
    def _bar(self) -> None:
        bar = self.addToolBar("Preview")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.display_box = QComboBox()
        for name, size in DISPLAYS:
            self.display_box.addItem(name, size)
        index = next((i for i, (_, size) in enumerate(DISPLAYS) if size == self.stage.display),
                     None)
        if index is None:  # a size given on the command line
            self.display_box.addItem("{}×{}".format(*self.stage.display), self.stage.display)
            index = len(DISPLAYS)
        self.display_box.setCurrentIndex(index)
        self.display_box.currentIndexChanged.connect(
            lambda i: self.stage.set_display(self.display_box.itemData(i)))
        self.display_box.setToolTip("The display's size (Ctrl+1 to Ctrl+4)")
        bar.addWidget(QLabel(" Display "))
        bar.addWidget(self.display_box)
        for number in range(len(DISPLAYS)):
            self._action(f"display-{number + 1}", f"Display {number + 1}", f"Ctrl+{number + 1}",
                         partial(self.display_box.setCurrentIndex, number), show=False)
        bar.addSeparator()
        languages = QActionGroup(self)
        for language, name in (("en", "English"), ("zh", "中文")):
            action = self._action(language, name, "", partial(self.use_language, language),
                                  checkable=True)
            languages.addAction(action)
        self._action("language", "Switch language", "Ctrl+L", self._toggle_language, show=False)
        self._action("larger", "Larger text", "Ctrl+T", self._toggle_larger_text,
                     checkable=True)
        bar.addSeparator()
        self._action("home", "Home", "Ctrl+H", lambda: self._kiosk(lambda k: k.go_home()))
        self._action("attract", "Attract loop", "Ctrl+A",
                     lambda: self._kiosk(lambda k: k.start_attract()))
        self._action("still-there", "Still there?", "Ctrl+I",
                     lambda: self._kiosk(lambda k: k.ask_still_there()))
        self._action("closed", "Closed screen", "Ctrl+K", self._toggle_closed, checkable=True)
        self._action("hours", "Hours and times", "Ctrl+O",
                     lambda: self._kiosk(lambda k: self.unseen.show_for(k.content)))
        bar.addSeparator()
        self._action("reload", "Reload", "F5", self.reload)
        for action in self.actions_by_name.values():
            if action.property("show"):
                bar.addAction(action)

    def _action(self, name: str, text: str, keys: str, slot: Callable[[], object],
                checkable: bool = False, show: bool = True) -> QAction:
        action = QAction(text, self)
        action.setCheckable(checkable)
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setToolTip(f"{text} ({keys})")
        action.setProperty("show", show)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)  # its keys work wherever the focus is in the window
        self.actions_by_name[name] = action
        return action

    def _kiosk(self, do: Callable[..., object]) -> None:
        if self.stage.kiosk is not None:
            do(self.stage.kiosk)

    def use_language(self, language: str) -> None:
        kiosk = self.stage.kiosk
        if kiosk is not None and kiosk.language != language:
            kiosk.toggle_language()

    def _toggle_language(self) -> None:
        self._kiosk(lambda k: k.toggle_language())

    def _toggle_larger_text(self) -> None:
        self._kiosk(lambda k: k.toggle_larger_text())

    def _toggle_closed(self) -> None:
        kiosk = self.stage.kiosk
        if kiosk is None:
            return
        if kiosk.closed:
            kiosk.set_closed(False)
        else:
            now = datetime.now()
            tomorrow_nine = datetime.combine(now.date() + timedelta(days=1),
                                             datetime.min.time()).replace(hour=9)
            kiosk.go_home()
            kiosk.set_closed(True, next_opening(kiosk.content.opening_hours, now) or tomorrow_nine,
                             now)
        self._sync()

    def _sync(self) -> None:
        """The bar as the kiosk is now (a visitor's button on the kiosk changes it too)."""
        kiosk = self.stage.kiosk
        for name in ("en", "zh", "larger", "closed"):
            self.actions_by_name[name].setEnabled(kiosk is not None)
        if kiosk is not None:
            self.actions_by_name[kiosk.language].setChecked(True)
            self.actions_by_name["larger"].setChecked(kiosk.larger_text)
            self.actions_by_name["closed"].setChecked(kiosk.closed)
        self.where.setText("{}×{} shown at {}%".format(*self.stage.display, self.stage.percent))

    # -- the content file ---------------------------------------------------------------------
    def start(self, loaded: Loaded) -> None:
        """Show what the file holds now, and follow its saves from now on."""
        self.read(loaded)
        self.watcher = ContentWatcher(self.path, loaded.content, self.debounce_ms, parent=self,
                                      site=self.site)
        self.watcher.read.connect(self.read)

    def reload(self) -> None:
        """Read the file again and show it even if it is unchanged (a picture replaced)."""
        if self.watcher is not None:
            self._reload_asked = True
            self.watcher.reload()

    def read(self, loaded: Loaded) -> None:
        """One reading of the file: its content shown if it can be, its problems over it."""
        forced, self._reload_asked = self._reload_asked, False
        kiosk, content = self.stage.kiosk, loaded.content
        if content is not None and (kiosk is None or forced or content != kiosk.content):
            self.stage.show_content(content)
            if kiosk is None and self.first_language:
                self.use_language(self.first_language)
        self.panel.show_problems(loaded, datetime.now())
        if self.unseen.isVisible() and self.stage.kiosk is not None:
            self.unseen.show_for(self.stage.kiosk.content)  # the hours as saved now
        errors, warnings = loaded.counts()
        state = (f"not shown: {errors} problem{'s' * (errors != 1)}" if content is None
                 else "shown" + (f", {warnings} warning{'s' * (warnings != 1)}" if warnings
                                 else ""))
        self.statusBar().showMessage(
            f"{self.path.name}, read at {datetime.now():%H:%M:%S}: {state}")
        self._sync()
