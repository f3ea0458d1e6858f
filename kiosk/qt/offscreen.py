"""Qt's headless platform with a screen of a given size, for the tests and the benchmark.

The offscreen platform's own screen is 800x800. On it the kiosk, which fills its screen, starts
at 800x800, and Qt's gesture manager finds no target for a drag that begins beyond 800x800 on
a larger window (it looks for the screen under the finger, QGuiApplication::screenAt), which
a real screen never does.
"""

from __future__ import annotations

import json
from pathlib import Path


def offscreen(width: int, height: int, folder: Path) -> str:
    """The QT_QPA_PLATFORM value; the screen's description is written into `folder`."""
    config = Path(folder) / f"screen-{width}x{height}.json"
    config.write_text(json.dumps({"screens": [{
        "name": "offscreen", "x": 0, "y": 0, "width": width, "height": height,
        "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}), encoding="utf-8")
    return f"offscreen:configfile={config}"
