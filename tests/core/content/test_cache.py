"""The cache of checked content: used only while nothing it depends on has changed."""

import shutil

import pytest

from kiosk.core.content import cache, load

from ...samples import ROOT


@pytest.fixture
def folder(tmp_path):
    shutil.copy(ROOT / "content.yaml", tmp_path / "content.yaml")
    shutil.copytree(ROOT / "resources", tmp_path / "resources")
    return tmp_path


def no_checking(monkeypatch):
    def refuse(path):
        raise AssertionError("the file was checked again")

    monkeypatch.setattr("kiosk.core.content.loader.load", refuse)


def test_an_unchanged_file_comes_from_the_cache(folder, monkeypatch):
    kept = folder / "cache.pickle"
    first = cache.load(folder / "content.yaml", kept)
    assert first.content is not None and kept.exists()
    no_checking(monkeypatch)
    again = cache.load(folder / "content.yaml", kept)
    assert again == first
    assert again.content.pages.keys() == load(folder / "content.yaml").content.pages.keys()


def test_a_changed_file_is_checked_again(folder):
    kept = folder / "cache.pickle"
    cache.load(folder / "content.yaml", kept)
    text = (folder / "content.yaml").read_text(encoding="utf-8")
    (folder / "content.yaml").write_text(text.replace("idle_timeout: 60", "idle_timeout: 45"),
                                         encoding="utf-8")
    assert cache.load(folder / "content.yaml", kept).content.settings.idle_timeout == 45
    (folder / "content.yaml").write_text("organisation: [broken\n", encoding="utf-8")
    broken = cache.load(folder / "content.yaml", kept)
    assert broken.content is None and broken.errors  # never the old content from the cache


def test_a_changed_or_missing_picture_is_checked_again(folder, monkeypatch):
    text = (folder / "content.yaml").read_text(encoding="utf-8")
    (folder / "photo.png").write_bytes((ROOT / "resources" / "icons" / "kiosk.png").read_bytes())
    with_picture = text.replace("\n  slides:\n", "\n  slides:\n"
                                "    - {text: {en: A, zh: 甲}, image: photo.png}\n", 1)
    assert with_picture != text
    (folder / "content.yaml").write_text(with_picture, encoding="utf-8")
    kept = folder / "cache.pickle"
    assert cache.load(folder / "content.yaml", kept).content is not None
    (folder / "photo.png").unlink()
    gone = cache.load(folder / "content.yaml", kept)
    assert gone.content is None
    assert any("image file not found: photo.png" in str(p) for p in gone.errors)


def test_a_damaged_cache_is_no_trouble(folder):
    kept = folder / "cache.pickle"
    kept.write_bytes(b"\x80\x05not a pickle at all")
    assert cache.load(folder / "content.yaml", kept).content is not None
    kept.write_bytes(b"")
    assert cache.load(folder / "content.yaml", kept).content is not None


def test_new_code_checks_the_file_again(folder, monkeypatch):
    kept = folder / "cache.pickle"
    cache.load(folder / "content.yaml", kept)
    monkeypatch.setattr(cache, "_code", lambda: ("a newer kiosk",))
    checked = []
    import kiosk.core.content.loader as loader

    original = loader.load
    monkeypatch.setattr(loader, "load", lambda path: checked.append(path) or original(path))
    assert cache.load(folder / "content.yaml", kept).content is not None
    assert checked == [folder / "content.yaml"]


def test_an_unwritable_cache_folder_still_loads(folder):
    assert cache.load(folder / "content.yaml", folder / "no" / "such" / "cache.pickle").content


def test_the_cache_reads_at_most_what_the_loader_would():
    from kiosk.core.content import cache, loader

    assert cache.LIMIT == loader.MAX_BYTES + 1


def test_the_same_file_in_another_folder_is_not_taken_from_the_cache(folder, tmp_path_factory):
    """A copy of the content in another folder (a staging copy beside the live one): its
    pictures are its own folder's, so the cache kept for the first is not its answer."""
    other = tmp_path_factory.mktemp("other")
    shutil.copy(folder / "content.yaml", other / "content.yaml")
    shutil.copytree(folder / "resources", other / "resources")
    kept = folder / "cache.pickle"
    first = cache.load(folder / "content.yaml", kept)
    second = cache.load(other / "content.yaml", kept)
    assert first.content.source == (folder / "content.yaml").resolve()
    assert second.content.source == (other / "content.yaml").resolve()
