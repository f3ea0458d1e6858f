"""Memory given back to the system (kiosk/memory.py): large blocks freed are returned at once."""

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """
import sys
from kiosk import memory

def rss_mib():
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(l.split()[1]) for l in status if l.startswith("VmRSS:")) / 1024

if sys.argv[1] == "fixed":
    assert memory.keep_large_blocks_returnable()
warm = bytearray(8 << 20); del warm          # glibc now raises its threshold (unless fixed)
before = rss_mib()
shots = [bytearray(8 << 20) for _ in range(6)]  # six 1920x1080 screenshots, pages touched
for shot in shots:
    shot[::4096] = b"x" * len(shot[::4096])
pin = bytearray(256 << 10)                     # a smaller block allocated after them
del shots, shot
print(round(rss_mib() - before, 1))
"""


def kept_after_freeing(mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", SCRIPT, mode], capture_output=True, text=True,
                         cwd=ROOT, timeout=60, check=True).stdout
    return float(out)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="glibc's malloc")
def test_freed_screenshots_go_back_to_the_system():
    assert kept_after_freeing("glibc default") > 40  # what the kiosk used to keep
    assert kept_after_freeing("fixed") < 8
