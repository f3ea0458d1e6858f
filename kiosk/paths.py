"""Where the kiosk finds its files, from a source checkout or from a PyInstaller build.

Bundled resources live under `sys._MEIPASS` in a frozen build; the staff-edited content file
lives beside the executable (or beside main.py), never inside the bundle.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parent.parent


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))


def resources() -> Path:
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "resources"
    return SOURCE_ROOT / "resources"


def app_dir() -> Path:
    """The folder of the program staff start: the executable's, or the one with main.py."""
    return Path(sys.executable).resolve().parent if is_frozen() else SOURCE_ROOT


def default_content() -> Path:
    return app_dir() / "content.yaml"


def fonts() -> list[Path]:
    return sorted((resources() / "fonts").glob("*.otf"))


def china_outline() -> Path:
    return resources() / "map" / "china.json"


def icon_fonts() -> Path:
    """Font Awesome 6's font files and character maps, as the qtawesome package ships them."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "qtawesome" / "fonts"
    spec = importlib.util.find_spec("qtawesome")  # found, not imported: that takes 0.35 s
    return Path(next(iter(spec.submodule_search_locations))) / "fonts"


def log_dir() -> Path:
    """The platform's folder for the kiosk's logs (created when missing)."""
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        folder = base / "kiosk" / "logs"
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / "Logs" / "kiosk"
    else:
        base = Path(os.environ.get("XDG_STATE_HOME") or Path.home() / ".local" / "state")
        folder = base / "kiosk" / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder
