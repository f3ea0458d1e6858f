"""The build's stand-in for the `ssl` module it leaves out (packaging/no_tls.py): with no ssl at
all, as in the build, the Prometheus client library still imports and serves the kiosk's
figures, and TLS fails loudly. A new version of the library that names more of ssl fails here,
not in the lobby."""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = """
import sys, runpy
sys.modules["ssl"] = None  # as in the build: importing ssl fails
runpy.run_path("packaging/no_tls.py")
from pathlib import Path
from kiosk.core.metrics import KioskFigures
print(KioskFigures("x", "1", Path(".")).text().decode().splitlines()[0])
import ssl
try:
    ssl.SSLContext()
except RuntimeError as error:
    print(error)
"""


def test_the_figures_are_served_without_ssl_and_tls_fails_loudly():
    result = subprocess.run([sys.executable, "-c", SCRIPT], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "# HELP kiosk_info This kiosk: its name (site.yaml) and the program's version.",
        "this build of the kiosk has no TLS (see kiosk.spec)"]
