"""The kiosk's figures for Prometheus, made with its official client library, all named
kiosk_*. Labels stay bounded: a page's name (five at most), an outcome, a state; never a
visitor, a detail's id or any text from the content."""

from __future__ import annotations

import shutil
import time
from collections.abc import Callable
from pathlib import Path

from prometheus_client import (
    CollectorRegistry,
    Counter,
    Enum,
    Gauge,
    Histogram,
    Info,
    disable_created_metrics,
)
from prometheus_client.exposition import generate_latest

from .stalls import LongestStall

PAGES = ("home", "mission", "strategies", "clusters", "network")
SESSION_BUCKETS = (10, 30, 60, 120, 300, 600, 1800)  # seconds: a glance to a long read
FALLBACKS = ("none", "last_good", "back_soon")  # kiosk/core/crash_loop.py's Fallback


class KioskFigures:
    """One kiosk's metrics in a registry of their own. Every method may be called from the
    UI thread while a scrape reads them from the server's (the client library locks)."""

    def __init__(self, name: str, version: str, usage_folder: Path,
                 memory: Callable[[], float] = lambda: 0.0,
                 clock: Callable[[], float] = time.monotonic):
        disable_created_metrics()  # type: ignore[no-untyped-call]  # no *_created series
        self.registry = CollectorRegistry(auto_describe=True)
        r = self.registry
        self.stalls = LongestStall()
        self._clock = clock
        Info("kiosk", "This kiosk: its name (site.yaml) and the program's version.",
             registry=r).info({"name": name, "program_version": version})
        Gauge("kiosk_up", "1 while the kiosk runs (the scrape answering says as much).",
              registry=r).set(1)
        self.content = Gauge("kiosk_content_info", "The content shown: the first 12 hex digits "
                             "of the SHA-256 of its file, as `sha256sum content.yaml` prints.",
                             ["version"], registry=r)
        self.loaded_at = Gauge("kiosk_content_loaded_timestamp_seconds",
                               "When the content shown was loaded (Unix time).", registry=r)
        self.warnings = Gauge("kiosk_content_warnings", "Warnings of the content shown.",
                              registry=r)
        self.last_ok = Gauge("kiosk_content_last_reload_ok", "1 if the last save of the content "
                             "file was shown (or is waiting for the visitor to leave), 0 if it was "
                             "refused.", registry=r)
        self.last_ok.set(1)
        self.reloads = Counter("kiosk_content_reloads", "Saves of the content file read, by "
                               "outcome.", ["outcome"], registry=r)
        for outcome in ("shown", "refused"):
            self.reloads.labels(outcome)
        self.sessions = Counter("kiosk_sessions", "Visitor sessions ended.", registry=r)
        self.session_seconds = Histogram("kiosk_session_seconds", "How long visitor sessions "
                                         "lasted.", buckets=SESSION_BUCKETS, registry=r)
        self.views = Counter("kiosk_views", "Screens shown to visitors, by page; kind is page "
                             "or detail.", ["page", "kind"], registry=r)
        self.taps = Counter("kiosk_taps", "Touches and clicks on the screen.", registry=r)
        self.qr_shown = Counter("kiosk_qr_codes_shown", "Screens shown with a take-away QR code.",
                                registry=r)
        self.fallback = Enum("kiosk_start_fallback", "What the crash-loop guard started on: the "
                             "content (none), the last good copy, or the back soon screen.",
                             states=list(FALLBACKS), registry=r)
        self.back_soon = Gauge("kiosk_back_soon", "1 while the calm \"back soon\" screen shows "
                               "instead of the kiosk.", registry=r)
        self.unclean = Gauge("kiosk_unclean_starts_recent", "Starts within the crash-loop "
                             "guard's minute that followed one that did not end cleanly.",
                             registry=r)
        self.open = Gauge("kiosk_open", "1 within the opening hours, 0 outside them.",
                          registry=r)
        self.open.set(1)
        Gauge("kiosk_memory_rss_bytes", "The kiosk's resident memory.",
              registry=r).set_function(memory)
        Gauge("kiosk_event_loop_stall_max_seconds", "The longest the screen was held up (the "
              "event loop late) within the last minute.",
              registry=r).set_function(lambda: self.stalls.longest(self._clock()))
        Gauge("kiosk_usage_disk_free_bytes", "Free space where the usage database lives.",
              registry=r).set_function(lambda: _free(usage_folder))

    # -- what happened -------------------------------------------------------------------------
    def content_shown(self, version: str, warnings: int, when: float) -> None:
        self.content.clear()  # one version at a time: the label stays bounded
        self.content.labels(version).set(1)
        self.loaded_at.set(when)
        self.warnings.set(warnings)

    def reload(self, shown: bool) -> None:
        self.reloads.labels("shown" if shown else "refused").inc()
        self.last_ok.set(1 if shown else 0)

    def session(self, seconds: float) -> None:
        self.sessions.inc()
        self.session_seconds.observe(seconds)

    def view(self, page: str, detail: str, with_qr: bool) -> None:
        if page in PAGES:
            self.views.labels(page, "detail" if detail else "page").inc()
        if with_qr:
            self.qr_shown.inc()

    def text(self) -> bytes:
        """The exposition, as a scrape gets it."""
        return generate_latest(self.registry)


def _free(folder: Path) -> float:
    try:
        return float(shutil.disk_usage(folder).free)
    except OSError:
        return float("nan")
