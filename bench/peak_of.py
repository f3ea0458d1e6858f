"""Run a Python script as its own program and, at its exit, write its peak resident memory.

    python bench/peak_of.py PEAK_FILE SCRIPT [ARGS...]

The peak is the process's own (VmHWM in /proc/self/status), in KiB. A child's ru_maxrss from
wait4 will not do: Linux carries the parent's peak across fork and exec into it, so a report
started by a benchmark grown to 1.9 GiB read 1.9 GiB (docs/performance.md).
"""

import atexit
import runpy
import sys
from pathlib import Path


def write_peak(path: Path) -> None:
    with open("/proc/self/status", encoding="ascii") as status:
        peak = next(line.split()[1] for line in status if line.startswith("VmHWM:"))
    path.write_text(peak + "\n", encoding="ascii")


if __name__ == "__main__":
    peak_file, script = Path(sys.argv[1]), sys.argv[2]
    atexit.register(write_peak, peak_file)
    sys.argv = sys.argv[2:]
    sys.path[0] = str(Path(script).resolve().parent)
    runpy.run_path(script, run_name="__main__")
