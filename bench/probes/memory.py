"""Memory: the kiosk's resident size with every screen visited, against a bare window. The
kiosk reads its content from the cache, as it starts once the cache is written: a run before
the measured ones writes it."""

from __future__ import annotations

import statistics
import subprocess

from .common import ENV, PYTHON, ROOT


def printed_rss(command: list[str]) -> int:
    out = subprocess.run(command, env=ENV, check=True, capture_output=True, text=True,
                         timeout=300).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("rss_kib")))


def memory(runs: int) -> dict:
    printed_rss([PYTHON, str(ROOT / "bench" / "visit_all.py")])  # writes the content cache
    kiosk = statistics.median(printed_rss([PYTHON, str(ROOT / "bench" / "visit_all.py")])
                              for _ in range(runs))
    bare = statistics.median(printed_rss([PYTHON, str(ROOT / "bench" / "bare.py")])
                             for _ in range(runs))
    return {"rss_mib": kiosk / 1024, "bare_rss_mib": bare / 1024, "rss_ratio": kiosk / bare}
