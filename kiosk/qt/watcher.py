"""Notices every save of the content file, however it was saved, and loads it off the UI thread.

QFileSystemWatcher stops watching a file once an editor or a sync tool renames another file
over it, or deletes and writes it anew: the second save would be missed. A watch also follows
the folder it was set on, not the path: when deployment tools publish a new content folder by
renaming it over the old one or by swapping a symlink, the old folder is watched for ever. So
the file, its folder and the folder above are watched by path, every watch is set again on the
path after every change (following whatever folder the path now names), and changes are
debounced (a slow writer saves in several pieces). The file is read and checked in a thread, so
that a visitor never sees the screen freeze while a large save is checked. A file that does not
load is reported and changes nothing: the kiosk keeps the last good content.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from ..core import content as contents
from ..core.content import Content, Loaded, Problem
from ..core.site import with_site
from .background import Background

DEBOUNCE_MS = 300


class ContentWatcher(QObject):
    loaded = Signal(object)  # a new, valid Content
    failed = Signal(object)  # the Loaded of a save that cannot be used: its problems
    checked = Signal()  # after every load, whatever it found
    read = Signal(object)  # the Loaded of every load of the file: its content and problems

    def __init__(self, path: Path, current: Content | None, debounce_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None, site: Path | None = None):
        """`site`: the kiosk's site file (kiosk/core/site), applied to each load; a save of
        it beside the content file is noticed as a save of the content."""
        super().__init__(parent)
        self.path = Path(path).absolute()  # not resolved: a symlink in it is followed anew
        self.site = site
        self.current = current
        self.last_problems: list[Problem] = []
        self.loaded_at: datetime | None = None  # of the content last loaded by this watcher
        self._watched = list(dict.fromkeys([self.path, self.path.parent, self.path.parent.parent]))
        self._watcher = QFileSystemWatcher(self)
        self._watch()
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.reload)
        self._loading = Background("content check", self)
        self._loading.done.connect(self._loaded)
        self._again = False

    def _watch(self) -> None:
        """Set every watch again on its path: the file or folder there now may be new."""
        old = self._watcher.files() + self._watcher.directories()
        if old:
            self._watcher.removePaths(old)
        for path in self._watched:
            if path.exists():
                self._watcher.addPath(str(path))

    def _changed(self, _path: str = "") -> None:
        self._watch()  # renamed over, recreated, or a new folder: watch what is there now
        self._debounce.start()

    def reload(self) -> None:
        """Read and check the file in a thread; `loaded` if it is valid and new, else `failed`
        (nothing if it is missing for a moment), and `checked` in every case."""
        self._watch()
        path, site = self.path, self.site  # the job is given plain data only: background.py
        # contents.load: the checker and PyYAML imported at the first save, not with the kiosk
        if not self._loading.start(lambda: with_site(contents.load(path), site)
                                   if path.exists() else None):
            self._again = True  # saved again while being checked: check once more after

    def _loaded(self, result: Loaded | None) -> None:
        if result is None:
            pass  # deleted for a moment: a save by rename or by writing anew is under way
        elif result.content is None:
            self.last_problems = result.errors
            self.read.emit(result)
            self.failed.emit(result)
        else:
            self.last_problems = []
            self.read.emit(result)
            if result.content != self.current:
                self.current = result.content
                self.loaded_at = datetime.now()
                self.loaded.emit(result.content)
        if self._again:
            self._again = False
            self.reload()
        else:
            self.checked.emit()
