"""The kiosk on a real X server (Xvfb), fullscreen, as a lobby's display runs it, and driven by
real input (xdotool): a click on a tile counts as a tap and opens its page, which the display
shows pixel for pixel as `kiosk snapshot` draws it offscreen, a drag scrolls it, the keys that
would leave the kiosk leave it running, and with nobody there the session ends and is counted.
What it did is read from its figures for Prometheus, as the desk reads them, and from a grab of
the display.

The offscreen tests give their taps and keys to the window through Qt's own test functions;
here the X server sends them, as a touchscreen's driver does (kiosk/qt/watchers.py)."""

import base64
import os
import re
import shutil
import socket
import subprocess
import sys
import urllib.request
from pathlib import Path
from types import SimpleNamespace

import pytest
from PySide6.QtGui import QImage

from kiosk.core.site.secret import new_password, password_hash

from .outside import wait_for

ROOT = Path(__file__).resolve().parent.parent
SIZE = (1280, 720)
MISSION_TILE = (200, 450)  # inside the home screen's first tile at 1280x720 (English)


def tool(name: str) -> str:
    found = shutil.which(name)
    assert found, f"{name} is needed: .ci/run installs Debian's xvfb and xdotool"
    return found


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def display():
    """An X server of its own, on the first free display number (Xvfb writes it)."""
    read, write = os.pipe()
    server = subprocess.Popen([tool("Xvfb"), "-displayfd", str(write), "-screen", "0",
                               f"{SIZE[0]}x{SIZE[1]}x24", "-nolisten", "tcp"],
                              pass_fds=(write,), stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL)
    os.close(write)
    with os.fdopen(read) as numbers:
        number = numbers.readline().strip()
    assert number, "Xvfb did not start"
    yield f":{number}"
    server.terminate()
    server.wait(timeout=30)


@pytest.fixture
def kiosk(tmp_path, display):
    """The kiosk fullscreen on that display, idle after 8 s and home 3 s later, its figures
    served on a free port."""
    folder = tmp_path / "kiosk"
    folder.mkdir()
    content = (ROOT / "content.yaml").read_text(encoding="utf-8")
    content = re.sub(r"(?m)^  idle_timeout: \d+", "  idle_timeout: 8", content)
    content = re.sub(r"(?m)^  countdown: \d+", "  countdown: 3", content)
    (folder / "content.yaml").write_text(content, encoding="utf-8")
    password, port = new_password(), free_port()
    (folder / "site.yaml").write_text(
        f'name: test-lobby\nhere: shenzhen\nmetrics:\n  listen: "127.0.0.1:{port}"\n'
        f'  username: prometheus\n  password_hash: "{password_hash(password)}"\n',
        encoding="utf-8")
    env = dict(os.environ, QT_QPA_PLATFORM="xcb", DISPLAY=display,
               XDG_STATE_HOME=str(tmp_path / "state"), XDG_DATA_HOME=str(tmp_path / "data"),
               XDG_CONFIG_HOME=str(tmp_path / "config"))
    with open(tmp_path / "kiosk.log", "wb") as log:
        process = subprocess.Popen([sys.executable, str(ROOT / "main.py"), "--content",
                                    str(folder / "content.yaml")], env=env, stdout=log,
                                   stderr=log)
        yield SimpleNamespace(process=process, port=port, password=password, display=display,
                              log=tmp_path / "kiosk.log", content=folder / "content.yaml")
        process.terminate()
        process.wait(timeout=30)


def figures(port: int, password: str) -> dict[str, float]:
    """The kiosk's figures, as Prometheus scrapes them: name and labels -> value."""
    request = urllib.request.Request(f"http://127.0.0.1:{port}/metrics")
    token = base64.b64encode(f"prometheus:{password}".encode()).decode()
    request.add_header("Authorization", f"Basic {token}")
    with urllib.request.urlopen(request, timeout=10) as answer:
        text = answer.read().decode()
    found = {}
    for line in text.splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.rpartition(" ")
            found[name] = float(value)
    return found


GRAB = ("import sys; from PySide6.QtGui import QGuiApplication; app = QGuiApplication([]); "
        "app.primaryScreen().grabWindow(0).save(sys.argv[1])")


def on_screen(display: str, path: Path) -> QImage:
    """What the display shows, grabbed by a program of its own on it."""
    subprocess.run([sys.executable, "-c", GRAB, str(path)], check=True, timeout=60,
                   env=dict(os.environ, DISPLAY=display, QT_QPA_PLATFORM="xcb"))
    return QImage(str(path)).convertToFormat(QImage.Format.Format_RGB32)


def snapshot(content: Path, out: Path, name: str) -> QImage:
    """The screen `name` as `kiosk snapshot` draws it offscreen, at the display's size."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_STATE_HOME=str(out / "state"))
    subprocess.run([sys.executable, str(ROOT / "main.py"), "snapshot", "--content", str(content),
                    "--out", str(out), "--size", f"{SIZE[0]}x{SIZE[1]}", "--lang", "en"],
                   check=True, timeout=120, env=env, capture_output=True)
    return QImage(str(out / name)).convertToFormat(QImage.Format.Format_RGB32)


def above_the_bar(image: QImage) -> QImage:
    """The screen above the bar of buttons (whose reading aloud switch shows once the voice
    is open, at the first idle: not yet, early in a visit)."""
    return image.copy(0, 0, SIZE[0], SIZE[1] * 5 // 6)


def xdotool(display: str, *args: str) -> None:
    subprocess.run([tool("xdotool"), *args], env=dict(os.environ, DISPLAY=display), check=True,
                   timeout=30)


def test_real_input_on_a_real_display(kiosk):
    process, port, password, display = kiosk.process, kiosk.port, kiosk.password, kiosk.display
    drawn = above_the_bar(snapshot(kiosk.content, kiosk.log.parent / "snapshots",
                                   "02-mission.png"))
    before = wait_for(lambda: "kiosk_taps_total" in (found := figures(port, password))
                      and found)  # up, just after its first frame
    assert before["kiosk_taps_total"] == 0
    assert before.get('kiosk_views_total{kind="page",page="mission"}', 0) == 0

    xdotool(display, "mousemove", *map(str, MISSION_TILE), "click", "1")
    mission = 'kiosk_views_total{kind="page",page="mission"}'
    tapped = wait_for(lambda: mission in (found := figures(port, password)) and found)
    assert (tapped["kiosk_taps_total"], tapped[mission]) == (1, 1)  # the tap opened its page
    # and the display shows the page as the snapshots draw it, pixel for pixel, once the
    # cross-fade is over (within the 8 s before "Still there?")
    grab = kiosk.log.parent / "screen.png"
    wait_for(lambda: above_the_bar(on_screen(display, grab)) == drawn, timeout=6)

    # A finger's drag up the page (one touch more), the page scrolled by it
    xdotool(display, "mousemove", "640", "600", "mousedown", "1")
    for y in range(560, 200, -40):
        xdotool(display, "mousemove", "640", str(y))
    xdotool(display, "mouseup", "1")
    # The keys that close windows or leave programs; then a click, handled after them
    for keys in ("Escape", "ctrl+w", "ctrl+q", "alt+F4"):
        xdotool(display, "key", keys)
    xdotool(display, "mousemove", "640", "360", "click", "1")
    wait_for(lambda: figures(port, password)["kiosk_taps_total"] == 3)
    assert process.poll() is None  # still running

    # Nobody there: "Still there?" after 8 s, home 3 s later, the session counted
    ended = wait_for(lambda: (found := figures(port, password))["kiosk_sessions_total"] == 1
                     and found, timeout=60)
    assert ended["kiosk_taps_total"] == 3
    assert process.poll() is None
    # and nothing went wrong on the way: the log's one warning is the short countdown's
    warned = [line for line in kiosk.log.read_text(encoding="utf-8").splitlines()
              if " WARNING " in line or " ERROR " in line or " CRITICAL " in line]
    assert len(warned) == 1 and "'countdown' is 3 seconds" in warned[0], warned
