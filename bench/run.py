"""The kiosk's benchmark: speed, memory, idle cost, a soak test and a large content file.

    python bench/run.py [--quick] [--json PATH]

Each probe is a module of bench/probes/. Every ratio is against bench/bare.py, a bare PySide6
program with one label, measured in the same run on the same machine. Times are medians over
several runs (p95 where named). It exits with 1 where a figure misses its bound. See
docs/performance.md for the bounds and the latest figures.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import statistics
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.probes import common  # noqa: E402
from bench.probes.frames import frames  # noqa: E402
from bench.probes.idle import idle_costs  # noqa: E402
from bench.probes.live_load import live_load  # noqa: E402
from bench.probes.memory import memory  # noqa: E402
from bench.probes.pauses import pauses  # noqa: E402
from bench.probes.recording import recording  # noqa: E402
from bench.probes.report_year import report_year  # noqa: E402
from bench.probes.scale import large_content, scale  # noqa: E402
from bench.probes.scrapes import scrapes  # noqa: E402
from bench.probes.soak import soak  # noqa: E402
from bench.probes.start import start_up  # noqa: E402
from bench.probes.taps import fade_starts, taps  # noqa: E402

BOUNDS = {  # figure: the most it may be (docs/performance.md)
    "start_ratio": 1.5, "rss_ratio": 1.6, "tap_ms_p95": 16.0, "tap_ms_4k_p95": 16.7,
    "frame_ms_p95": 8.0, "tap_ms_4k_pictures_mib": 64.0, "fade_start_ms_4k_p95": 100.0,
    "idle_cpu_pct": 0.5, "attract_cpu_pct": 10.0, "soak_exceptions": 0, "soak_qt_warnings": 0,
    "soak_rss_growth_mib": 3.0, "check_ms": 300.0, "network_paint_ms": 16.0,
    "save_pause_ms": 50.0, "pin_pause_ms": 50.0,
    "live_load_stall_ms_large": 100.0, "open_stall_ms_large": 100.0,
    "tap_ms_p95_scraped": 16.0, "scrape_ms_p95": 50.0, "scrape_ms_large_p95": 50.0,
    "scrape_soak_rss_growth_mib": 3.0, "report_s": 10.0, "report_peak_mib": 500.0,
}


def measure(quick: bool, screens: Path) -> dict:
    from kiosk.core import paths
    from kiosk.core.content import load, load_bytes
    from kiosk.qt.offscreen import offscreen

    p95 = common.p95
    figures: dict = {"quick": quick, "machine": f"{os.cpu_count()} cores, {sys.platform}"}
    common.ENV["QT_QPA_PLATFORM"] = offscreen(1920, 1080, screens)  # the kiosks started here
    figures |= start_up(3 if quick else 11)
    figures |= memory(1 if quick else 3)
    figures |= idle_costs(5 if quick else 30)
    os.environ["QT_QPA_PLATFORM"] = offscreen(3840, 2160, screens)  # the largest window here
    from bench.kiosk_app import kiosk_app

    app, _family = kiosk_app()
    content = load(paths.default_content()).content
    for size, key in (((1920, 1080), "tap_ms"), ((3840, 2160), "tap_ms_4k")):
        times, after, kept = taps(app, content, size, 3 if quick else 25)
        figures[key] = statistics.median(times)
        figures[f"{key}_p95"] = p95(times)
        figures[f"{key}_then_p95"] = p95(after)  # the turn after: the live screen taking over
        figures[f"{key}_pictures_mib"] = kept / 2**20  # the screens' pictures, at most
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
    large = load_bytes(large_content().encode(), "large.yaml", common.ROOT).content
    figures |= live_load(app, content, large)
    figures |= scrapes(app, content, large, 3 if quick else 25, 2000 if quick else 10_000)
    figures |= recording(app, content, 3 if quick else 25)
    figures |= report_year(quick)
    return figures | scale(app, 3 if quick else 7)


def missed(figures: dict) -> list[str]:
    """The figures over their bounds, each as a line."""
    return [f"{key} {figures[key]:.3f} > {bound}" for key, bound in BOUNDS.items()
            if key in figures and figures[key] > bound]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="a short run for development")
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the figures here")
    args = parser.parse_args()

    # Bytecode, as an installed package or the PyInstaller build has it; without it every
    # start compiles the kiosk's modules again (PYTHONDONTWRITEBYTECODE, a read-only folder).
    compileall.compile_dir(ROOT / "kiosk", quiet=1)
    with tempfile.TemporaryDirectory() as screens:
        figures = measure(args.quick, Path(screens))

    width = max(len(k) for k in figures)
    for key, value in figures.items():
        bound = BOUNDS.get(key)
        shown = f"{value:.3f}" if isinstance(value, float) else str(value)
        verdict = "" if bound is None else ("  ok" if value <= bound else f"  OVER {bound}")
        print(f"{key:<{width}}  {shown:>10}{verdict}")
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    over = missed(figures)
    if over:
        print(f"{len(over)} figure(s) over their bounds: " + "; ".join(over), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
