"""Where the kiosk finds its files, from source and from a PyInstaller build (no build needed)."""

import sys

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
