"""Smoke-test the PyInstaller build in dist/kiosk/, headless, and report its size and speed.

    python tools/smoke_build.py            (after: python -m PyInstaller --noconfirm kiosk.spec)

Checks that the built program runs `check` on the content beside it, renders every screen with
`snapshot`, reports a broken content file with its line and exit code 1, warns of a character
its font lacks, prints the JSON
Schema with `schema`, sets a PIN with `set-pin` (PBKDF2 without OpenSSL), reads usage
figures with `stats` (SQLite is in the build), opens the preview and writes its shortcut
(with the build's own path; the .cmd file for Windows is beside it), finds its speech engine,
and starts; then measures
its start-up beside the source kiosk's (median of several runs, same machine).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BUILD = ROOT / "dist" / "kiosk"
PROGRAM = BUILD / ("kiosk.exe" if sys.platform == "win32" else "kiosk")
# 120 until reading aloud: Qt TextToSpeech links Qt Multimedia and Network (4.2 MB); 126 until
# WebP pictures, which `check` accepts, were drawn by the build too (its plugin, 0.5 MB)
MOST_MB = 127
RUNS = 7
FOLDERS = tempfile.TemporaryDirectory(prefix="kiosk-smoke-")  # settings, usage, logs
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_CONFIG_HOME=f"{FOLDERS.name}/config",
           XDG_DATA_HOME=f"{FOLDERS.name}/data", XDG_STATE_HOME=f"{FOLDERS.name}/state")


def run(*args: str, expect: int = 0, given: str = "") -> subprocess.CompletedProcess:
    result = subprocess.run([str(PROGRAM), *args], capture_output=True, text=True, env=ENV,
                            timeout=120, input=given)
    if result.returncode != expect:
        sys.exit(f"FAILED: kiosk {' '.join(args)} exited {result.returncode}, not {expect}\n"
                 f"{result.stdout}{result.stderr}")
    if "Traceback" in result.stderr:
        sys.exit(f"FAILED: kiosk {' '.join(args)} printed a traceback\n{result.stderr}")
    return result


def start_seconds(*commands: list[str]) -> list[float]:
    """The median start of each command, the commands run in turn (one of each, RUNS times):
    a shared machine's slow minute then slows both, not one."""
    times: list[list[float]] = [[] for _ in commands]
    for _ in range(RUNS):
        for command, found in zip(commands, times, strict=True):
            begin = time.perf_counter()
            subprocess.run([*command, "--quit-when-shown"], env=ENV, check=True, timeout=60,
                           capture_output=True)
            found.append(time.perf_counter() - begin)
    return [statistics.median(found) for found in times]


def voices() -> None:
    """The build carries Qt TextToSpeech and its engine's plugin: `kiosk voices` finds the
    engine (whether this machine has voices is its own affair: speech-dispatcher, eSpeak NG)."""
    told = subprocess.run([str(PROGRAM), "voices"], capture_output=True, text=True, env=ENV,
                          timeout=120)
    lines = told.stdout.splitlines()
    if told.returncode not in (0, 1) or "Traceback" in told.stderr or \
            [line.split(":")[0] for line in lines] != ["English", "Chinese"] or \
            any("is missing" in line or "speech engine (it has" in line for line in lines):
        sys.exit(f"FAILED: kiosk voices exited {told.returncode}\n{told.stdout}{told.stderr}")
    print("voices: " + "; ".join(lines))


def metrics() -> None:
    """The build serves its figures with a site.yaml that asks (the Prometheus client library
    and its web server are in the build; its `ssl` stands in: packaging/no_tls.py)."""
    import socket
    import urllib.request

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "content.yaml").write_bytes((BUILD / "content.yaml").read_bytes())
        (Path(tmp) / "site.yaml").write_text(
            f'name: smoke\nhere: shenzhen\nmetrics: {{listen: "127.0.0.1:{port}"}}\n',
            encoding="utf-8")
        kiosk = subprocess.Popen([str(PROGRAM), "--content", str(Path(tmp) / "content.yaml"),
                                  "--windowed", "640x360"], env=ENV, stdout=subprocess.DEVNULL,
                                 stderr=subprocess.PIPE, text=True)
        try:
            deadline, text = time.monotonic() + 60, ""
            while not text and time.monotonic() < deadline:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics",
                                                timeout=5) as answer:
                        text = answer.read().decode()
                except OSError:
                    time.sleep(0.2)
        finally:
            kiosk.terminate()
            _, err = kiosk.communicate(timeout=30)
        if 'kiosk_info{name="smoke"' not in text:
            sys.exit(f"FAILED: the build served no metrics\n{err}")
    print("metrics: OK")


def main() -> int:
    size_mb = sum(f.stat().st_size for f in BUILD.rglob("*") if f.is_file()
                  and not f.is_symlink()) / 1e6
    print(f"size: {size_mb:.1f} MB (bound {MOST_MB} MB)")
    if size_mb > MOST_MB:
        sys.exit("FAILED: the build is too large")
    plugins = {p.name for p in BUILD.rglob("*") if p.parent.name == "imageformats"}
    for needed in ("qjpeg", "qsvg", "qwebp"):  # PNG and BMP: read by Qt itself
        if not any(needed in name for name in plugins):
            sys.exit(f"FAILED: no {needed} picture plugin in the build ({sorted(plugins)})")
    if not (BUILD / "content.yaml").is_file():
        sys.exit("FAILED: no content.yaml beside the program")
    if not (BUILD / "templates" / "location.yaml").is_file():
        sys.exit("FAILED: no templates beside the program")

    out = run("check").stdout
    assert out.strip() == f"{BUILD / 'content.yaml'}: OK", out
    with tempfile.TemporaryDirectory() as tmp:
        bad = Path(tmp) / "content.yaml"
        bad.write_text("organisation:\n  name: {en: A, zh: B}\nhome:\n  tiles: oops\n",
                       encoding="utf-8")
        err = run("check", str(bad), expect=1).stderr
        expected = f"{bad}:4:10: 'tiles' must be a list (lines starting with '- '), not the " \
                   'text "oops"'
        assert err.splitlines()[0] == expected, err
        rare = Path(tmp) / "rare.yaml"  # the list of the font's characters is in the build
        rare.write_text("organisation:\n  name: {en: A, zh: 園}\nhome:\n  tiles:\n"
                        "    - {page: mission, title: {en: M, zh: 使命}}\n"
                        "mission:\n  title: {en: M, zh: 使命}\n",
                        encoding="utf-8")
        err = run("check", str(rare)).stderr
        assert f"{rare}:2:21: warning: the kiosk's font has no '園' (U+5712)" in err, err
        snapshots = Path(tmp) / "snapshots"
        run("snapshot", "--out", str(snapshots), "--lang", "zh")
        texts = json.loads((snapshots / "texts.json").read_text(encoding="utf-8"))
        pictures = sorted(p.name for p in snapshots.glob("*.png"))
        assert pictures == sorted(texts) and len(pictures) > 30, pictures
        assert "北京清华科技园" in texts["01-home.png"], texts["01-home.png"]
        print(f"snapshot: {len(pictures)} screens")

    schema = json.loads(run("schema").stdout)
    assert schema == json.loads((ROOT / "content.schema.json").read_text(encoding="utf-8"))
    assert (BUILD / "content.schema.json").is_file(), "no content.schema.json beside the program"
    assert "Not changed: the two PINs are not the same." in \
        run("set-pin", expect=2, given="480916\n480917\n").stderr
    run("set-pin", given="480916\n480916\n")
    stored = json.loads(Path(FOLDERS.name, "config", "kiosk", "settings.json").read_text())
    assert stored["staff_pin"]["scheme"] == "pbkdf2_sha256" and "480916" not in json.dumps(stored)
    sys.path.insert(0, str(ROOT))
    from kiosk.core.pin import matches  # the build's hash, checked by the source: they agree

    assert matches("480916", stored["staff_pin"])
    database = Path(FOLDERS.name) / "usage.sqlite3"
    subprocess.run([sys.executable, "-c", (
        "import sys, datetime; from pathlib import Path; from kiosk.core.usage import *; "
        "s = UsageStore(Path(sys.argv[1])); t = datetime.datetime(2026, 11, 30, 10); "
        "s.save(Session(t, 'zh', 42.0, [View('network', 'shanghai', 'zh', t, 42.0)]))"),
        str(database)], check=True, cwd=ROOT)
    line = json.loads(run("stats", "--database", str(database), "--format", "jsonl").stdout)
    assert (line["seconds"], line["views"][0]["detail"]) == (42.0, "shanghai"), line
    print("schema, set-pin, stats: OK")

    run("--quit-when-shown", "preview", "--size", "1080x1920")  # the kiosk in the preview
    assert (BUILD / "kiosk-preview.cmd").is_file(), "no kiosk-preview.cmd beside the program"
    with tempfile.TemporaryDirectory() as tmp:
        run("shortcut", "--to", tmp)
        entry = (Path(tmp) / "kiosk-preview.desktop").read_text(encoding="utf-8")
        assert f'Exec="{PROGRAM}" "preview" "{BUILD / "content.yaml"}"' in entry, entry
    print("preview, shortcut: OK")
    err = run("report", "--out", str(Path(FOLDERS.name) / "report"), expect=2).stderr
    assert "draws its charts with matplotlib, which is not installed here" in err, err
    print("report: says what to install (no matplotlib in the build)")
    voices()
    metrics()

    built, source = start_seconds([str(PROGRAM)], [sys.executable, str(ROOT / "main.py")])
    ratio = built / source
    print(f"start to first frame: built {built:.3f} s, source {source:.3f} s, "
          f"ratio {ratio:.2f} (bound 1.3; median of {RUNS})")
    if ratio > 1.3:
        sys.exit("FAILED: the build starts too slowly")
    print("smoke test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
