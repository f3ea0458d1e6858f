"""The desk's view of this kiosk, when site.yaml asks for it (`metrics:`): the figures of
kiosk/core/metrics, told what the window and its services do, served with a picture of the
screen by a web server in threads of its own. On the "back soon" screen too: a kiosk stuck
there is what the desk most needs to see.

Started just after the first frame. With the server's threads running for good, Python's
cyclic collector runs on the UI thread only (kiosk/qt/memory.py).
"""

from __future__ import annotations

import hashlib
import logging
import time
from pathlib import Path

from PySide6.QtWidgets import QWidget

from . import __version__
from .core import paths
from .core.content import Content, Loaded
from .core.crash_loop import Fallback
from .core.metrics import KioskFigures, MetricsServer, start_server
from .core.metrics.server import Picture
from .core.site import Site
from .core.usage.record import Session
from .qt import memory
from .qt.screen_picture import ScreenPicture
from .qt.stall_meter import StallMeter
from .qt.taps import TapWatcher

log = logging.getLogger("kiosk")


def version_of(path: Path) -> str:
    """The first 12 hex digits of the file's SHA-256, as `sha256sum` prints them ("" if it
    cannot be read)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()[:12]
    except OSError:
        return ""


def rss_bytes() -> float:
    """Resident memory, from /proc on Linux; NaN elsewhere."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            pages = int(statm.read().split()[1])
    except (OSError, ValueError, IndexError):
        return float("nan")
    import os

    return float(pages * os.sysconf("SC_PAGE_SIZE"))


class Reporting:
    """Kept by the caller while the kiosk runs; `close` stops the server."""

    def __init__(self, site: Site, window: QWidget, content_path: Path, fallback: Fallback,
                 recent_crashes: int):
        assert site.metrics is not None
        self.figures = KioskFigures(site.name, __version__, paths.usage_database().parent,
                                    memory=rss_bytes)
        self.figures.fallback.state(fallback.name.lower())
        self.figures.unclean.set(recent_crashes)
        self.figures.back_soon.set(0 if hasattr(window, "session") else 1)
        self.content_path = content_path
        self.picture = Picture()
        self.server: MetricsServer | None = start_server(site.metrics, self.figures,
                                                         self.picture)
        if self.server is None:
            return
        self.collector = memory.collect_on_ui_thread(window)
        self.stalls = StallMeter(self.figures.stalls, parent=window)
        self.shots = ScreenPicture(window, self.picture.set)
        self.shots.take()
        TapWatcher.of(window).tapped.connect(lambda _x, _y, _control: self.figures.taps.inc())

    @property
    def running(self) -> bool:
        return self.server is not None

    # -- told by the kiosk's services ----------------------------------------------------------
    def content_shown(self, warnings: int) -> None:
        """The content file's version, as it is now, is the content shown."""
        self.figures.content_shown(version_of(self.content_path), warnings, time.time())

    def read(self, loaded: Loaded) -> None:
        """A save of the content file was read: shown (once the visitor there now has gone),
        or refused."""
        self.figures.reload(loaded.content is not None)
        if loaded.content is not None:
            self.content_shown(loaded.counts()[1])

    def shown(self, page: str, detail: str, _language: str, content: Content) -> None:
        self.figures.view(page, detail, bool(content.link_on(page, detail)))
        self.shots.changed()

    def session(self, session: Session) -> None:
        self.figures.session(session.seconds)

    def close(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
            self.shots.stop()
            memory.collect_as_usual(self.collector)
