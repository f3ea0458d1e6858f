"""The machine's own settings file and the installer's commands (kiosk/core/machine.py): what
each wrong file or command gets in the log, and that a command runs apart from the kiosk."""

import json
import os
import select
import stat
import sys

import pytest

from kiosk.core.machine import SettingsError, read_settings, run_command, write_settings


def test_no_settings_file_is_no_settings(tmp_path):
    assert read_settings(tmp_path / "settings.json") == {}


def test_settings_written_are_read_back_indented_and_private(tmp_path):
    path = tmp_path / "settings.json"
    data = {"pin": {"hash": "abc", "rounds": 600000}, "display_off": ["wlr-randr", "--off"],
            "name": "海淀"}
    write_settings(path, data)
    assert read_settings(path) == data
    written = path.read_bytes()
    assert written == json.dumps(data, indent=2).encode("utf-8")
    assert written.startswith(b'{\n  "pin": {\n    "hash"')
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_settings_file_that_cannot_be_read_says_why(tmp_path):
    path = tmp_path / "settings.json"
    path.mkdir()
    with pytest.raises(SettingsError) as raised:
        read_settings(path)
    assert str(raised.value) == f"cannot read {path}: Is a directory"


@pytest.mark.parametrize("text, where", [
    ('{"pin": {"hash": "abc",\n\n  }', " (line 3)"),
    ("{", " (line 1)"),
])
def test_a_damaged_settings_file_names_its_line(tmp_path, text, where):
    path = tmp_path / "settings.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError) as raised:
        read_settings(path)
    assert str(raised.value) == f"{path} is damaged{where}: fix it or delete it"


@pytest.mark.parametrize("content", [b'{"name": "\xff"}', b"[1, 2]", b'"display_off"', b"null"])
def test_settings_that_are_not_text_or_not_an_object_are_damaged_with_no_line(tmp_path, content):
    path = tmp_path / "settings.json"
    path.write_bytes(content)
    with pytest.raises(SettingsError) as raised:
        read_settings(path)
    assert str(raised.value) == f"{path} is damaged: fix it or delete it"


def test_settings_that_cannot_be_written_say_why_and_leave_nothing(tmp_path):
    blocker = tmp_path / "state"
    blocker.write_text("a file where a folder should be")
    with pytest.raises(SettingsError) as raised:
        write_settings(blocker / "settings.json", {"pin": {}})
    assert str(raised.value) == f"cannot write {blocker / 'settings.json'}: Not a directory"
    assert blocker.read_text() == "a file where a folder should be"


def _settings(tmp_path, **commands):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps(commands), encoding="utf-8")
    return path


def _reports(tmp_path):
    """A pipe the command writes to: reading it waits for the command, with no sleep."""
    pipe = tmp_path / "ran"
    os.mkfifo(pipe)
    return pipe, os.open(pipe, os.O_RDONLY | os.O_NONBLOCK)


def _report(fd):
    ready, _, _ = select.select([fd], [], [], 30)
    assert ready, "the command did not run within 30 s"
    return os.read(fd, 4096).decode()


REPORT = """import os, sys
out = open(sys.argv[1], "w")
out.write(" ".join([sys.argv[2], str(os.getsid(0) == os.getpid()), repr(sys.stdin.read()),
                    os.readlink("/proc/self/fd/1"), os.readlink("/proc/self/fd/2")]))
"""


def test_an_installers_command_runs_in_its_own_session_with_no_input_or_output(
        tmp_path, caplog):
    caplog.set_level("INFO", logger="kiosk")
    pipe, fd = _reports(tmp_path)
    command = [sys.executable, "-c", REPORT, str(pipe), "off"]
    settings = _settings(tmp_path, display_off=command, display_on=["unused"])
    try:
        assert run_command(settings, "display_off") is True
        assert _report(fd) == "off True '' /dev/null /dev/null"
    finally:
        os.close(fd)
    assert caplog.messages == [f"ran display_off {command}"]


@pytest.mark.parametrize("value", [None, [], ""])
def test_no_command_of_that_name_is_nothing_to_run_and_nothing_logged(tmp_path, caplog, value):
    settings = _settings(tmp_path, display_on=["wlr-randr", "--on"])
    if value is not None:
        settings = _settings(tmp_path, display_off=value, display_on=["wlr-randr", "--on"])
    caplog.set_level("INFO", logger="kiosk")
    assert run_command(settings, "display_off") is False
    assert caplog.messages == []


def test_no_settings_file_runs_nothing(tmp_path, caplog):
    caplog.set_level("INFO", logger="kiosk")
    assert run_command(tmp_path / "settings.json", "on_staff_exit") is False
    assert caplog.messages == []


@pytest.mark.parametrize("value", ["xset dpms force off", ["xset", 3], {"run": "xset"}, 7])
def test_a_command_written_wrongly_is_logged_not_run(tmp_path, caplog, value):
    settings = _settings(tmp_path, display_off=value)
    assert run_command(settings, "display_off") is False
    assert caplog.messages == [
        f"'display_off' in {settings} must be a list of words, like "
        '["wlr-randr", "--output", "HDMI-A-1", "--off"]']


def test_a_command_that_cannot_start_is_logged(tmp_path, caplog):
    settings = _settings(tmp_path, display_off=["no-such-program-here", "--off"])
    assert run_command(settings, "display_off") is False
    assert caplog.messages == [
        "cannot run display_off ['no-such-program-here', '--off']: [Errno 2] No such file or "
        "directory: 'no-such-program-here'"]


def test_damaged_settings_run_nothing_and_say_why(tmp_path, caplog):
    settings = tmp_path / "settings.json"
    settings.write_text('{"display_off": ["xset",\n', encoding="utf-8")
    assert run_command(settings, "display_off") is False
    assert caplog.messages == [f"{settings} is damaged (line 2): fix it or delete it"]
