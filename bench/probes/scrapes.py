"""The desk's scrapes (kiosk/core/metrics): what one costs, what a scrape every 100 ms does to a
visitor's taps (side by side with none, in one run), and memory over 10,000 scrapes."""

from __future__ import annotations

import statistics
import threading
import time
import urllib.request

from .common import p95, rss_kib
from .taps import taps


def _server(content):
    from kiosk.core.metrics import KioskFigures, start_server
    from kiosk.core.metrics.server import Picture
    from kiosk.core.site import Metrics

    figures = KioskFigures("bench", "0", common_folder(), memory=lambda: 0.0)
    for location in content.network.locations if content.network else ():
        figures.view("network", location.id, with_qr=False)  # every place seen: as after a day
    server = start_server(Metrics("127.0.0.1", 0), figures, Picture())
    assert server is not None
    return server


def common_folder():
    from pathlib import Path

    return Path(__file__).resolve().parent


def scrape(port: int) -> float:
    begin = time.perf_counter()
    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=10) as answer:
        answer.read()
    return (time.perf_counter() - begin) * 1000


def scrapes(app, content, large, rounds: int, soak_scrapes: int) -> dict:
    """`large`: content with hundreds of locations (the figures hold no per-place series, so
    its scrape should cost what the park's does)."""
    from kiosk.qt import memory

    figures: dict = {}
    for name, shown in (("", content), ("_large", large)):
        server = _server(shown)
        times = [scrape(server.port) for _ in range(200)]
        figures[f"scrape_ms{name}"] = statistics.median(times)
        figures[f"scrape_ms{name}_p95"] = p95(times)
        server.close()
    server = _server(content)
    timer = memory.collect_on_ui_thread(None)  # as the kiosk collects with a server running
    try:
        quiet, _, _ = taps(app, content, (1920, 1080), rounds)
        stop = threading.Event()

        def scraper() -> None:
            while not stop.wait(0.1):
                scrape(server.port)

        thread = threading.Thread(target=scraper, daemon=True)
        thread.start()
        busy, _, _ = taps(app, content, (1920, 1080), rounds)
        stop.set()
        thread.join()
        figures |= {"tap_ms_p95_unscraped": p95(quiet), "tap_ms_p95_scraped": p95(busy)}
        for _ in range(1000):
            scrape(server.port)
        before = rss_kib()
        for _ in range(soak_scrapes - 1000):
            scrape(server.port)
        figures |= {"scrape_soak_count": soak_scrapes,
                    "scrape_soak_rss_growth_mib": (rss_kib() - before) / 1024}
    finally:
        server.close()
        memory.collect_as_usual(timer)
    return figures
