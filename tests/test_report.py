"""`kiosk report`: from a usage database to a page staff open and its report.json; the heatmap
against known taps; the page loaded by a real browser (headless Chromium) with no console
error and its pictures drawn; every mistake a person can make gets its message."""

import json
import re
import shutil
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from kiosk.cli import main
from kiosk.core.usage import UsageStore
from kiosk.core.usage.record import AttractRun, Session, Tap, View

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def database(tmp_path):
    """Two days: four sessions with taps on the home screen's tiles and the network."""
    path = tmp_path / "usage.sqlite3"
    store = UsageStore(path)
    start = datetime(2026, 11, 30, 10)
    for n in range(4):
        when = start + timedelta(days=n // 2, hours=n)
        store.save(Session(when, "en", 40.0 + n, [
            View("home", "", "en", when, 10.0, "http://www.spmember.com/"),
            View("network", "wuhan", "en", when, 30.0)],
            [Tap("home", "", 0.3, 0.6, "tile"), Tap("network", "wuhan", 0.5, 0.5, "map")],
            "idle"))
    store.save_attract(AttractRun(start, 30.0, True))
    store.close()
    return path


def make(tmp_path, database, *more: str) -> tuple[int, dict]:
    out = tmp_path / "report"
    code = main(["report", "--out", str(out), "--database", str(database), *more])
    found = json.loads((out / "report.json").read_text(encoding="utf-8")) if code == 0 else {}
    return code, found


def test_a_report_counts_what_the_database_holds(tmp_path, database, capsys, qapp):
    code, found = make(tmp_path, database)
    assert code == 0
    assert capsys.readouterr().out == f"{tmp_path / 'report' / 'index.html'}: 4 sessions, 8 taps\n"
    assert (found["sessions"], found["taps"], found["bounce_share"]) == (4, 8, 0.0)
    assert found["attract"] == {"shown": 1, "woken": 1, "conversion": 1.0}
    assert found["locations"] == [["wuhan", 4]]
    assert found["qr_codes"] == [["http://www.spmember.com/", 4]]
    assert found["heat"]["home"] == [[0.3, 0.6]] * 4
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "Beijing TusPark · What visitors did" in page
    # self-contained: nothing fetched from anywhere
    assert not re.search(r'(src|href)="(?!data:|#)', page)  # #: within its own SVG
    assert "<script" not in page and "@import" not in page
    assert not re.search(r"url\((?!#)", page)  # url(#...): within its own SVG


def test_the_heatmap_counts_each_tap_in_its_cell():
    from kiosk.report.heatmaps import GRID, counted

    grid = counted([[0.0, 0.0], [0.999, 0.999], [0.5, 0.5], [0.5, 0.5]])
    assert grid.shape == (GRID[1], GRID[0]) and grid.sum() == 4
    assert grid[0][0] == 1 and grid[-1][-1] == 1
    assert grid[int(0.5 * GRID[1])][int(0.5 * GRID[0])] == 2
    assert counted([]).sum() == 0


def test_the_page_loads_in_a_real_browser_with_its_pictures(tmp_path, database, qapp):
    browser = shutil.which("chromium") or shutil.which("chromium-browser")
    assert browser, "chromium is needed: .ci/run installs it"
    assert make(tmp_path, database, "--lang", "zh")[0] == 0
    page = tmp_path / "report" / "index.html"
    shot = tmp_path / "page.png"
    result = subprocess.run(
        [browser, "--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
         "--enable-logging=stderr", "--v=0", "--window-size=1200,3000",
         f"--screenshot={shot}", page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert shot.exists(), result.stderr
    console = [line for line in result.stderr.splitlines() if "CONSOLE" in line]
    assert console == []
    from PySide6.QtGui import QImage

    image = QImage(str(shot))
    dom = subprocess.run([browser, "--headless=new", "--no-sandbox", "--disable-gpu",
                          "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert dom.count("<svg") >= 5 and dom.count('<img src="data:image/png;base64,') == 2
    # drawn: the header in the accent colour, and more than a blank page below it
    assert image.pixelColor(10, 10).name() == "#660874"
    colours = {image.pixel(x, y) for x in range(0, 1200, 7) for y in range(200, 3000, 11)}
    assert len(colours) > 50


def test_mistakes_get_their_messages(tmp_path, database, capsys):
    def said(*args: str) -> tuple[int, str]:
        code = main(["report", "--out", str(tmp_path / "r"), *args])
        return code, capsys.readouterr().err.strip().splitlines()[-1]

    assert said("--database", str(database), "--since", "2026-12-02", "--until",
                "2026-12-01") == (2, "--since 2026-12-02 is after --until 2026-12-01: no day "
                                     "is in between.")
    with pytest.raises(SystemExit):
        main(["report", "--out", "x", "--since", "2026-13-01"])
    assert capsys.readouterr().err.strip().splitlines()[-1].endswith(
        "argument --since: '2026-13-01' must be a date like 2026-11-28")
    newer = tmp_path / "newer.sqlite3"
    shutil.copy(database, newer)
    db = sqlite3.connect(newer)
    db.execute("PRAGMA user_version = 3")
    db.commit()
    db.close()
    assert said("--database", str(newer)) == (
        2, f"Cannot read the usage database {newer}: it was written by a newer kiosk (version "
           "3; this one reads up to 2): read it with that kiosk's program")
    text = tmp_path / "notes.txt"
    text.write_text("not a database", encoding="utf-8")
    assert said("--database", str(text)) == (
        2, f"Cannot read the usage database {text}: it is not an SQLite database; is it the "
           "kiosk's?")
    bad = tmp_path / "kiosks.jsonl"
    bad.write_text('{"started": "yesterday"}\n', encoding="utf-8")
    assert said("--jsonl", str(bad)) == (
        2, f"{bad}:1: not a session record written by `kiosk stats --format jsonl` (Invalid "
           "isoformat string: 'yesterday')")
    assert said("--jsonl", str(tmp_path / "missing.jsonl")) == (
        2, f"Cannot read {tmp_path / 'missing.jsonl'}: No such file or directory")


def test_an_empty_database_is_a_report_that_says_so(tmp_path, capsys, qapp):
    code, found = make(tmp_path, tmp_path / "none.sqlite3")
    assert code == 0 and found["sessions"] == 0
    page = (tmp_path / "report" / "index.html").read_text(encoding="utf-8")
    assert "No visitor sessions in this period." in page


def test_many_kiosks_each_get_a_row(tmp_path, database, capsys, qapp):
    assert main(["stats", "--database", str(database), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out
    one, two = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    one.write_text(lines, encoding="utf-8")
    two.write_text(lines.replace('"kiosk": "', '"kiosk": "other-'), encoding="utf-8")
    code, found = make(tmp_path, database, "--jsonl", str(one), str(two))
    assert code == 0 and found["sessions"] == 8
    assert [k["sessions"] for k in found["kiosks"]] == [4, 4]
    assert found["heat"]["home"] == [[0.3, 0.6]] * 8  # the taps travel in the JSON lines


def test_without_matplotlib_the_command_says_what_to_install(tmp_path, capsys, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "matplotlib", None)  # as on the kiosk's own build
    assert main(["report", "--out", str(tmp_path / "r")]) == 2
    assert capsys.readouterr().err == (
        "`kiosk report` draws its charts with matplotlib, which is not installed here "
        "(matplotlib): pip install 'kiosk[report]' on the computer that makes reports\n")
    assert not (tmp_path / "r").exists()
