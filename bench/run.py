"""The kiosk's benchmark: speed, memory, idle cost, a soak test and a large content file.

    python bench/run.py [--quick] [--json PATH]

Every ratio is against bench/bare.py, a bare PySide6 program with one label, measured in the
same run on the same machine. Times are medians over several runs (p95 where named). See
docs/performance.md for the bounds and the latest figures.
"""

from __future__ import annotations

import argparse
import compileall
import itertools
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PYTHON = sys.executable
ENV = dict(os.environ, QT_QPA_PLATFORM="offscreen")  # with a screen of its size: see measure
BOUNDS = {  # figure: the most it may be (docs/performance.md)
    "start_ratio": 1.5, "rss_ratio": 1.6, "tap_ms_p95": 16.0, "tap_ms_4k_p95": 16.7,
    "frame_ms_p95": 8.0,
    "idle_cpu_pct": 0.5, "attract_cpu_pct": 10.0, "soak_exceptions": 0, "soak_qt_warnings": 0,
    "soak_rss_growth_mib": 3.0, "check_ms": 300.0, "network_paint_ms": 16.0,
    "save_pause_ms": 50.0, "pin_pause_ms": 50.0,
}


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def rss_kib() -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


# -- in separate processes ---------------------------------------------------------------------
def to_first_frame(command: list[str]) -> tuple[float, float]:
    """Seconds from starting the process to its first frame painted (the program prints the
    moment, on the same monotonic clock), and to the process's end."""
    begin = time.perf_counter()
    out = subprocess.run(command, env=ENV, check=True, capture_output=True, text=True,
                         timeout=120).stdout
    end = time.perf_counter()
    painted = float(next(line.split()[1] for line in out.splitlines()
                         if line.startswith("painted_at")))
    return painted - begin, end - begin


def start_up(runs: int) -> dict:
    kiosk = [PYTHON, str(ROOT / "main.py"), "--quit-when-shown"]
    bare = [PYTHON, str(ROOT / "bench" / "bare.py")]
    kiosk_s, bare_s = [], []
    for _ in range(runs):  # interleaved, so that machine noise hits both alike
        kiosk_s.append(to_first_frame(kiosk))
        bare_s.append(to_first_frame(bare))
    start = statistics.median(k for k, _ in kiosk_s)
    base = statistics.median(b for b, _ in bare_s)
    return {"start_s": start, "bare_start_s": base, "start_ratio": start / base,
            "start_to_exit_s": statistics.median(k for _, k in kiosk_s),
            "bare_start_to_exit_s": statistics.median(b for _, b in bare_s)}


def printed_rss(command: list[str]) -> int:
    out = subprocess.run(command, env=ENV, check=True, capture_output=True, text=True,
                         timeout=300).stdout
    return int(next(line.split()[1] for line in out.splitlines() if line.startswith("rss_kib")))


def memory(runs: int) -> dict:
    kiosk = statistics.median(printed_rss([PYTHON, str(ROOT / "bench" / "visit_all.py")])
                              for _ in range(runs))
    bare = statistics.median(printed_rss([PYTHON, str(ROOT / "bench" / "bare.py")])
                             for _ in range(runs))
    return {"rss_mib": kiosk / 1024, "bare_rss_mib": bare / 1024, "rss_ratio": kiosk / bare}


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def cpu_percent(content: Path, settle_s: float, measure_s: float) -> float:
    process = subprocess.Popen([PYTHON, str(ROOT / "main.py"), "--windowed", "1920x1080",
                                "--content", str(content)], env=ENV,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(settle_s)  # the benchmark waits for the kiosk; the tests never sleep
        before = cpu_seconds(process.pid)
        time.sleep(measure_s)
        return 100 * (cpu_seconds(process.pid) - before) / measure_s
    finally:
        process.kill()
        process.wait()


def idle_costs(measure_s: float) -> dict:
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        idle = Path(tmp) / "idle.yaml"  # attract loop far away: the home screen, idle
        idle.write_text(text.replace("attract_delay: 120", "attract_delay: 86400"),
                        encoding="utf-8")
        attract = Path(tmp) / "attract.yaml"  # the loop from 10 s on, 2 s a slide
        attract.write_text(text.replace("attract_delay: 120", "attract_delay: 10")
                           .replace("attract_slide: 8", "attract_slide: 2"), encoding="utf-8")
        return {"idle_cpu_pct": cpu_percent(idle, 3, measure_s),
                "attract_cpu_pct": cpu_percent(attract, 12, measure_s)}


# -- in this process ---------------------------------------------------------------------------
def kiosk_window(app, content, size, motion=False):
    from kiosk.qt.idle import IdleWatcher
    from kiosk.qt.memory import trim_after_deletes
    from kiosk.snapshot import settle
    from kiosk.ui.window import KioskWindow

    content = content.with_settings(reduced_motion=not motion)
    family = app.font().family()  # the bundled fonts' family: bench/kiosk_app.py
    window = KioskWindow(content, family, IdleWatcher(3_600_000), size=size)
    window.session_reset.connect(trim_after_deletes)  # as kiosk/app.py wires it
    window.show()
    settle(app)
    window.build_every_screen()  # as the kiosk does once its first frame is shown
    settle(app)
    return window


def tap_targets(window, rounds: int):
    """What a visitor taps, in turn: each page's tile on the home screen, then Back."""
    for _ in range(rounds):
        for page in window.pages()[1:]:
            yield window.screens["home"].tiles[page]
            yield window.back_button


def taps(app, content, size, rounds: int) -> tuple[list[float], list[float]]:
    """From a tap on a tile (or Back) to the next screen fully painted once, motion off: the
    tap and every event it posts (the layouts it asks for and the window's paint). Then, apart,
    the next turn of the event loop: where the tap showed a screen's picture (a large window:
    kiosk/ui/pictures.py), the live screen taking over and painted; else nothing.

    (Until 2026-12-01 this sent every posted event and then painted the window again: two
    paints a tap. Then it sent the layout and polish events and painted the window: which
    does not paint a widget just shown over the others, as the picture is.)"""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = kiosk_window(app, content, size)
    times, after = [], []
    for widget in tap_targets(window, rounds):
        begin = time.perf_counter()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        app.sendPostedEvents()
        times.append((time.perf_counter() - begin) * 1000)
        begin = time.perf_counter()
        app.processEvents()  # the next turn: the picture's hand-over to the live screen
        app.sendPostedEvents()
        after.append((time.perf_counter() - begin) * 1000)
        window.pictures.draw_left_now()  # as the kiosk does while a visitor reads
    window.close()
    return times, after


def fade_starts(app, content, size, rounds: int) -> list[float]:
    """Motion on: from a tap on a tile (or Back) to the cross-fade under way, its first frame
    painted (the old screen drawn, and the new one, or its picture drawn ahead)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    window = kiosk_window(app, content, size, motion=True)
    times = []
    for widget in tap_targets(window, rounds):
        begin = time.perf_counter()
        QTest.mouseClick(widget, Qt.MouseButton.LeftButton)
        app.sendPostedEvents()
        app.processEvents()  # the fade begins on the next turn of the event loop
        app.sendPostedEvents()
        times.append((time.perf_counter() - begin) * 1000)
        window.finish_transition()
        app.processEvents()
        window.pictures.draw_left_now()  # as the kiosk does while a visitor reads
    window.close()
    return times


def frames(app, content, transitions: int, size=(1920, 1080)) -> list[float]:
    """The paint time of each frame of a cross-fade between screens, at `size`."""
    from kiosk.core.session import Route
    from kiosk.ui.fade import FadingPicture

    window = kiosk_window(app, content, size, motion=True)
    times = []
    for index in range(transitions):
        page = window.pages()[1 + index % (len(window.pages()) - 1)]
        window.navigate(Route(page))
        app.processEvents()  # the fade starts on the next turn of the event loop
        picture = window.fade.picture  # the fade of this transition (not an older one)
        assert isinstance(picture, FadingPicture)
        for step in range(16):  # ~16 frames of a 250 ms fade at 60 Hz
            picture.set_opacity(1 - step / 15)
            begin = time.perf_counter()
            picture.repaint()
            times.append((time.perf_counter() - begin) * 1000)
        window.finish_transition()
        window.navigate(Route("home"))
        window.finish_transition()
        app.processEvents()
    window.close()
    return times


def in_event_loop(app, steps) -> None:
    """Run the generator `steps` inside Qt's event loop (app.exec), as the kiosk runs: each
    `yield` gives the loop one turn, in which Qt does its posted work, deferred deletes of
    old screens included. (Driving Qt from outside its loop with sendPostedEvents, as the soak
    did before, leaves 24 bytes of Qt's bookkeeping behind for every object deleted, which the
    kiosk never does: docs/performance.md.)"""
    from PySide6.QtCore import QTimer

    def turn() -> None:
        try:
            next(steps)
        except StopIteration:
            app.exit(0)
            return
        QTimer.singleShot(0, turn)

    QTimer.singleShot(0, turn)
    app.exec()


def soak(app, content, events: int, seed: int = 7) -> dict:
    """Random taps, drags and swipes all over the screen, with idle returns in between."""
    from PySide6.QtCore import QPoint, Qt, qInstallMessageHandler
    from PySide6.QtTest import QTest

    window = kiosk_window(app, content, (1920, 1080))
    window.idle.stop(app)
    warnings, errors = [], []
    qInstallMessageHandler(lambda kind, context, message: warnings.append(message))
    sys.excepthook = lambda kind, error, trace: errors.append(error)
    chance = random.Random(seed)
    first_thousand = []

    def visitor():
        for number in range(events):
            point = QPoint(chance.randrange(window.width()), chance.randrange(window.height()))
            action = chance.random()
            target = window.childAt(point) or window
            local = target.mapFrom(window, point)
            if action < 0.7:
                QTest.mouseClick(target, Qt.MouseButton.LeftButton, pos=local)
            else:
                end = local + QPoint(chance.randrange(-400, 400), chance.randrange(-300, 300))
                QTest.mousePress(target, Qt.MouseButton.LeftButton, pos=local)
                QTest.mouseMove(target, end)
                QTest.mouseRelease(target, Qt.MouseButton.LeftButton, pos=end)
            if number % 250 == 249:
                window.on_idle()  # the countdown, then its end: back home, session reset
                window.overlay.stop()
                window.reset()
            for _ in range(6):  # turns of the loop between taps: layouts settle, as with people
                yield
            if number == 999:
                first_thousand.append(rss_kib())

    in_event_loop(app, visitor())
    qInstallMessageHandler(None)
    sys.excepthook = sys.__excepthook__
    window.close()
    return {"soak_events": events, "soak_exceptions": len(errors),
            "soak_qt_warnings": len(warnings),
            "soak_rss_growth_mib": (rss_kib() - (first_thousand or [rss_kib()])[0]) / 1024}


def large_content() -> str:
    long_en = " ".join(["A long paragraph about the organisation and its work."] * 40)
    lines = ["organisation: {name: {en: Large Park, zh: 大园区}}", "home:", "  tiles:",
             "    - {page: clusters, title: {en: Clusters, zh: 集群}}",
             "    - {page: network, title: {en: Network, zh: 网络}}",
             "clusters:", "  title: {en: Clusters, zh: 集群}",
             f'  lead: {{en: "{long_en}", zh: 很长}}', "  items:"]
    lines += [f"    - {{id: c{i}, title: {{en: Cluster {i}, zh: 集群{i}}}, "
              f'summary: {{en: "{long_en}", zh: 摘要}}, '
              f'paragraphs: [{{en: "{long_en}", zh: 段落}}]}}' for i in range(200)]
    lines += ["network:", "  title: {en: Network, zh: 网络}", "  locations:"]
    chance = random.Random(3)
    lines += [f"    - {{id: l{i}, name: {{en: Place {i}, zh: 地点{i}}}, "
              f"lat: {chance.uniform(20, 48):.3f}, lon: {chance.uniform(80, 130):.3f}, "
              f'summary: {{en: "{long_en[:200]}", zh: 摘要}}}}' for i in range(2000)]
    return "\n".join(lines) + "\n"


def scale(app, runs: int) -> dict:
    from kiosk.core.content import load_bytes
    from kiosk.core.session import Route

    data = large_content().encode("utf-8")
    check_ms = []
    for _ in range(runs):
        begin = time.perf_counter()
        loaded = load_bytes(data, "large.yaml", ROOT)
        check_ms.append((time.perf_counter() - begin) * 1000)
    assert loaded.content is not None, [str(p) for p in loaded.errors[:3]]
    window = kiosk_window(app, loaded.content, (1920, 1080))
    window.navigate(Route("network"))
    app.sendPostedEvents()
    view = window.screens["network"].map
    paint_ms = []
    for _ in range(runs * 4):
        begin = time.perf_counter()
        view.repaint()
        paint_ms.append((time.perf_counter() - begin) * 1000)
    window.close()
    return {"check_ms": statistics.median(check_ms),
            "network_paint_ms": statistics.median(paint_ms),
            "network_paint_ms_p95": p95(paint_ms), "scale_bytes": len(data)}


def longest_pause_ms(app, start, finished) -> float:
    """The longest the UI thread's event loop stops turning (a 1 ms timer's longest gap) from
    `start()` until `finished` is emitted."""
    from PySide6.QtCore import QTimer

    ticks = [time.perf_counter()]
    tick = QTimer()
    tick.setInterval(1)
    tick.timeout.connect(lambda: ticks.append(time.perf_counter()))
    tick.start()

    def done(*_args) -> None:  # exit, not quit: quit asks the windows, and a kiosk's refuse
        app.exit(0)

    finished.connect(done)
    QTimer.singleShot(5, start)
    app.exec()
    finished.disconnect(done)
    tick.stop()
    ticks.append(time.perf_counter())
    return max(b - a for a, b in itertools.pairwise(ticks)) * 1000


def pauses(app, runs: int) -> dict:
    """What a visitor would feel while staff save a large content file (the scale file) and
    while staff check a PIN: the UI thread's longest pause with the work on it (as before,
    the baseline) and in a thread (kiosk/qt/background.py), measured in the same run."""
    from PySide6.QtCore import QObject, Signal

    from kiosk.core.content import load
    from kiosk.core.pin import PinGate, set_pin
    from kiosk.qt.background import Background
    from kiosk.qt.watcher import ContentWatcher

    class Done(QObject):
        done = Signal()

    figures: dict = {}
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "content.yaml"
        path.write_text(large_content(), encoding="utf-8")
        settings = Path(folder) / "settings.json"
        set_pin(settings, "480916")
        gate = PinGate(settings)
        watcher = ContentWatcher(path, None)
        background = Background("bench")
        on_ui = Done()
        jobs = {"save": (lambda: load(path), watcher.reload, watcher.checked),
                "pin": (lambda: gate.check("480916"),
                        lambda: background.start(lambda: gate.check("480916")),
                        background.done)}
        for name, (job, start_off_ui, finished) in jobs.items():
            def on_ui_thread(job=job):
                job()
                on_ui.done.emit()

            before = [longest_pause_ms(app, on_ui_thread, on_ui.done) for _ in range(runs)]
            after = [longest_pause_ms(app, start_off_ui, finished) for _ in range(runs)]
            figures |= {f"{name}_pause_ms_on_ui_thread": statistics.median(before),
                        f"{name}_pause_ms": statistics.median(after)}
    return figures


def measure(quick: bool, screens: Path) -> dict:
    from kiosk.core import paths
    from kiosk.core.content import load
    from kiosk.qt.offscreen import offscreen

    figures: dict = {"quick": quick, "machine": f"{os.cpu_count()} cores, {sys.platform}"}
    ENV["QT_QPA_PLATFORM"] = offscreen(1920, 1080, screens)  # the kiosks started from here
    figures |= start_up(3 if quick else 11)
    figures |= memory(1 if quick else 3)
    figures |= idle_costs(5 if quick else 30)
    os.environ["QT_QPA_PLATFORM"] = offscreen(3840, 2160, screens)  # the largest window here
    from bench.kiosk_app import kiosk_app

    app, _family = kiosk_app()
    content = load(paths.default_content()).content
    for size, key in (((1920, 1080), "tap_ms"), ((3840, 2160), "tap_ms_4k")):
        times, after = taps(app, content, size, 3 if quick else 25)
        figures[key] = statistics.median(times)
        figures[f"{key}_p95"] = p95(times)
        figures[f"{key}_then_p95"] = p95(after)  # the turn after: the live screen taking over
    starts = fade_starts(app, content, (3840, 2160), 3 if quick else 10)
    figures |= {"fade_start_ms_4k": statistics.median(starts),
                "fade_start_ms_4k_p95": p95(starts)}
    frame_times = frames(app, content, 6 if quick else 40)
    figures |= {"frame_ms": statistics.median(frame_times), "frame_ms_p95": p95(frame_times),
                "frame_ms_max": max(frame_times)}
    frame_times = frames(app, content, 6 if quick else 40, (3840, 2160))
    figures |= {"frame_ms_4k": statistics.median(frame_times),
                "frame_ms_4k_p95": p95(frame_times)}
    figures |= soak(app, content, 2000 if quick else 20_000)
    figures |= pauses(app, 3 if quick else 7)
    return figures | scale(app, 3 if quick else 7)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run for development")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures here")
    args = parser.parse_args()
    quick = args.quick

    # Bytecode, as an installed package or the PyInstaller build has it; without it every
    # start compiles the kiosk's modules again (PYTHONDONTWRITEBYTECODE, a read-only folder).
    compileall.compile_dir(ROOT / "kiosk", quiet=1)
    with tempfile.TemporaryDirectory() as screens:
        figures = measure(quick, Path(screens))

    width = max(len(k) for k in figures)
    for key, value in figures.items():
        bound = BOUNDS.get(key)
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        verdict = "" if bound is None else ("  ok" if value <= bound else f"  OVER {bound}")
        print(f"{key:<{width}}  {shown:>10}{verdict}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
