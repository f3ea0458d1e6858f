"""The command line: run the kiosk, check a content file, or snapshot every screen.

`python main.py` and the `kiosk` console script both end up in `main()`.
"""

from __future__ import annotations

import argparse
import sys
from enum import IntEnum
from pathlib import Path

from . import __version__, paths
from .content import load


class ExitCode(IntEnum):
    OK = 0
    CONTENT_INVALID = 1
    USAGE = 2
    NO_DISPLAY = 3


def size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        result = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' must be WIDTHxHEIGHT, like 1920x1080") from None
    if not all(320 <= v <= 16384 for v in result):
        raise argparse.ArgumentTypeError(f"'{text}': each side must be 320 to 16384 pixels")
    return result


def parser() -> argparse.ArgumentParser:
    main = argparse.ArgumentParser(
        prog="kiosk",
        description="A touchscreen visitor kiosk that shows what content.yaml says. "
                    "With no command it runs the kiosk fullscreen.",
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    main.add_argument("--content", metavar="PATH", type=Path,
                      help=f"the content file (default: {paths.default_content()})")
    main.add_argument("--windowed", metavar="WIDTHxHEIGHT", nargs="?", const=(1280, 720),
                      type=size, help="run in a normal window that closes (default 1280x720)")
    main.add_argument("--screen", metavar="N", type=int, default=0,
                      help="the display to fill, counting from 0 (default 0)")
    main.add_argument("--lang", choices=("en", "zh"),
                      help="the language each visitor starts in (default: from the content)")
    main.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    # ^ for measuring start-up: quit once the first screen is painted
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="check a content file and list its problems")
    check.add_argument("path", nargs="?", type=Path, default=None,
                       help="the content file (default: the one the kiosk uses)")
    snap = commands.add_parser("snapshot", help="render every screen to PNG files, headless")
    snap.add_argument("--out", required=True, type=Path, metavar="DIR",
                      help="the folder for the PNG files and texts.json")
    snap.add_argument("--content", dest="snapshot_content", metavar="PATH", type=Path,
                      help="the content file (default: the one the kiosk uses)")
    snap.add_argument("--size", type=size, default=(1920, 1080), metavar="WIDTHxHEIGHT",
                      help="the screen size to render (default 1920x1080)")
    snap.add_argument("--lang", dest="snapshot_lang", choices=("en", "zh"),
                      help="the language to render (default: from the content)")
    return main


def check(path: Path) -> int:
    loaded = load(path)
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    errors = len(loaded.errors)
    warnings = len(loaded.problems) - errors
    if errors:
        print(f"{path}: {errors} problem{'s' * (errors != 1)} to fix", file=sys.stderr)
        return ExitCode.CONTENT_INVALID
    print(f"{path}: OK" + (f" ({warnings} warning{'s' * (warnings != 1)})" if warnings else ""))
    return ExitCode.OK


def give_output_a_place() -> None:
    """A windowed build (Windows, no console) has no stdout or stderr: what the commands
    print would go nowhere, so it goes to output.log in the log folder instead."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream = open(paths.log_dir() / "output.log", "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    sys.stdout = sys.stdout or stream
    sys.stderr = sys.stderr or stream


def main(argv: list[str] | None = None) -> int:
    give_output_a_place()
    args = parser().parse_args(argv)
    if args.command == "check":
        return check(args.path or args.content or paths.default_content())
    if args.command == "snapshot":
        from .snapshot import snapshot

        return snapshot(args.out, args.snapshot_content or args.content or paths.default_content(),
                        args.size, args.snapshot_lang or args.lang)
    from .app import run

    return run(args)
