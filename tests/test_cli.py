"""The command line, as staff and installers use it."""

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from kiosk import __version__, cli
from kiosk.cli import main

ROOT = Path(__file__).resolve().parent.parent
BUNDLED = ROOT / "content.yaml"


def test_check_valid_file(capsys):
    assert main(["check", str(BUNDLED)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{BUNDLED}: OK\n"
    assert err == ""


def test_check_prints_warnings_and_passes(tmp_path, capsys):
    path = tmp_path / "content.yaml"
    path.write_text("organisation:\n  name: Example Park\nhome:\n  tiles:\n"
                    "    - {page: mission, title: {en: M, zh: 使命}}\nmission:\n"
                    "  title: {en: M, zh: 使命}\n", encoding="utf-8")
    assert main(["check", str(path)]) == 0
    out, err = capsys.readouterr()
    assert out == f"{path}: OK (1 warning)\n"
    assert err == (f"{path}:2:9: warning: 'name' has no Chinese (zh) text; the English is "
                   "shown in both languages\n")


def test_check_invalid_file_lists_every_problem_and_exits_1(tmp_path, capsys):
    path = tmp_path / "content.yaml"
    text = BUNDLED.read_text(encoding="utf-8")
    text = text.replace("  idle_timeout: 60 ", "  idle_timout: 60  ")
    text = text.replace("lat: 45.803", "lat: 245.803")
    path.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    typo = next(i for i, line in enumerate(lines) if "idle_timout" in line) + 1
    lat = next(i for i, line in enumerate(lines) if "245.803" in line) + 1
    lat_column = lines[lat - 1].index("245.803") + 1
    assert main(["check", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.splitlines() == [
        f"{path}:{typo}:3: unknown key 'idle_timout' (did you mean 'idle_timeout'?)",
        f"{path}:{lat}:{lat_column}: 'lat' must be between -90 and 90, not 245.803",
        f"{path}: 2 problems to fix",
    ]


def test_check_missing_file(tmp_path, capsys):
    missing = tmp_path / "nothing.yaml"
    assert main(["check", str(missing)]) == 1
    assert capsys.readouterr().err.splitlines()[0] == (
        f"{missing}:1:1: cannot read the file: No such file or directory")


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out == f"kiosk {__version__}\n"


def test_help_lists_the_commands(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for word in ("check", "preview", "snapshot", "--content", "--windowed", "--screen",
                 "--lang"):
        assert word in out


@pytest.mark.parametrize(("args", "message"), [
    (["--windowed", "big"], "argument --windowed: 'big' must be WIDTHxHEIGHT, like 1920x1080"),
    (["--lang", "fr"], "argument --lang: invalid choice: 'fr' (choose from 'en', 'zh')"),
    (["snapshot", "--out", "x", "--size", "10x10"],
     "argument --size: '10x10': each side must be 320 to 16384 pixels"),
    (["preview", "--size", "wide"], "argument --size: 'wide' must be WIDTHxHEIGHT, like 1920x1080"),
    (["preview", "--lang", "de"], "argument --lang: invalid choice: 'de' (choose from 'en', 'zh')"),
])
def test_usage_mistakes_exit_2_with_a_message(capsys, args, message):
    with pytest.raises(SystemExit) as exit_info:
        main(args)
    assert exit_info.value.code == 2
    prefix = f"kiosk {args[0]}" if args[0] in ("snapshot", "preview") else "kiosk"
    assert capsys.readouterr().err.splitlines()[-1] == f"{prefix}: error: {message}"


@pytest.mark.parametrize(("good", "code"), [(True, 0), (False, 1)])
def test_preview_opens_on_the_file_and_exits_1_when_it_has_nothing_to_show(tmp_path, good, code):
    path = tmp_path / "content.yaml"
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    path.write_text(text if good else text.replace("settings:", "settings：", 1), encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run([sys.executable, "main.py", "--quit-when-shown", "preview",
                             str(path), "--size", "1080x1920", "--lang", "zh"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == code, result.stderr
    assert "Traceback" not in result.stderr


def test_check_from_the_entry_point_never_shows_a_traceback(tmp_path):
    path = tmp_path / "content.yaml"
    path.write_bytes("organisation: {name: 中文}\n".encode("gbk"))
    result = subprocess.run([sys.executable, "main.py", "check", str(path)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[0].startswith(f"{path}:1:22: the file is not saved as UTF-8")


@pytest.mark.parametrize("language", ["en", "zh"])
def test_snapshot_writes_every_screen_and_its_texts(tmp_path, capsys, family, language):
    assert main(["snapshot", "--out", str(tmp_path), "--size", "1280x800",
                 "--lang", language]) == 0
    texts = json.loads((tmp_path / "texts.json").read_text(encoding="utf-8"))
    names = list(texts)
    assert names[0] == "01-home.png"
    assert names == sorted(names)
    assert sorted(p.name for p in tmp_path.glob("*.png")) == names
    for name in ("mission", "strategies", "strategies-internationalization", "clusters",
                 "clusters-hi-tech", "network", "network-beijing", "network-tusholdings"):
        assert any(n.split("-", 1)[1] == f"{name}.png" for n in names), name
    image = QImage(str(tmp_path / names[0]))
    assert (image.width(), image.height()) == (1280, 800)
    everything = "\n".join(t for screen in texts.values() for t in screen)
    expected = {
        "en": ["Beijing TusPark", "Limited Space for Unlimited Dream", "770,000", "m²",
               "Building a stage for innovation and entrepreneurship", "Internationalization",
               "Hi-tech enterprise innovation cluster", "TusHoldings", "Congregation"],
        "zh": ["北京清华科技园", "有限空间，无限梦想", "77", "万平方米", "搭建创新创业的舞台",
               "国际化", "高新技术企业创新集群", "启迪控股", "聚集"],
    }[language]
    for fact in expected:
        assert fact in everything, fact
    assert texts["01-home.png"][0] == expected[0]


def test_snapshot_of_invalid_content_exits_1(tmp_path, capsys):
    bad = tmp_path / "content.yaml"
    bad.write_text("home: [\n", encoding="utf-8")
    assert main(["snapshot", "--out", str(tmp_path / "out"), "--content", str(bad)]) == 1
    assert capsys.readouterr().err.startswith(f"{bad}:2:1: YAML syntax error")
    assert not (tmp_path / "out").exists()


def run_kiosk(*args: str, state: Path | None = None) -> str:
    """Start the real program headless and read its log until it has started and opened its
    log file (just after its first frame), then stop it."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    if state is not None:
        env["XDG_STATE_HOME"] = str(state)
    process = subprocess.Popen([sys.executable, "main.py", *args], cwd=ROOT, env=env,
                               stderr=subprocess.PIPE, text=True)
    lines = []
    try:
        for line in process.stderr:
            lines.append(line)
            if "INFO kiosk: logging to " in line or "Traceback" in line:
                break
    finally:
        process.kill()
        process.wait()
        process.stderr.close()
    return "".join(lines)


def test_the_kiosk_starts_fullscreen_and_logs_to_a_file(tmp_path):
    log = run_kiosk(state=tmp_path)
    assert f"kiosk started: {BUNDLED}, fullscreen" in log
    assert "Traceback" not in log
    written = (tmp_path / "kiosk" / "logs" / "kiosk.log").read_text(encoding="utf-8")
    assert f"kiosk started: {BUNDLED}, fullscreen" in written


def test_the_kiosk_starts_with_broken_content_and_logs_the_problem(tmp_path):
    bad = tmp_path / "content.yaml"
    bad.write_text("organisation: {name: {en: A, zh: B}}\n"
                   "home: {tiles: [{page: x, title: {en: T, zh: T}}]}\n", encoding="utf-8")
    log = run_kiosk("--content", str(bad), "--windowed", "800x600", state=tmp_path)
    assert f"{bad}:2:23: 'page' must be one of mission, strategies, clusters, network, not \"x\"" \
        in log
    assert f"kiosk started: {bad}, windowed" in log
    assert "Traceback" not in log


def fixed_on_the_back_soon_screen(content: Path, state: Path) -> str:
    """The kiosk's log from its start on the back soon screen, through a valid save of
    `content`, to its start again."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(state))
    process = subprocess.Popen([sys.executable, "main.py", "--content", str(content),
                                "--windowed", "800x600"], cwd=ROOT, env=env,
                               stderr=subprocess.PIPE, text=True)
    seen = []
    watchdog = threading.Timer(60, process.kill)  # a kiosk that never restarts fails the test
    watchdog.start()
    try:
        for line in process.stderr:
            seen.append(line)
            if "INFO kiosk: logging to " in line and len(
                    [s for s in seen if "kiosk started" in s]) == 1:
                content.write_text((ROOT / "content.yaml").read_text(encoding="utf-8"),
                                   encoding="utf-8")
            if len([s for s in seen if "kiosk started" in s]) == 2 or "Traceback" in line:
                break
    finally:
        watchdog.cancel()
        process.kill()
        process.wait()
        process.stderr.close()
    return "".join(seen)


def test_the_back_soon_screen_starts_the_kiosk_again_once_the_file_is_fixed(tmp_path):
    """Started on a broken file, the kiosk shows "back soon" and watches the file: a valid save
    starts it again on the new content, with no one at the machine."""
    bad = tmp_path / "content.yaml"
    bad.write_text("organisation: [broken\n", encoding="utf-8")
    text = fixed_on_the_back_soon_screen(bad, tmp_path / "state")
    assert "Traceback" not in text
    assert text.count(f"kiosk started: {bad}, windowed") == 2
    assert "kiosk stopped (exit code 11)" in text  # the restart staff could also ask for


def test_a_file_fixed_after_a_crash_loop_starts_normally_not_back_soon_again(tmp_path):
    """Six crashes within the minute, then the back soon screen; staff save a valid file within
    that minute: the kiosk starts on it, not on back soon again with a longer wait."""
    from datetime import datetime, timedelta

    content = tmp_path / "content.yaml"
    content.write_text((ROOT / "content.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    starts = tmp_path / "state" / "kiosk" / "starts.json"
    starts.parent.mkdir(parents=True)
    now = datetime.now()
    starts.write_text(json.dumps([{"started": (now - timedelta(seconds=s)).isoformat(),
                                   "clean": False} for s in range(6, 0, -1)]))
    text = fixed_on_the_back_soon_screen(content, tmp_path / "state")
    first, _, second = text.partition("kiosk stopped (exit code 11)")
    assert "the kiosk crashed again and again; starting on the back soon screen" in first
    assert "on the back soon screen; trying a normal start in 3 minutes" in first
    assert f"kiosk started: {content}, windowed" in second
    assert "crashed again" not in second and "back soon" not in second


START_LINES = [[], ["--windowed"], ["--windowed", "800x600", "--lang", "zh", "--screen", "1"],
               ["--content", "check"], ["--site", "s.yaml", "--quit-when-shown"]]
OTHER_LINES = [["check", "x.yaml"], ["--lang", "zh", "stats"], ["--quit"],  # an abbreviation
               ["--content", "c.yaml", "check", "--site", "s.yaml"]]
WRONG_LINES = [["--windowed", "12x3"], ["--lang", "fr"], ["--content"], ["bogus"],
               ["--screen", "one"], ["--windowed", "snapshot", "--out", "d"], ["--he"], ["-h"],
               ["--help", "--windowed"], ["--version"]]


@pytest.mark.parametrize("line", START_LINES + OTHER_LINES)
def test_a_command_line_reads_as_the_whole_parser_reads_it(line):
    assert cli.parse(line) == cli.parser().parse_args(line)


@pytest.mark.parametrize("line", START_LINES)
def test_a_start_is_read_without_building_every_commands_parser(line, monkeypatch):
    """7 ms of every start (docs/performance.md)."""
    monkeypatch.setattr(cli, "parser", lambda: pytest.fail("every command's parser built"))
    assert cli.parse(line).command is None


@pytest.mark.parametrize("line", WRONG_LINES)
def test_a_mistake_or_a_call_for_help_gets_the_whole_parsers_words(line, capsys):
    with pytest.raises(SystemExit) as whole:
        cli.parser().parse_args(line)
    expected = capsys.readouterr()
    with pytest.raises(SystemExit) as read:
        cli.parse(line)
    assert (read.value.code, capsys.readouterr()) == (whole.value.code, expected)
