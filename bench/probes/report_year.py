"""`kiosk report` over a generated year of a busy kiosk: 200,000 sessions, 2 million views and
600,000 taps (--quick: a tenth), written straight into a usage database of the kiosk's own
schema; the report made in a process of its own, timed, with its peak memory."""

from __future__ import annotations

import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

from .common import ROOT

PAGES = ("mission", "strategies", "clusters", "network")


def generate(path: Path, sessions: int, seed: int = 11) -> None:
    from kiosk.core.usage import UsageStore

    UsageStore(path)._connection().close()  # the kiosk's own schema, upgraded
    chance = random.Random(seed)
    start = datetime(2026, 1, 1, 9)
    db = sqlite3.connect(path)
    rows, views, taps = [], [], []
    for key in range(1, sessions + 1):
        when = start + timedelta(minutes=key * 525_600 / sessions * 0.99)
        stamp = when.isoformat(timespec="seconds")
        rows.append((key, stamp, 60.0, chance.choice("eeez").replace("e", "en").replace(
            "z", "zh"), "idle"))
        page = chance.choice(PAGES)
        for n in range(10):
            views.append((key, "home" if n == 0 else page, "" if n < 2 else f"item-{n}",
                          "en", stamp, 6.0, ""))
        for _ in range(3):
            taps.append((key, page, "", chance.random(), chance.random(), "item"))
    with db:
        db.executemany("INSERT INTO sessions (id, started, seconds, language, ended) "
                       "VALUES (?, ?, ?, ?, ?)", rows)
        db.executemany("INSERT INTO views (session, screen, detail, language, started, seconds, "
                       "link) VALUES (?, ?, ?, ?, ?, ?, ?)", views)
        db.executemany("INSERT INTO taps (session, screen, detail, x, y, control) "
                       "VALUES (?, ?, ?, ?, ?, ?)", taps)
    db.close()


def report_year(quick: bool) -> dict:
    sessions = 20_000 if quick else 200_000
    with tempfile.TemporaryDirectory() as folder:
        database = Path(folder) / "usage.sqlite3"
        generate(database, sessions)
        size_mb = database.stat().st_size / 1e6
        begin = time.perf_counter()
        peak = Path(folder) / "peak_kib"  # the report's own peak: bench/peak_of.py
        code = subprocess.run([sys.executable, str(ROOT / "bench" / "peak_of.py"), str(peak),
                               str(ROOT / "main.py"), "report", "--out",
                               str(Path(folder) / "report"), "--database", str(database)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
        seconds = time.perf_counter() - begin
        if code != 0:
            raise RuntimeError(f"kiosk report exited with {code}")
        peak_mib = int(peak.read_text(encoding="ascii")) / 1024
    return {"report_sessions": sessions, "report_database_mb": size_mb,
            "report_s": seconds, "report_peak_mib": peak_mib}
