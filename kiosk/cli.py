"""The command line: run the kiosk, check a content file, preview it as it is edited (and put a
shortcut to the preview on the desktop), snapshot every screen, print the content file's JSON
Schema, set the staff PIN, or print usage figures.

`python main.py` and the `kiosk` console script both end up in `main()`.
"""

from __future__ import annotations

import argparse
import sys
from datetime import date
from pathlib import Path
from typing import Any

from . import __version__
from .core import paths
from .core.exit_codes import ExitCode


def size(text: str) -> tuple[int, int]:
    width, _, height = text.lower().partition("x")
    try:
        result = int(width), int(height)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' must be WIDTHxHEIGHT, like 1920x1080") from None
    if not all(320 <= v <= 16384 for v in result):
        raise argparse.ArgumentTypeError(f"'{text}': each side must be 320 to 16384 pixels")
    return result


def day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' must be a date like 2026-11-28") from None


def display_options(command: argparse.ArgumentParser, lang_dest: str, verb: str) -> None:
    """--size and --lang, of `snapshot` and `preview`."""
    command.add_argument("--size", type=size, default=(1920, 1080), metavar="WIDTHxHEIGHT",
                         help=f"the display size to {verb} (default 1920x1080)")
    command.add_argument("--lang", dest=lang_dest, choices=("en", "zh"),
                         help=f"the language to {verb} (default: from the content)")


def site_option(command: argparse.ArgumentParser, dest: str) -> None:
    command.add_argument("--site", dest=dest, metavar="PATH", type=Path,
                         help="this kiosk's own file: name, place, hours, metrics (default: "
                              "site.yaml beside the content file, if there is one)")


def site_file(args: argparse.Namespace, content: Path) -> tuple[Path, bool]:
    """The site file to read, and whether it was given (then it must exist)."""
    from .core.site import site_path

    given = getattr(args, "command_site", None) or args.site
    return site_path(content, given), given is not None


def start_parser(alone: bool = False) -> argparse.ArgumentParser:
    """The kiosk's own options, those of a start with no command; `alone`: read before (and
    instead of) the whole parser, leaving its mistakes, and abbreviations such as "--he" that
    would be taken for a short help, to the whole parser."""
    main = argparse.ArgumentParser(
        prog="kiosk",
        description="A touchscreen visitor kiosk that shows what content.yaml says. "
                    "With no command it runs the kiosk fullscreen.",
        exit_on_error=not alone,
        allow_abbrev=not alone,
    )
    main.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    main.add_argument("--content", metavar="PATH", type=Path,
                      help=f"the content file (default: {paths.default_content()})")
    site_option(main, "site")
    main.add_argument("--windowed", metavar="WIDTHxHEIGHT", nargs="?", const=(1280, 720),
                      type=size, help="run in a normal window that closes (default 1280x720)")
    main.add_argument("--screen", metavar="N", type=int, default=0,
                      help="the display to fill, counting from 0 (default 0)")
    main.add_argument("--lang", choices=("en", "zh"),
                      help="the language each visitor starts in (default: from the content)")
    main.add_argument("--quit-when-shown", action="store_true", help=argparse.SUPPRESS)
    # ^ for measuring start-up: quit once the first screen is painted
    main.set_defaults(command=None)
    return main


def parser() -> argparse.ArgumentParser:
    """Every command's options, and the kiosk's own."""
    main = start_parser()
    commands = main.add_subparsers(dest="command", metavar="COMMAND")
    check = commands.add_parser("check", help="check a content file and list its problems")
    check.add_argument("path", nargs="?", type=Path, default=None,
                       help="the content file (default: the one the kiosk uses)")
    site_option(check, "command_site")
    snap = commands.add_parser("snapshot", help="render every screen to PNG files, headless")
    snap.add_argument("--out", required=True, type=Path, metavar="DIR",
                      help="the folder for the PNG files and texts.json")
    snap.add_argument("--content", dest="snapshot_content", metavar="PATH", type=Path,
                      help="the content file (default: the one the kiosk uses)")
    display_options(snap, "snapshot_lang", "render")
    site_option(snap, "command_site")
    look = commands.add_parser(
        "preview", help="the kiosk in a window that follows the content file as it is saved")
    look.add_argument("path", nargs="?", type=Path, default=None,
                      help="the content file (default: the one the kiosk uses)")
    display_options(look, "preview_lang", "show first")
    site_option(look, "command_site")
    cut = commands.add_parser(
        "shortcut", help="put a shortcut for staff on the desktop: it opens the preview")
    cut.add_argument("--to", type=Path, metavar="DIR",
                     help="the folder to put it in (default: the desktop)")
    commands.add_parser("schema", help="print the JSON Schema of the content file (for editors)")
    commands.add_parser("voices", help="say which voice reads aloud in each language on this "
                                       "computer, or why none does")
    commands.add_parser("metrics-password",
                        help="make a password for Prometheus to scrape this kiosk, and its hash "
                             "for site.yaml")
    pin = commands.add_parser("set-pin", help="set the PIN that opens the staff panel")
    pin.add_argument("--remove", action="store_true", help="remove the PIN (no staff panel)")
    stats = commands.add_parser("stats", help="print what visitors did: sessions, screens, "
                                              "languages")
    stats.add_argument("--since", type=day, metavar="DATE", help="from this day (YYYY-MM-DD)")
    stats.add_argument("--until", type=day, metavar="DATE",
                       help="up to and including this day (YYYY-MM-DD)")
    stats.add_argument("--format", choices=("table", "csv", "jsonl"), default="table",
                       help="table (default) for reading, csv for a spreadsheet, jsonl: one "
                            "session a line, to collect the records of many kiosks")
    stats.add_argument("--database", type=Path, metavar="PATH",
                       help=f"the usage database (default: {paths.usage_database(create=False)})")
    stats.add_argument("--jsonl", type=Path, nargs="+", metavar="FILE",
                       help="read JSON lines collected from many kiosks instead of the database")
    report_command(commands)
    return main


def report_command(commands: Any) -> None:
    made = commands.add_parser("report", help="write what visitors did as a page to open "
                                              "(index.html) and its figures (report.json)")
    made.add_argument("--out", required=True, type=Path, metavar="DIR",
                      help="the folder for index.html and report.json")
    made.add_argument("--since", type=day, metavar="DATE", help="from this day (YYYY-MM-DD)")
    made.add_argument("--until", type=day, metavar="DATE",
                      help="up to and including this day (YYYY-MM-DD)")
    made.add_argument("--database", type=Path, metavar="PATH",
                      help=f"the usage database (default: {paths.usage_database(create=False)})")
    made.add_argument("--jsonl", type=Path, nargs="+", metavar="FILE",
                      help="JSON lines collected from many kiosks (`stats --format jsonl`)")
    made.add_argument("--lang", dest="report_lang", choices=("en", "zh"), default="en",
                      help="the page's language (default en)")
    made.add_argument("--content", dest="report_content", type=Path, metavar="PATH",
                      help="the content file, for names, colours and the screens' pictures "
                           "(default: the one the kiosk uses)")
    made.add_argument("--size", type=size, default=(1920, 1080), metavar="WIDTHxHEIGHT",
                      help="the kiosk's display, for the screens under the heatmaps "
                           "(default 1920x1080)")


def check(path: Path, site: tuple[Path, bool]) -> int:
    from .core.content import load
    from .core.site import with_site

    loaded = with_site(load(path), *site)
    for problem in loaded.problems:
        print(problem, file=sys.stderr)
    errors, warnings = loaded.counts()
    checked = f"{path} and {site[0]}" if site[1] or site[0].exists() else f"{path}"
    if errors:
        print(f"{checked}: {errors} problem{'s' * (errors != 1)} to fix", file=sys.stderr)
        return ExitCode.CONTENT_INVALID
    print(f"{checked}: OK" + (f" ({warnings} warning{'s' * (warnings != 1)})" if warnings
                              else ""))
    return ExitCode.OK


def make_shortcut(folder: Path | None) -> int:
    """The preview's shortcut, with this program's own path: kiosk/core/shortcut.py."""
    from .core.shortcut import desktop_folder, shortcut

    program = [sys.executable] if paths.is_frozen() else \
        [sys.executable, str(paths.SOURCE_ROOT / "main.py")]
    content = paths.default_content()
    name, text = shortcut([*program, "preview", str(content)], content.parent,
                          sys.platform == "win32")
    path = (folder or desktop_folder(Path.home())) / name
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="")
        path.chmod(0o755)  # desktops launch only an executable desktop entry
    except OSError as exc:
        print(f"No shortcut made: {exc.strerror}: {exc.filename}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"Made {path}: double-click it to preview {content} as you edit it. (A desktop may "
          "ask once whether to trust it: right-click it and choose Allow Launching.)")
    return ExitCode.OK


def make_report(args: argparse.Namespace) -> int:
    try:
        import matplotlib  # noqa: F401  (the charts: not in the kiosk's build)

        from .report.make import report
    except ImportError as exc:
        print(f"`kiosk report` draws its charts with matplotlib, which is not installed here "
              f"({exc.name}): pip install 'kiosk[report]' on the computer that makes reports",
              file=sys.stderr)
        return ExitCode.USAGE
    return report(args.out, args.database or paths.usage_database(create=False), args.since,
                  args.until, args.jsonl, args.report_lang,
                  args.report_content or args.content or paths.default_content(), args.size)


def metrics_password() -> int:
    """A new password for Prometheus' scrapes, and the lines for site.yaml."""
    from .core.site.secret import new_password, password_hash

    password = new_password()
    print(f"Password, for Prometheus (basic_auth, password_file): {password}\n"
          f"In site.yaml, under metrics:\n  username: prometheus\n"
          f"  password_hash: \"{password_hash(password)}\"")
    return ExitCode.OK


def read_pin(prompt: str) -> str:
    """From the keyboard, not echoed; or a line of standard input when it is not a terminal."""
    if sys.stdin is not None and sys.stdin.isatty():
        import getpass

        return getpass.getpass(prompt)
    line = sys.stdin.readline() if sys.stdin is not None else ""
    return line.rstrip("\r\n")


def set_pin(remove: bool) -> int:
    from .core.pin import SettingsError, pin_problem
    from .core.pin import set_pin as store_pin

    where = paths.settings_file()
    try:
        if remove:
            store_pin(where, None)
            print(f"The staff PIN is removed ({where}): the staff panel cannot be opened.")
            return ExitCode.OK
        try:
            pin = read_pin("New staff PIN (4 to 12 digits): ")
            problem = pin_problem(pin)
            if problem:
                print(f"Not changed: {problem}.", file=sys.stderr)
                return ExitCode.USAGE
            again = read_pin("The same PIN again: ")
        except (KeyboardInterrupt, EOFError):
            print("\nNot changed.", file=sys.stderr)
            return ExitCode.USAGE
        if again != pin:
            print("Not changed: the two PINs are not the same.", file=sys.stderr)
            return ExitCode.USAGE
        store_pin(where, pin)
    except SettingsError as exc:
        print(f"Not changed: {exc}", file=sys.stderr)
        return ExitCode.USAGE
    print(f"The staff PIN is set. Its hash is kept in {where}.")
    return ExitCode.OK


def stats(database: Path, since: date | None, until: date | None, form: str,
          collected: list[Path] | None = None) -> int:
    import socket

    from .core.usage.report import as_csv, as_jsonl, as_table, day_range, figures, from_jsonl
    from .core.usage.store import UnreadableStoreError, read_sessions

    try:
        low, high = day_range(since, until)
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return ExitCode.USAGE
    if collected:
        try:
            sessions = [s for path in collected
                        for s in from_jsonl(path.read_text(encoding="utf-8"), str(path))
                        if (low is None or s.started >= low) and (high is None or s.started < high)]
        except OSError as exc:
            print(f"Cannot read {exc.filename}: {exc.strerror}", file=sys.stderr)
            return ExitCode.USAGE
        except ValueError as exc:
            print(exc, file=sys.stderr)
            return ExitCode.USAGE
    else:
        try:
            sessions = read_sessions(database, low, high)
        except UnreadableStoreError as exc:
            print(exc, file=sys.stderr)
            return ExitCode.USAGE
    if form == "jsonl":
        sys.stdout.write(as_jsonl(sessions, socket.gethostname()))
    elif form == "csv":
        sys.stdout.write(as_csv(figures(sessions)))
    else:
        period = (f"from {since or 'the first record'} to {until or 'today'}"
                  if since or until else "in all")
        sys.stdout.write(as_table(figures(sessions), period))
    return ExitCode.OK


def give_output_a_place() -> None:
    """A windowed build (Windows, no console) has no stdout or stderr: what the commands
    print would go nowhere, so it goes to output.log in the log folder instead."""
    if sys.stdout is not None and sys.stderr is not None:
        return
    stream = open(paths.log_dir() / "output.log", "a", encoding="utf-8", buffering=1)  # noqa: SIM115
    sys.stdout = sys.stdout or stream
    sys.stderr = sys.stderr or stream


def parse(argv: list[str]) -> argparse.Namespace:
    """The command line. A start names no command: its own options are read alone first,
    without building every command's parser (7 ms of each start, mostly gettext looking for
    argparse's translations: docs/performance.md). Whatever they leave (a command, its
    options), any mistake and a call for help go to the whole parser, whose answers and
    messages are the same as ever."""
    if not {"-h", "--help"}.intersection(argv):
        try:
            args, rest = start_parser(alone=True).parse_known_args(argv)
            if not rest:
                return args
        except argparse.ArgumentError:
            pass  # a mistake: the whole parser words it
    return parser().parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    give_output_a_place()
    args = parse(sys.argv[1:] if argv is None else argv)
    if args.command == "check":
        path = args.path or args.content or paths.default_content()
        return check(path, site_file(args, path))
    if args.command == "metrics-password":
        return metrics_password()
    if args.command == "report":
        return make_report(args)
    if args.command == "schema":
        print(paths.content_schema().read_text(encoding="utf-8"), end="")
        return ExitCode.OK
    if args.command == "voices":
        from .qt.voice import tell_voices

        return tell_voices()
    if args.command == "shortcut":
        return make_shortcut(args.to)
    if args.command == "set-pin":
        return set_pin(args.remove)
    if args.command == "stats":
        return stats(args.database or paths.usage_database(create=False), args.since, args.until,
                     args.format, args.jsonl)
    if args.command == "preview":
        from .preview import preview

        path = args.path or args.content or paths.default_content()
        return preview(path, args.size, args.preview_lang or args.lang, args.quit_when_shown,
                       site_file(args, path))
    if args.command == "snapshot":
        from .snapshot import snapshot

        path = args.snapshot_content or args.content or paths.default_content()
        return snapshot(args.out, path, args.size, args.snapshot_lang or args.lang,
                        site_file(args, path))
    from .qt import memory

    with memory.collector_paused():  # until the first frame: see kiosk/qt/memory.py
        from .app import StartOptions, run

        path = args.content or paths.default_content()
        code = run(StartOptions(content=path, windowed=args.windowed, screen=args.screen,
                                lang=args.lang, quit_when_shown=args.quit_when_shown,
                                site=site_file(args, path)))
    if code == ExitCode.RESTART:
        restart()
    return code


def restart() -> None:
    """Replace this process with a new kiosk, started the way this one was."""
    import os

    sys.stdout.flush()
    sys.stderr.flush()
    if paths.is_frozen():
        os.execv(sys.executable, [sys.executable, *sys.argv[1:]])
    os.execv(sys.executable, [sys.executable, *sys.orig_argv[1:]])
