"""A large content file: checking it, and drawing its network of 1,000 locations (the most
`check` accepts)."""

from __future__ import annotations

import random
import statistics
import time

from .common import ROOT, kiosk_window, p95


def large_content() -> str:
    """The most of everything `check` accepts on one page and the network: 500 cards with the
    longest titles and summaries, sections of the longest paragraphs, 1,000 places."""
    long_en = " ".join(["A long paragraph about the organisation and its work."] * 40)
    title, summary = (long_en * 3)[:150], long_en[:400]
    lines = ["organisation: {name: {en: Large Park, zh: 大园区}}", "home:", "  tiles:",
             "    - {page: clusters, title: {en: Clusters, zh: 集群}}",
             "    - {page: network, title: {en: Network, zh: 网络}}",
             "clusters:", "  title: {en: Clusters, zh: 集群}",
             f'  lead: {{en: "{long_en}", zh: 很长}}', "  items:"]
    lines += [f'    - {{id: c{i}, title: {{en: "{i} {title[:146]}", zh: 集群{i}}}, '
              f'summary: {{en: "{summary}", zh: 摘要}}, '
              f'paragraphs: [{{en: "{long_en}", zh: 段落}}]}}' for i in range(500)]
    paragraphs = ", ".join([f'"{long_en}"'] * 5)
    lines += ["  sections:"] + [f"    - {{title: Section {i}, paragraphs: [{paragraphs}]}}"
                                for i in range(10)]
    lines += ["network:", "  title: {en: Network, zh: 网络}", "  locations:"]
    chance = random.Random(3)
    lines += [f"    - {{id: l{i}, name: {{en: Place {i}, zh: 地点{i}}}, "
              f"lat: {chance.uniform(20, 48):.3f}, lon: {chance.uniform(80, 130):.3f}, "
              f'summary: {{en: "{summary}", zh: 摘要}}}}' for i in range(1000)]
    return "\n".join(lines) + "\n"


def scale(app, runs: int) -> dict:
    from kiosk.core.content import load_bytes
    from kiosk.core.session import Route

    data = large_content().encode("utf-8")
    check_ms = []
    for _ in range(runs):
        begin = time.perf_counter()
        loaded = load_bytes(data, "large.yaml", ROOT)
        check_ms.append((time.perf_counter() - begin) * 1000)
    assert loaded.content is not None, [str(p) for p in loaded.errors[:3]]
    window = kiosk_window(app, loaded.content, (1920, 1080))
    window.navigate(Route("network"))
    app.sendPostedEvents()
    view = window.screens["network"].map
    paint_ms = []
    for _ in range(runs * 4):
        begin = time.perf_counter()
        view.repaint()
        paint_ms.append((time.perf_counter() - begin) * 1000)
    window.close()
    return {"check_ms": statistics.median(check_ms),
            "network_paint_ms": statistics.median(paint_ms),
            "network_paint_ms_p95": p95(paint_ms), "scale_bytes": len(data)}
