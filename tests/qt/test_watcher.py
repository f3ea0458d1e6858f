"""Live content updates: every save is seen, however it was made; a bad save changes nothing."""

import os
import shutil
import threading
from pathlib import Path

import pytest

from kiosk.core.content import load
from kiosk.core.session import HOME, Route
from kiosk.qt.watcher import ContentWatcher

from ..helpers import tap
from ..samples import BUNDLED, MINIMAL

NAME = "name: {en: Beijing TusPark, zh: 北京清华科技园}"
MINIMAL_NAME = "name: {en: Example Park, zh: 示例园区}"


def save(path, number: int, how: str, text: str = "", name: str = NAME) -> None:
    """`text` (the bundled file if not given) saved with its organisation named by `number`."""
    text = (text or BUNDLED.read_text(encoding="utf-8")).replace(
        name, f"name: {{en: Park number {number}, zh: 园区{number}}}")
    if how == "in place":
        path.write_text(text, encoding="utf-8")
    elif how == "rename":  # as editors and sync tools save: a new file renamed over the old
        temporary = path.with_name(f".content.yaml.{number}.tmp")
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    else:  # deleted, then written anew
        path.unlink()
        path.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("how", ["in place", "rename", "delete and write"])
def test_every_save_is_seen(qtbot, content_file, how):
    """A hundred saves in a row, each seen: of the smallest valid file, for what is tested
    is the watching (a save of the bundled file took 13 ms here, of the smallest 6.7)."""
    content_file.write_text(MINIMAL, encoding="utf-8")
    watcher = ContentWatcher(content_file, load(content_file).content, debounce_ms=5)
    for number in range(1, 101 if how != "delete and write" else 51):
        with qtbot.waitSignal(watcher.loaded, timeout=5000) as blocker:
            save(content_file, number, how, MINIMAL, MINIMAL_NAME)
        assert blocker.args[0].organisation.name.en == f"Park number {number}"


def test_a_half_written_file_changes_nothing_then_the_whole_one_loads(qtbot, content_file):
    good = load(content_file).content
    watcher = ContentWatcher(content_file, good, debounce_ms=5)
    text = BUNDLED.read_text(encoding="utf-8").replace(NAME, "name: {en: Whole, zh: 完整}")
    with qtbot.waitSignal(watcher.failed, timeout=5000) as blocker:
        content_file.write_text(text[: len(text) // 3] + "\n  - [", encoding="utf-8")
    assert blocker.args[0].errors and all(p.line >= 1 for p in blocker.args[0].errors)
    assert watcher.current is good
    with qtbot.waitSignal(watcher.loaded, timeout=5000):
        content_file.write_text(text, encoding="utf-8")
    assert watcher.current.organisation.name.en == "Whole"


def test_new_content_waits_for_the_session_to_end(qtbot, make_window, content_file):
    window = make_window()
    watcher = ContentWatcher(content_file, window.content, debounce_ms=5)
    watcher.loaded.connect(window.use_content)
    tap(qtbot, window.screens["home"].tiles["mission"])
    with qtbot.waitSignal(watcher.loaded, timeout=5000):
        save(content_file, 7, "rename")
    assert window.route == Route("mission")  # the visitor is not thrown out
    assert window.content.organisation.name.en == "Beijing TusPark"
    window.reset()  # the session ends
    assert window.route == HOME
    assert window.content.organisation.name.en == "Park number 7"


def test_new_content_shows_at_once_when_nobody_is_there(qtbot, make_window, content_file):
    window = make_window()
    watcher = ContentWatcher(content_file, window.content, debounce_ms=5)
    watcher.loaded.connect(window.use_content)
    with qtbot.waitSignal(window.session_reset, timeout=5000):
        save(content_file, 9, "in place")
    assert window.content.organisation.name.en == "Park number 9"


def a_folder(where, number: int):
    where.mkdir(parents=True)
    save(where / "content.yaml", number, "in place")
    return where


def test_a_content_folder_replaced_by_rename_is_followed(qtbot, tmp_path):
    """How rsync --delay-updates and deploy scripts publish: a new folder renamed into place."""
    live = a_folder(tmp_path / "site" / "content", 1)
    watcher = ContentWatcher(live / "content.yaml", load(live / "content.yaml").content,
                             debounce_ms=5)
    a_folder(tmp_path / "site" / "content.new", 2)
    with qtbot.waitSignal(watcher.loaded, timeout=5000) as blocker:
        os.rename(live, tmp_path / "site" / "content.old")
        os.rename(tmp_path / "site" / "content.new", live)
    assert blocker.args[0].organisation.name.en == "Park number 2"
    shutil.rmtree(tmp_path / "site" / "content.old")
    with qtbot.waitSignal(watcher.loaded, timeout=5000) as blocker:  # the new folder is watched
        save(live / "content.yaml", 3, "rename")
    assert blocker.args[0].organisation.name.en == "Park number 3"


def test_a_symlink_swapped_to_a_new_release_is_followed(qtbot, tmp_path):
    """current -> releases/1, then current -> releases/2, swapped in one rename."""
    site = tmp_path / "site"
    a_folder(site / "releases" / "1", 1)
    (site / "current").symlink_to(Path("releases") / "1")
    path = site / "current" / "content.yaml"
    watcher = ContentWatcher(path, load(path).content, debounce_ms=5)
    assert watcher.path == path  # the path, not the folder it names today
    for number in (2, 3):
        a_folder(site / "releases" / str(number), number)
        with qtbot.waitSignal(watcher.loaded, timeout=5000) as blocker:
            (site / "next").symlink_to(Path("releases") / str(number))
            os.replace(site / "next", site / "current")
        assert blocker.args[0].organisation.name.en == f"Park number {number}"
    with qtbot.waitSignal(watcher.loaded, timeout=5000) as blocker:  # a save in release 3
        save(site / "releases" / "3" / "content.yaml", 4, "in place")
    assert blocker.args[0].organisation.name.en == "Park number 4"


class HeldLoad:
    """The loader, held until the test lets it go, recording the thread it ran on."""

    def __init__(self):
        self.go = threading.Event()
        self.threads = []

    def __call__(self, path):
        self.threads.append(threading.current_thread())
        assert self.go.wait(10), "the test never let the load go"
        return load(path)


def test_a_save_is_checked_off_the_ui_thread_and_visitors_can_tap_meanwhile(
        qtbot, make_window, content_file, monkeypatch):
    held = HeldLoad()
    monkeypatch.setattr("kiosk.core.content.loader.load", held)  # as the watcher finds it
    window = make_window()
    watcher = ContentWatcher(content_file, window.content, debounce_ms=5)
    watcher.loaded.connect(window.use_content)
    save(content_file, 5, "rename")
    qtbot.waitUntil(lambda: bool(held.threads), timeout=5000)  # the check has begun, and is held
    tap(qtbot, window.screens["home"].tiles["mission"])  # the screen still answers
    assert window.route == Route("mission")
    save(content_file, 6, "in place")  # saved again while the first save is checked
    with qtbot.waitSignal(watcher.checked, timeout=10_000):
        held.go.set()
    assert threading.main_thread() not in held.threads
    assert watcher.current.organisation.name.en == "Park number 6"  # the last save wins
