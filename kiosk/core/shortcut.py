"""The preview's shortcut, for staff to double-click: a desktop entry on Linux (the Desktop Entry
Specification 1.4), a .cmd file on Windows. Each runs this program, wherever it is installed,
as `preview` on the content file beside it. No Qt here.

A desktop entry cannot find the folder it sits in (its %k is left empty by some launchers,
GLib's among them), so `kiosk shortcut` writes one with this program's own absolute path; a
.cmd file can (%~dp0), so the build carries one beside kiosk.exe as well
(packaging/kiosk-preview.cmd).
"""

from __future__ import annotations

import os
import re
from pathlib import Path

NAME = "kiosk-preview"


def _exec_argument(argument: str) -> str:
    """One argument of an Exec key: in double quotes, with the characters the specification
    reserves inside them escaped; then the backslashes doubled, as every string value's are."""
    quoted = '"' + re.sub(r'(["`$\\])', r"\\\1", argument) + '"'
    return quoted.replace("\\", "\\\\")


def desktop_entry(command: list[str], folder: Path) -> str:
    """A desktop entry that runs `command` (the program and its arguments) in `folder`."""
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Version=1.4",
        "Name=Kiosk preview",
        "Name[zh_CN]=信息屏预览",
        "Comment=Shows content.yaml as the kiosk will, again after every save",
        "Comment[zh_CN]=按信息屏的样子显示 content.yaml，每次保存后立即更新",
        "Terminal=false",
        "Categories=Utility;",
        f"Path={folder}",
        "Exec=" + " ".join(_exec_argument(a) for a in command),
        "",
    ])


def windows_cmd(command: list[str]) -> str:
    """A .cmd file that starts `command` and closes its console window at once."""
    arguments = " ".join(f'"{a}"' if " " in a or not a else a for a in command)
    return "\r\n".join([
        "@echo off",
        "rem Kiosk preview: shows content.yaml as the kiosk will, again after every save.",
        f'start "" {arguments}',
        "",
    ])


def shortcut(command: list[str], folder: Path, windows: bool) -> tuple[str, str]:
    """The shortcut's file name and its text, for this platform."""
    if windows:
        return f"{NAME}.cmd", windows_cmd(command)
    return f"{NAME}.desktop", desktop_entry(command, folder)


def desktop_folder(home: Path, environ: dict[str, str] | None = None) -> Path:
    """The user's desktop: XDG_DESKTOP_DIR from user-dirs.dirs (which may say another
    language's name for it), else ~/Desktop."""
    environ = dict(os.environ) if environ is None else environ
    config = Path(environ.get("XDG_CONFIG_HOME") or home / ".config")
    try:
        text = (config / "user-dirs.dirs").read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        text = ""
    found = re.search(r'^XDG_DESKTOP_DIR="([^"]*)"', text, re.MULTILINE)
    if found:
        return Path(found[1].replace("$HOME", str(home)))
    return home / "Desktop"
