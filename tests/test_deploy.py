"""The deploy recipes, run for real: pushing one content folder to a fleet with rsync, and the
systemd unit's settings."""

import configparser
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.core.content import load
from kiosk.qt.watcher import ContentWatcher

ROOT = Path(__file__).resolve().parent.parent
PUSH = ROOT / "deploy" / "push-content.sh"


def push(*args, cwd=ROOT):
    env = dict(os.environ, KIOSK=f"{sys.executable} {ROOT / 'main.py'}")
    return subprocess.run(["sh", str(PUSH), *map(str, args)], capture_output=True, text=True,
                          env=env, cwd=cwd, timeout=60)


def a_content_folder(where: Path) -> Path:
    where.mkdir()
    shutil.copy(ROOT / "content.yaml", where / "content.yaml")
    shutil.copytree(ROOT / "resources", where / "resources")
    return where


def test_a_push_reaches_every_running_kiosk_and_each_shows_it(qtbot, tmp_path):
    assert shutil.which("rsync"), "rsync is needed: .ci/run installs it"
    source = a_content_folder(tmp_path / "source")
    kiosks = [a_content_folder(tmp_path / f"kiosk-{n}") for n in range(3)]
    watchers = [ContentWatcher(k / "content.yaml", load(k / "content.yaml").content,
                               debounce_ms=50) for k in kiosks]
    text = (source / "content.yaml").read_text(encoding="utf-8")
    (source / "content.yaml").write_text(
        text.replace("idle_timeout: 60", "idle_timeout: 45"), encoding="utf-8")
    with qtbot.waitSignals([w.loaded for w in watchers], timeout=10_000):
        result = push(source, *kiosks)
    assert result.returncode == 0, result.stderr
    assert [w.current.settings.idle_timeout for w in watchers] == [45.0] * 3
    assert result.stdout.splitlines()[-4:-1] == [f"pushed to {k}" for k in kiosks]
    assert not [p for k in kiosks for p in k.iterdir() if p.name.startswith(".")]  # no leftovers


def test_a_push_leaves_each_kiosks_own_site_file_alone_and_names_the_version(tmp_path):
    source = a_content_folder(tmp_path / "source")
    (source / "site.yaml").write_text("name: the-desk\n", encoding="utf-8")
    kiosk = a_content_folder(tmp_path / "kiosk")
    (kiosk / "site.yaml").write_text("name: shenzhen-lobby\nhere: shenzhen\n", encoding="utf-8")
    result = push(source, kiosk)
    assert result.returncode == 0, result.stderr
    assert (kiosk / "site.yaml").read_text(encoding="utf-8") == \
        "name: shenzhen-lobby\nhere: shenzhen\n"
    import hashlib
    version = hashlib.sha256((source / "content.yaml").read_bytes()).hexdigest()[:12]
    assert result.stdout.splitlines()[-1] == (
        f'content version {version}: kiosk_content_info{{version="{version}"}} on each kiosk '
        "that shows it")


def test_a_broken_content_file_is_pushed_nowhere(tmp_path):
    source = a_content_folder(tmp_path / "source")
    kiosk = a_content_folder(tmp_path / "kiosk")
    (source / "content.yaml").write_text("organisation: [broken\n", encoding="utf-8")
    result = push(source, kiosk)
    assert result.returncode == 1
    assert result.stderr.splitlines()[-1] == "not pushed: fix the problems above"
    assert (kiosk / "content.yaml").read_bytes() == (ROOT / "content.yaml").read_bytes()


def test_an_unreachable_kiosk_is_named_and_the_others_still_get_it(tmp_path):
    source = a_content_folder(tmp_path / "source")
    kiosk = a_content_folder(tmp_path / "kiosk")
    gone = tmp_path / "no" / "such" / "folder"
    result = push(source, gone, kiosk)
    assert result.returncode == 1
    assert f"NOT pushed to {gone}" in result.stderr
    assert f"pushed to {kiosk}" in result.stdout


def test_the_service_restarts_forever_and_stays_stopped_when_staff_exit():
    unit = configparser.ConfigParser(strict=False)
    unit.optionxform = str
    unit.read(ROOT / "deploy" / "kiosk.service")
    assert unit["Unit"]["StartLimitIntervalSec"] == "0"
    assert unit["Service"]["Restart"] == "always"
    assert unit["Service"]["RestartSec"] == "2"
    from kiosk.core.exit_codes import ExitCode

    assert unit["Service"]["RestartPreventExitStatus"] == str(int(ExitCode.STAFF_EXIT))
    assert unit["Service"]["ExecStart"].endswith("-- /opt/kiosk/kiosk")


def test_the_service_restarts_a_frozen_kiosk_and_stops_one_within_the_watchdog_time():
    unit = configparser.ConfigParser(strict=False)
    unit.optionxform = str
    unit.read(ROOT / "deploy" / "kiosk.service")
    service = unit["Service"]
    assert (service["Type"], service["NotifyAccess"]) == ("notify", "all")
    assert 10 <= int(service["TimeoutStopSec"]) <= int(service["WatchdogSec"]) <= 60


def test_collecting_figures_from_many_kiosks(tmp_path):
    """collect-stats.sh with ssh stood in for by a script that runs the command here, each
    "host" reading its own database."""
    from datetime import datetime

    from kiosk.core.usage import Session, UsageStore, View

    for n, host in enumerate(("lobby-a", "lobby-b")):
        store = UsageStore(tmp_path / f"{host}.sqlite3")
        started = datetime(2026, 11, 30, 10 + n)
        store.save(Session(started, "en", 30.0 * (n + 1), [View("home", "", "en", started,
                                                                 30.0 * (n + 1))]))
        store.close()
    fake_ssh = tmp_path / "ssh"
    fake_ssh.write_text('#!/bin/sh\nhost=$3; shift 3\n'
                        'if [ "$host" = gone ]; then exit 255; fi\n'
                        f'exec "$@" --database {tmp_path}/$host.sqlite3\n')
    fake_ssh.chmod(0o755)
    kiosk = tmp_path / "kiosk"
    kiosk.write_text(f'#!/bin/sh\nexec {sys.executable} {ROOT / "main.py"} "$@"\n')
    kiosk.chmod(0o755)
    env = dict(os.environ, SSH=str(fake_ssh), REMOTE_KIOSK=str(kiosk))
    result = subprocess.run(["sh", str(ROOT / "deploy" / "collect-stats.sh"), "2026-11-01",
                             "lobby-a", "gone", "lobby-b"], capture_output=True, text=True,
                            env=env, timeout=60)
    assert result.returncode == 1
    assert result.stderr.strip() == "no figures from gone"
    collected = tmp_path / "park.jsonl"
    collected.write_text(result.stdout)
    summary = subprocess.run([sys.executable, str(ROOT / "main.py"), "stats", "--jsonl",
                              str(collected)], capture_output=True, text=True, timeout=60)
    assert summary.stdout.startswith("Visitor sessions in all: 2\nMedian session: 0 min 45 s")
