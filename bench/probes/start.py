"""Start-up: from starting the kiosk to its first frame, against a bare PySide6 window."""

from __future__ import annotations

import statistics
import subprocess
import time

from .common import ENV, PYTHON, ROOT


def to_first_frame(command: list[str]) -> tuple[float, float]:
    """Seconds from starting the process to its first frame painted (the program prints the
    moment, on the same monotonic clock), and to the process's end."""
    begin = time.perf_counter()
    out = subprocess.run(command, env=ENV, check=True, capture_output=True, text=True,
                         timeout=120).stdout
    end = time.perf_counter()
    painted = float(next(line.split()[1] for line in out.splitlines()
                         if line.startswith("painted_at")))
    return painted - begin, end - begin


def start_up(runs: int) -> dict:
    kiosk = [PYTHON, str(ROOT / "main.py"), "--quit-when-shown"]
    bare = [PYTHON, str(ROOT / "bench" / "bare.py")]
    kiosk_s, bare_s = [], []
    for _ in range(runs):  # interleaved, so that machine noise hits both alike
        kiosk_s.append(to_first_frame(kiosk))
        bare_s.append(to_first_frame(bare))
    start = statistics.median(k for k, _ in kiosk_s)
    base = statistics.median(b for b, _ in bare_s)
    return {"start_s": start, "bare_start_s": base, "start_ratio": start / base,
            "start_to_exit_s": statistics.median(k for _, k in kiosk_s),
            "bare_start_to_exit_s": statistics.median(b for _, b in bare_s)}
