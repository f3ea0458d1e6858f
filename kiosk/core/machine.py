"""The machine's own settings file (paths.settings_file()): what belongs to this kiosk, not
to its content. Staff never edit it by hand; `set-pin` writes the PIN's hash, and installers
may add commands that turn the display off and on outside opening hours, and one that runs
when staff choose "Exit to desktop" (under cage, which does not pass the kiosk's exit code on,
this is how the service learns to stay stopped):

    {"display_off": ["wlr-randr", "--output", "HDMI-A-1", "--off"],
     "display_on": ["wlr-randr", "--output", "HDMI-A-1", "--on"],
     "on_staff_exit": ["systemctl", "--user", "stop", "kiosk.service"]}

No Qt here.
"""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path
from typing import Any

from .files import replace_file

log = logging.getLogger("kiosk")
_started: list[subprocess.Popen[bytes]] = []  # display commands still running, reaped as they end


class SettingsError(Exception):
    """The settings file cannot be read or written; the message says why, for a person."""


def read_settings(path: Path) -> dict[str, Any]:
    if not path.exists():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SettingsError(f"cannot read {path}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        where = f" (line {exc.lineno})" if isinstance(exc, json.JSONDecodeError) else ""
        raise SettingsError(f"{path} is damaged{where}: fix it or delete it") from None
    if not isinstance(data, dict):
        raise SettingsError(f"{path} is damaged: fix it or delete it")
    return data


def write_settings(path: Path, data: dict[str, Any]) -> None:
    """Atomically (a crash leaves the old file or the new one), readable by its owner only."""
    try:
        replace_file(path, json.dumps(data, indent=2).encode("utf-8"), private=True)
    except OSError as exc:
        raise SettingsError(f"cannot write {path}: {exc.strerror}") from None


def run_command(path: Path, name: str) -> bool:
    """Run the installer's command called `name` (display_off, display_on, on_staff_exit)."""
    try:
        command = read_settings(path).get(name)
    except SettingsError as exc:
        log.warning("%s", exc)
        return False
    if not command:
        return False
    if not (isinstance(command, list) and all(isinstance(part, str) for part in command)):
        log.warning("'%s' in %s must be a list of words, like [\"wlr-randr\", \"--output\", "
                    "\"HDMI-A-1\", \"--off\"]", name, path)
        return False
    _started[:] = [process for process in _started if process.poll() is None]
    try:
        _started.append(subprocess.Popen(
            command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL, start_new_session=True))
    except OSError as exc:
        log.warning("cannot run %s %s: %s", name, command, exc)
        return False
    log.info("ran %s %s", name, command)
    return True
