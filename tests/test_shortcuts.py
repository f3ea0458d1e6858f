"""The preview's shortcuts, opened as a desktop opens them: a desktop entry checked by
desktop-file-validate and launched by GLib's launcher (gio launch), the .cmd file beside
kiosk.exe read as cmd.exe reads it."""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from kiosk.cli import main
from kiosk.core.shortcut import desktop_entry

ROOT = Path(__file__).resolve().parent.parent


def test_the_shortcut_command_writes_a_valid_entry_for_this_program(tmp_path, capsys):
    assert shutil.which("desktop-file-validate"), "desktop-file-utils is needed: .ci/run " \
        "installs it"
    assert main(["shortcut", "--to", str(tmp_path / "Desktop")]) == 0
    path = tmp_path / "Desktop" / "kiosk-preview.desktop"
    assert capsys.readouterr().out.startswith(f"Made {path}: double-click it to preview "
                                              f"{ROOT / 'content.yaml'} as you edit it.")
    assert os.access(path, os.X_OK)
    result = subprocess.run(["desktop-file-validate", str(path)], capture_output=True,
                            text=True)
    assert (result.returncode, result.stdout) == (0, "")
    assert f'Exec="{sys.executable}" "{ROOT / "main.py"}" "preview" ' \
           f'"{ROOT / "content.yaml"}"' in path.read_text(encoding="utf-8")


def test_a_folder_it_cannot_write_to_is_named(tmp_path, capsys):
    blocked = tmp_path / "file"
    blocked.write_text("")
    assert main(["shortcut", "--to", str(blocked / "Desktop")]) == 2
    assert capsys.readouterr().err == f"No shortcut made: Not a directory: {blocked / 'Desktop'}\n"


def test_the_desktop_launches_the_program_with_its_arguments_in_its_folder(tmp_path):
    """Launched by GLib as a file manager launches it; the program a stand-in that writes
    what it was given, in a folder whose name holds a space, a $ and a quote."""
    assert shutil.which("gio"), "gio (libglib2.0-bin) is needed: .ci/run installs it"
    folder = tmp_path / "my $park's \"kiosk\""
    folder.mkdir()
    program = folder / "kiosk"
    program.write_text('#!/bin/sh\nprintf "%s|" "$(pwd)" "$@" > "$(dirname "$0")/ran.txt"\n')
    program.chmod(0o755)
    entry = tmp_path / "kiosk-preview.desktop"
    entry.write_text(desktop_entry([str(program), "preview", str(folder / "content.yaml")],
                                   folder), encoding="utf-8")
    subprocess.run(["gio", "launch", str(entry)], check=True, timeout=30, cwd="/")
    ran = folder / "ran.txt"
    deadline = time.monotonic() + 20
    while not ran.exists() and time.monotonic() < deadline:
        time.sleep(0.05)  # the launcher starts the program and returns at once
    assert ran.read_text().split("|") == [str(folder), "preview", str(folder / "content.yaml"), ""]


def test_the_cmd_file_beside_kiosk_exe_starts_the_preview_from_its_own_folder():
    text = (ROOT / "packaging" / "kiosk-preview.cmd").read_bytes().decode("ascii")
    lines = text.split("\r\n")
    assert "\n" not in text.replace("\r\n", "")  # CRLF throughout, as cmd.exe reads it best
    assert lines[0] == "@echo off"
    assert 'cd /d "%~dp0"' in lines  # its own folder, wherever the build was unpacked
    assert '  start "" kiosk.exe preview' in lines
    assert '  start "" ..\\.venv\\Scripts\\pythonw.exe ..\\main.py preview' in lines
