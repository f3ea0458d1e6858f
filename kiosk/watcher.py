"""Notices every save of the content file, however it was saved, and loads it.

QFileSystemWatcher stops watching a file once an editor or a sync tool renames another file
over it, or deletes and writes it anew: the second save would be missed. So the folder is
watched too, the file's path is added again after every change, and changes are debounced (a
slow writer saves in several pieces). A file that does not load is reported and changes
nothing: the kiosk keeps the last good content.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from .content import Content, Problem, load

DEBOUNCE_MS = 300


class ContentWatcher(QObject):
    loaded = Signal(object)  # a new, valid Content
    failed = Signal(list)  # the problems of a save that cannot be used

    def __init__(self, path: Path, current: Content | None, debounce_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None):
        super().__init__(parent)
        self.path = Path(path).resolve()
        self.current = current
        self.last_problems: list[Problem] = []
        self.loaded_at: datetime | None = None  # of the content last loaded by this watcher
        self._watcher = QFileSystemWatcher(self)
        self._watcher.addPath(str(self.path.parent))
        self._watch_file()
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.reload)

    def _watch_file(self) -> None:
        if self.path.exists() and str(self.path) not in self._watcher.files():
            self._watcher.addPath(str(self.path))

    def _changed(self, _path: str = "") -> None:
        self._watch_file()  # renamed over or recreated: watch the new file
        self._debounce.start()

    def reload(self) -> None:
        """Load the file now; emit `loaded` if it is valid and new, else `failed`."""
        self._watch_file()
        if not self.path.exists():
            return  # deleted for a moment: a save by rename or by writing anew is under way
        result = load(self.path)
        if result.content is None:
            self.last_problems = result.errors
            self.failed.emit(result.errors)
            return
        self.last_problems = []
        if result.content != self.current:
            self.current = result.content
            self.loaded_at = datetime.now()
            self.loaded.emit(result.content)
