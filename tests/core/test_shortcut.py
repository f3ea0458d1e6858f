"""The preview's shortcut texts: a desktop entry's Exec quoting, a .cmd file, the desktop."""

from pathlib import Path

from kiosk.core.shortcut import desktop_entry, desktop_folder, shortcut, windows_cmd


def exec_line(text: str) -> str:
    return next(line for line in text.splitlines() if line.startswith("Exec="))


def test_each_argument_is_quoted_and_reserved_characters_escaped():
    entry = desktop_entry(["/opt/kiosk/kiosk", "preview", "/srv/my park/$new \"a`b\\c.yaml"],
                          Path("/srv/my park"))
    # In the file: "\\$" is \$ once the string's escapes are read, and $ once the quoting is.
    assert exec_line(entry) == ('Exec="/opt/kiosk/kiosk" "preview" '
                                '"/srv/my park/\\\\$new \\\\"a\\\\`b\\\\\\\\c.yaml"')
    assert "Path=/srv/my park\n" in entry
    assert entry.startswith("[Desktop Entry]\nType=Application\n") and entry.endswith("\n")


def test_a_windows_shortcut_starts_the_program_with_crlf_lines():
    text = windows_cmd([r"C:\Program Files\Kiosk\kiosk.exe", "preview",
                        r"C:\Program Files\Kiosk\content.yaml"])
    assert text.split("\r\n") == [
        "@echo off",
        "rem Kiosk preview: shows content.yaml as the kiosk will, again after every save.",
        r'start "" "C:\Program Files\Kiosk\kiosk.exe" preview '
        r'"C:\Program Files\Kiosk\content.yaml"',
        ""]
    assert shortcut(["k.exe"], Path("C:/"), windows=True)[0] == "kiosk-preview.cmd"
    assert shortcut(["k"], Path("/"), windows=False)[0] == "kiosk-preview.desktop"


def test_the_desktop_is_where_user_dirs_says_else_desktop(tmp_path):
    home = tmp_path / "home"
    assert desktop_folder(home, {}) == home / "Desktop"
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text('# written by xdg-user-dirs-update\n'
                                           'XDG_DOCUMENTS_DIR="$HOME/文档"\n'
                                           'XDG_DESKTOP_DIR="$HOME/桌面"\n', encoding="utf-8")
    assert desktop_folder(home, {"XDG_CONFIG_HOME": str(config)}) == home / "桌面"
    (config / "user-dirs.dirs").write_bytes(b"\xff\xfe")  # unreadable: the usual place
    assert desktop_folder(home, {"XDG_CONFIG_HOME": str(config)}) == home / "Desktop"


def test_the_desktop_entry_whole_in_both_languages():
    entry = shortcut(["/opt/kiosk/kiosk", "preview"], Path("/srv/park"), windows=False)[1]
    lines = entry.split("\n")
    assert (lines[0], lines[-1]) == ("[Desktop Entry]", "")
    assert dict(line.split("=", 1) for line in lines[1:-1]) == {
        "Type": "Application", "Version": "1.4", "Terminal": "false",
        "Name": "Kiosk preview", "Name[zh_CN]": "信息屏预览",
        "Comment": "Shows content.yaml as the kiosk will, again after every save",
        "Comment[zh_CN]": "按信息屏的样子显示 content.yaml，每次保存后立即更新",
        "Categories": "Utility;", "Path": "/srv/park", "Exec": '"/opt/kiosk/kiosk" "preview"'}
    assert len(lines) == 12  # each key once, between the header and the last line break


def test_the_desktop_is_found_in_the_usual_config_folder_and_the_environment(
        tmp_path, monkeypatch):
    home = tmp_path / "home"
    (home / ".config").mkdir(parents=True)
    (home / ".config" / "user-dirs.dirs").write_text('XDG_DESKTOP_DIR="$HOME/Työpöytä"\n',
                                                     encoding="utf-8")
    assert desktop_folder(home, {}) == home / "Työpöytä"
    assert desktop_folder(home, {"XDG_CONFIG_HOME": ""}) == home / "Työpöytä"
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "user-dirs.dirs").write_text('XDG_DESKTOP_DIR="/srv/desk"\n', encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(elsewhere))
    assert desktop_folder(home) == Path("/srv/desk")
