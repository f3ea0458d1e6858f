"""Give memory back to the system: a kiosk runs for months.

The kiosk frees large pictures often (a cross-fade's two screenshots, a detail's map). glibc's
malloc serves such blocks from mmap at first, but after the first few are freed it raises its
mmap threshold and keeps later ones on the heap, where freed memory stays with the process: the
resident size creeps up by tens of MiB. A fixed threshold, set just after the first frame and
before any screen is let go, keeps large blocks in mmap, so freeing them returns them at once
(ctypes, which sets it, is imported then: 1.8 ms not on the way to the first frame); `trim()`
after each visitor's session hands back what smaller frees left in the heap. Elsewhere than
glibc both do nothing. And Qt's own pixmap cache is kept small (`limit_qt_caches`).

Python's cyclic garbage collector is paused while the kiosk starts (`collector_paused`): start-up
makes modules, classes and widgets that live as long as the kiosk, and the collector would
look through them again and again for nothing (48 collections, 5 ms, before the first frame).
Once the first frame is shown (`settle_after_start`) it collects once, moves what is left out
of its sight for good (gc.freeze) and runs as usual. With a thread of its own that runs all the
time (the metrics server), the collector would sooner or later start on that thread, and free
Qt objects there (tests/qt/test_background.py says what that does): `collect_on_ui_thread`
then turns it off for good and runs it from a timer on the UI thread, by its own thresholds.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

M_MMAP_THRESHOLD = -3
LARGE = 128 * 1024  # glibc's own starting threshold, kept fixed
PIXMAP_CACHE_KIB = 1024


@cache
def _glibc() -> Any:
    """glibc through ctypes, imported when first needed: not on the way to the first frame."""
    if not sys.platform.startswith("linux"):
        return None
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")  # glibc's name; musl and others: no such file
        return libc if hasattr(libc, "mallopt") and hasattr(libc, "malloc_trim") else None
    except OSError:
        return None


def keep_large_blocks_returnable() -> bool:
    """Before the first screen is let go: True if glibc took the setting."""
    libc = _glibc()
    return bool(libc and libc.mallopt(M_MMAP_THRESHOLD, LARGE))


def limit_qt_caches() -> None:
    """Qt keeps the pixmaps it draws icons and styled frames with in QPixmapCache, 10 MiB by
    default; each rebuilt screen brings new icons, so over a day the cache fills up to that.
    A kiosk redraws the few it shows cheaply: 1 MiB is plenty (measured: the soak's growth
    fell from 10 MiB to under 3, tap times unchanged). After the QApplication exists."""
    from PySide6.QtGui import QPixmapCache

    QPixmapCache.setCacheLimit(PIXMAP_CACHE_KIB)


@contextmanager
def collector_paused() -> Iterator[None]:
    """Around start-up and the kiosk's run: no cyclic garbage collection until
    `settle_after_start` (or the end, if the kiosk stops before its first frame)."""
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


_UI_THREAD_ONLY = False  # collect_on_ui_thread was called: gc stays disabled
COLLECT_EVERY_MS = 250


def settle_after_start() -> None:
    """Just after the first frame: collect start-up's garbage once, keep what is left out of
    later collections, and collect as usual from now on."""
    from .background import collector_wanted

    gc.collect()
    gc.freeze()
    if not _UI_THREAD_ONLY:
        collector_wanted(True)  # (not while a job's thread runs: kiosk/qt/background.py)


def collect_on_ui_thread(parent: Any) -> Any:
    """From now on, the cyclic collector runs on the UI thread only: from a timer owned by
    `parent`, each generation when its count passes its threshold, as the automatic one would."""
    global _UI_THREAD_ONLY
    from PySide6.QtCore import QTimer

    from .background import collector_wanted

    _UI_THREAD_ONLY = True
    collector_wanted(False)  # and not again when a job's thread ends
    timer = QTimer(parent)
    timer.setInterval(COLLECT_EVERY_MS)
    timer.timeout.connect(collect_due)
    timer.start()
    return timer


def collect_due() -> int:
    """The oldest generation whose count passed its threshold, collected (-1: none due)."""
    counts, thresholds = gc.get_count(), gc.get_threshold()
    for generation in (2, 1, 0):
        if thresholds[generation] and counts[generation] > thresholds[generation]:
            gc.collect(generation)
            return generation
    return -1


def ui_thread_only() -> bool:
    return _UI_THREAD_ONLY


def collect_as_usual(timer: Any = None) -> None:
    """The collector automatic again (the thread that needed it on the UI thread is gone)."""
    global _UI_THREAD_ONLY
    from .background import collector_wanted

    if timer is not None:
        timer.stop()
    _UI_THREAD_ONLY = False
    collector_wanted(True)  # once no job's thread runs: kiosk/qt/background.py


def trim() -> bool:
    """Return the heap's free memory to the system (a few ms; call when nobody is there)."""
    libc = _glibc()
    return bool(libc and libc.malloc_trim(0))


def trim_after_deletes() -> None:
    """`trim` once Qt's event loop has deleted what was let go with deleteLater (a session's
    old screens): trimmed before, their memory stayed with the kiosk until the next session."""
    from PySide6.QtCore import QTimer

    QTimer.singleShot(0, trim)
