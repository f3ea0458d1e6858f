"""Live content updates: every save is seen, however it was made; a bad save changes nothing."""

import os
import shutil

import pytest

from kiosk.content import load
from kiosk.ui.window import HOME, Route
from kiosk.watcher import ContentWatcher

from .conftest import BUNDLED
from .helpers import tap

NAME = "name: {en: Beijing TusPark, zh: 北京清华科技园}"


@pytest.fixture
def content_file(tmp_path):
    path = tmp_path / "content.yaml"
    shutil.copy(BUNDLED, path)
    return path


def save(path, number: int, how: str) -> None:
    text = BUNDLED.read_text(encoding="utf-8").replace(
        NAME, f"name: {{en: Park number {number}, zh: 园区{number}}}")
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
    watcher = ContentWatcher(content_file, load(content_file).content, debounce_ms=5)
    for number in range(1, 201 if how != "delete and write" else 51):
        with qtbot.waitSignal(watcher.loaded, timeout=5000) as blocker:
            save(content_file, number, how)
        assert blocker.args[0].organisation.name.en == f"Park number {number}"


def test_a_half_written_file_changes_nothing_then_the_whole_one_loads(qtbot, content_file):
    good = load(content_file).content
    watcher = ContentWatcher(content_file, good, debounce_ms=5)
    text = BUNDLED.read_text(encoding="utf-8").replace(NAME, "name: {en: Whole, zh: 完整}")
    with qtbot.waitSignal(watcher.failed, timeout=5000) as blocker:
        content_file.write_text(text[: len(text) // 3] + "\n  - [", encoding="utf-8")
    assert blocker.args[0] and all(p.line >= 1 for p in blocker.args[0])
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
