"""What the kiosk costs while nobody is there: idle, and playing its attract loop."""

from __future__ import annotations

import os
import subprocess
import tempfile
import time
from pathlib import Path

from .common import ENV, PYTHON, ROOT


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_percent(content: Path, settle_s: float, measure_s: float) -> float:
    process = subprocess.Popen([PYTHON, str(ROOT / "main.py"), "--windowed", "1920x1080",
                                "--content", str(content)], env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle_s)  # the benchmark waits for the kiosk; the tests never sleep
        before = cpu_seconds(process.pid)
        time.sleep(measure_s)
        return 100 * (cpu_seconds(process.pid) - before) / measure_s
    finally:
        process.kill()
        process.wait()


def idle_costs(measure_s: float) -> dict:
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        idle = Path(tmp) / "idle.yaml"  # attract loop far away: the home screen, idle
        idle.write_text(text.replace("attract_delay: 120", "attract_delay: 86400"),
                        encoding="utf-8")
        attract = Path(tmp) / "attract.yaml"  # the loop from 10 s on, 2 s a slide
        attract.write_text(text.replace("attract_delay: 120", "attract_delay: 10")
                           .replace("attract_slide: 8", "attract_slide: 2"), encoding="utf-8")
        return {"idle_cpu_pct": cpu_percent(idle, 3, measure_s),
                "attract_cpu_pct": cpu_percent(attract, 12, measure_s)}
