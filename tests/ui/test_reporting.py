"""What the desk sees of a running kiosk (kiosk/reporting.py): a visitor's session, taps,
views, the content's saves, a picture of the screen, the back soon screen, as the figures
Prometheus reads (parsed with its client library's own parser)."""

import gc
import hashlib
from datetime import datetime
from pathlib import Path

import pytest
from prometheus_client.parser import text_string_to_metric_families
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from kiosk import services
from kiosk.core import paths
from kiosk.core.content import load
from kiosk.core.crash_loop import Fallback, LastGood
from kiosk.core.site import Metrics, Site
from kiosk.qt import memory
from kiosk.reporting import Reporting, version_of
from kiosk.ui.problems_view import ProblemsView

from ..helpers import settle

SITE = Site("test-lobby", metrics=Metrics("127.0.0.1", 0))


def figures(reporting) -> dict:
    found = {}
    for family in text_string_to_metric_families(reporting.figures.text().decode()):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


@pytest.fixture
def kiosk(qapp, qtbot, make_window, content_file, tmp_path, monkeypatch):
    monkeypatch.setattr(paths, "usage_database", lambda create=True: tmp_path / "usage.sqlite3")
    monkeypatch.setattr(paths, "settings_file", lambda: tmp_path / "settings.json")
    window = make_window(load(content_file).content)
    running = services.Services(qapp, window, window.idle, content_file,
                                LastGood(tmp_path / "state"), datetime.now())
    reporting = Reporting(SITE, window, content_file, Fallback.NONE, 0)
    running.report(reporting, 0)
    yield window, running, reporting
    reporting.close()
    running.close()
    assert not memory.ui_thread_only()
    # the collector back once no job's thread runs (a content check may still: the usage
    # database beside the content file is a change in its folder)
    qtbot.waitUntil(gc.isenabled, timeout=10_000)


def click(window, widget) -> None:
    """A click as the display delivers it: to the window first."""
    point = widget.mapTo(window, widget.rect().center())
    QTest.mouseClick(window.windowHandle(), Qt.MouseButton.LeftButton, pos=QPoint(point))
    settle()


def test_a_visitors_session_moves_the_figures(qtbot, kiosk):
    window, _running, reporting = kiosk
    assert not gc.isenabled() and memory.ui_thread_only()  # collected on the UI thread only
    click(window, window.screens["home"].tiles["clusters"])
    click(window, window.screens["clusters"].items["hi-tech"])
    window.reset()  # the idle reset: the visitor has gone
    found = figures(reporting)
    assert found[("kiosk_sessions_total", ())] == 1
    assert found[("kiosk_session_seconds_count", ())] == 1
    assert found[("kiosk_taps_total", ())] == 2
    assert found[("kiosk_views_total", (("kind", "page"), ("page", "clusters")))] == 1
    assert found[("kiosk_views_total", (("kind", "detail"), ("page", "clusters")))] == 1
    assert found[("kiosk_back_soon", ())] == 0
    assert found[("kiosk_content_info", (("version", version_of(reporting.content_path)),))] == 1


def test_a_refused_save_shows_and_a_good_one_clears_it(qtbot, kiosk, content_file):
    _window, running, reporting = kiosk
    good = content_file.read_text(encoding="utf-8")
    content_file.write_text(good.replace("settings:", "settings：", 1), encoding="utf-8")
    with qtbot.waitSignal(running.watcher.read, timeout=10_000):
        running.watcher.reload()
    assert figures(reporting)[("kiosk_content_last_reload_ok", ())] == 0
    assert figures(reporting)[("kiosk_content_reloads_total", (("outcome", "refused"),))] == 1
    content_file.write_text(good.replace("Beijing TusPark", "TusPark B"), encoding="utf-8")
    with qtbot.waitSignal(running.watcher.read, timeout=10_000):
        running.watcher.reload()
    found = figures(reporting)
    assert found[("kiosk_content_last_reload_ok", ())] == 1
    version = [labels for name, labels in found if name == "kiosk_content_info"]
    assert version == [(("version", hashlib.sha256(content_file.read_bytes()).hexdigest()[:12]),)]


def test_the_screens_picture_is_a_small_png(qtbot, kiosk):
    window, _running, reporting = kiosk
    reporting.picture.set(b"")
    reporting.shots.take()
    qtbot.waitUntil(lambda: reporting.picture.get() != b"", timeout=10_000)
    png = reporting.picture.get()
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width = int.from_bytes(png[16:20], "big")
    assert width == 640


def test_the_back_soon_screen_reports_itself(qtbot, family):
    view = ProblemsView(None, family, (960, 540), allow_close=True)
    qtbot.addWidget(view)
    reporting = Reporting(SITE, view, Path("content.yaml"), Fallback.BACK_SOON, 6)
    try:
        found = figures(reporting)
        assert found[("kiosk_back_soon", ())] == 1
        assert found[("kiosk_start_fallback", (("kiosk_start_fallback", "back_soon"),))] == 1
        assert found[("kiosk_unclean_starts_recent", ())] == 6
    finally:
        reporting.close()
