"""Where the kiosk finds its files, from a source checkout or from a PyInstaller build.

Bundled resources live under `sys._MEIPASS` in a frozen build; the staff-edited content file
lives beside the executable (or beside main.py), never inside the bundle.
"""

from __future__ import annotations

import importlib.util
import os
import sys
from pathlib import Path

SOURCE_ROOT = Path(__file__).resolve().parents[2]


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


def content_schema() -> Path:
    """The JSON Schema of content.yaml, for editors; it sits beside the content file."""
    return app_dir() / "content.schema.json"


def fonts() -> list[Path]:
    return sorted((resources() / "fonts").glob("*.otf"))


def font_coverage() -> Path:
    """The code points the bundled fonts have, written by tools/build_fonts.py."""
    return resources() / "fonts" / "coverage.txt"


def china_outline() -> Path:
    return resources() / "map" / "china.json"


def icon_fonts() -> Path:
    """Font Awesome 6's font files and character maps, as the qtawesome package ships them."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent)) / "qtawesome" / "fonts"
    spec = importlib.util.find_spec("qtawesome")  # found, not imported: that takes 0.35 s
    folders = spec.submodule_search_locations if spec is not None else None
    if not folders:
        raise ModuleNotFoundError("qtawesome, whose icon fonts the kiosk draws, is not installed")
    return Path(next(iter(folders))) / "fonts"


def _folder(kind: str, create: bool = True) -> Path:
    """The platform's folder of a kind (config, data, state, logs) for the kiosk, created
    unless asked not to.

    Linux follows the XDG base directories; Windows keeps all under %LOCALAPPDATA%\\kiosk.
    """
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
        folder = base / "kiosk" / kind
    elif sys.platform == "darwin":
        folder = Path.home() / "Library" / ("Logs" if kind == "logs" else "Application Support") \
            / "kiosk" / ("" if kind == "logs" else kind)
    else:
        variable, default = {
            "config": ("XDG_CONFIG_HOME", ".config"),
            "data": ("XDG_DATA_HOME", ".local/share"),
        }.get(kind, ("XDG_STATE_HOME", ".local/state"))
        base = Path(os.environ.get(variable) or Path.home() / default)
        folder = base / "kiosk" / ("logs" if kind == "logs" else "")
    if create:
        folder.mkdir(parents=True, exist_ok=True)
    return folder


def log_dir() -> Path:
    """Rotating log files."""
    return _folder("logs")


def settings_file() -> Path:
    """The machine's own settings (the staff PIN's hash): never in the content file."""
    return _folder("config") / "settings.json"


def usage_database(create: bool = True) -> Path:
    """What visitors did, for `stats`: SQLite; its folder created unless asked not to (a
    command that only reads it)."""
    return _folder("data", create) / "usage.sqlite3"


def state_dir() -> Path:
    """What the kiosk remembers between runs: its recent starts, its last good content."""
    return _folder("state")
