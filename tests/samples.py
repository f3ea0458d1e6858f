"""Where the project's files are, and the smallest valid content file, for every test (no Qt)."""

from pathlib import Path

from kiosk.core.content import load_bytes

ROOT = Path(__file__).resolve().parent.parent  # the repository
BUNDLED = ROOT / "content.yaml"

# The smallest valid file; each bad case in the tests adds one mistake to it.
MINIMAL = """\
organisation:
  name: {en: Example Park, zh: 示例园区}
home:
  tiles:
    - {page: mission, title: {en: Mission, zh: 使命}}
mission:
  title: {en: Mission, zh: 使命}
"""


def problems(text: str | bytes, base: Path = ROOT) -> list[str]:
    """What `check` says of `text`, each problem as it prints it."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    return [str(p) for p in load_bytes(data, "content.yaml", base).problems]


def run_kiosk(folder: Path, ms_after_first_frame: int, last_words: str = "",
              first_words: str = "", fullscreen: bool = False, **env: str):
    """The whole kiosk, started for real (main.py's way in) on the bundled content, in a window
    (or `fullscreen`), its settings, data and state in `folder`, stopped `ms_after_first_frame`
    after its first frame: the finished process. `first_words` and `last_words`, Python
    expressions, are printed at the first frame (before the services it starts) and just
    before it stops."""
    import os
    import subprocess
    import sys

    environ = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(folder / "state"),
                   XDG_DATA_HOME=str(folder / "data"), XDG_CONFIG_HOME=str(folder / "config"),
                   **env)
    script = ("import sys; from kiosk import app\n"
              "from kiosk.cli import main\n"
              f"app.quit_when_shown = lambda: (print({first_words or 'None'}), "
              f"app.QTimer.singleShot({ms_after_first_frame}, "
              f"lambda: (print({last_words or 'None'}), app.QApplication.exit(0))))\n"
              f"sys.exit(main({['--quit-when-shown'] + ([] if fullscreen else ['--windowed'])}))\n")
    return subprocess.run([sys.executable, "-c", script], env=environ, cwd=ROOT, timeout=60,
                          capture_output=True, text=True)
