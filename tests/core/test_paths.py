"""Where the kiosk finds its files, from source and from a PyInstaller build (no build needed)."""

import sys
from pathlib import Path

import pytest

from kiosk import cli
from kiosk.core import paths

from ..samples import ROOT


def test_from_source(monkeypatch):
    monkeypatch.delattr(sys, "frozen", raising=False)
    assert paths.resources() == ROOT / "resources"
    assert paths.default_content() == ROOT / "content.yaml"
    assert [p.name for p in paths.fonts()] == ["NotoSansCJKsc-Bold.otf",
                                                "NotoSansCJKsc-Regular.otf"]
    assert paths.china_outline().is_file()
    assert paths.font_coverage() == ROOT / "resources" / "fonts" / "coverage.txt"
    assert paths.font_coverage().is_file()
    icons = paths.icon_fonts()
    assert icons.name == "fonts" and icons.parent.name == "qtawesome"
    assert any(icons.glob("fontawesome6-solid-webfont-*.ttf"))
    assert not paths.is_frozen()


def test_no_icon_fonts_installed_is_said_plainly(monkeypatch):
    import importlib.util

    monkeypatch.delattr(sys, "frozen", raising=False)
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: None)
    with pytest.raises(ModuleNotFoundError) as raised:
        paths.icon_fonts()
    assert str(raised.value) == "qtawesome, whose icon fonts the kiosk draws, is not installed"


def test_frozen_content_beside_the_program_resources_inside_the_bundle(monkeypatch, tmp_path):
    program = tmp_path / "kiosk" / "kiosk"
    bundle = tmp_path / "kiosk" / "_internal"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    monkeypatch.setattr(sys, "executable", str(program))
    assert paths.is_frozen()
    assert paths.default_content() == tmp_path / "kiosk" / "content.yaml"
    assert paths.resources() == bundle / "resources"
    assert paths.china_outline() == bundle / "resources" / "map" / "china.json"
    assert paths.font_coverage() == bundle / "resources" / "fonts" / "coverage.txt"
    assert paths.icon_fonts() == bundle / "qtawesome" / "fonts"
    assert paths.app_dir() == tmp_path / "kiosk"
    monkeypatch.delattr(sys, "_MEIPASS")  # a one-file build's folder is the program's
    assert paths.resources() == tmp_path / "kiosk" / "resources"
    assert paths.icon_fonts() == tmp_path / "kiosk" / "qtawesome" / "fonts"


def test_log_folder_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    assert paths.log_dir() == tmp_path / "state" / "kiosk" / "logs"
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "local"))
    assert paths.log_dir() == tmp_path / "local" / "kiosk" / "logs"
    assert paths.log_dir().is_dir()


def test_a_windowed_build_writes_what_it_would_print_to_the_log(monkeypatch, tmp_path):
    """A Windows build has no console: sys.stdout and sys.stderr are None there."""
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path))
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    bad = tmp_path / "content.yaml"
    bad.write_text("home: [\n", encoding="utf-8")
    assert cli.main(["check", str(bad)]) == 1
    sys.stdout.flush()
    log = (tmp_path / "kiosk" / "logs" / "output.log").read_text(encoding="utf-8")
    assert f"{bad}:2:1: YAML syntax error" in log
    assert f"{bad}: 1 problem to fix" in log
    sys.stdout.close()


@pytest.mark.parametrize(("platform", "variables", "expected"), [
    ("linux", {"XDG_CONFIG_HOME": "c", "XDG_DATA_HOME": "d", "XDG_STATE_HOME": "s"},
     {"settings": "c/kiosk/settings.json", "usage": "d/kiosk/usage.sqlite3",
      "state": "s/kiosk", "logs": "s/kiosk/logs"}),
    ("linux", {}, {"settings": "home/.config/kiosk/settings.json",
                   "usage": "home/.local/share/kiosk/usage.sqlite3",
                   "state": "home/.local/state/kiosk", "logs": "home/.local/state/kiosk/logs"}),
    ("win32", {"LOCALAPPDATA": "w"}, {"settings": "w/kiosk/config/settings.json",
                                      "usage": "w/kiosk/data/usage.sqlite3",
                                      "state": "w/kiosk/state", "logs": "w/kiosk/logs"}),
    ("win32", {}, {"settings": "home/AppData/Local/kiosk/config/settings.json",
                   "usage": "home/AppData/Local/kiosk/data/usage.sqlite3",
                   "state": "home/AppData/Local/kiosk/state",
                   "logs": "home/AppData/Local/kiosk/logs"}),
    ("darwin", {}, {"settings": "home/Library/Application Support/kiosk/config/settings.json",
                    "usage": "home/Library/Application Support/kiosk/data/usage.sqlite3",
                    "state": "home/Library/Application Support/kiosk/state",
                    "logs": "home/Library/Logs/kiosk"}),
], ids=["linux", "linux-defaults", "windows", "windows-defaults", "macos"])
def test_each_folder_on_each_platform(monkeypatch, tmp_path, platform, variables, expected):
    """Settings, usage figures, state and logs where each platform keeps them (created)."""
    monkeypatch.setattr(sys, "platform", platform)
    monkeypatch.setattr(Path, "home", lambda: tmp_path / "home")
    for name in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "LOCALAPPDATA"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, str(tmp_path / value))
    found = {"settings": paths.settings_file(), "usage": paths.usage_database(),
             "state": paths.state_dir(), "logs": paths.log_dir()}
    assert found == {key: tmp_path / value for key, value in expected.items()}
    assert found["logs"].is_dir() and found["settings"].parent.is_dir()


def test_a_command_that_only_reads_the_usage_figures_creates_no_folder(monkeypatch, tmp_path,
                                                                      capsys):
    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    assert paths.usage_database(create=False) == tmp_path / "data" / "kiosk" / "usage.sqlite3"
    assert not (tmp_path / "data").exists()
    assert cli.main(["stats"]) == 0
    assert capsys.readouterr().out == "No visitor sessions in all.\n"
    assert not (tmp_path / "data").exists()
    assert paths.usage_database() == tmp_path / "data" / "kiosk" / "usage.sqlite3"
    assert (tmp_path / "data" / "kiosk").is_dir()
