"""Every picture `check` accepts is one the kiosk draws, here and in the build: Qt reads each
suffix of kiosk/core/content/keys.py's IMAGE_SUFFIXES, and kiosk.spec leaves none of their
plugins out (a WebP photo passed `check`, and the installed kiosk showed nothing in its place:
the build had dropped the WebP plugin). tools/smoke_build.py looks for them in the build."""

import ast
from pathlib import Path

from PySide6.QtGui import QImageReader

from kiosk.core.content.keys import IMAGE_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
BUILT_IN = {"png", "bmp"}  # read by QtGui itself, with no plugin


def dropped() -> tuple[str, ...]:
    """kiosk.spec's DROPPED, read as Python reads it (the spec itself runs under PyInstaller)."""
    tree = ast.parse((ROOT / "kiosk.spec").read_text(encoding="utf-8"))
    found = next(node.value for node in tree.body if isinstance(node, ast.Assign)
                 and any(getattr(t, "id", "") == "DROPPED" for t in node.targets))
    return tuple(ast.literal_eval(found))


def formats() -> set[str]:
    return {suffix.lstrip(".").replace("jpeg", "jpg") for suffix in IMAGE_SUFFIXES}


def test_qt_reads_every_picture_format_check_accepts(qapp):
    readable = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    assert formats() <= readable | {"jpg"} and "jpeg" in readable


def test_the_build_keeps_the_plugin_of_every_picture_format_check_accepts():
    names = {"jpg": "jpeg"}
    for fmt in sorted(formats() - BUILT_IN):
        plugin = f"imageformats/libq{names.get(fmt, fmt)}"
        assert not any(part in plugin for part in dropped()), f"kiosk.spec drops {plugin}"


def test_the_build_drops_the_plugins_of_formats_check_refuses():
    for fmt in ("gif", "ico", "tiff", "tga"):
        assert f".{fmt}" not in IMAGE_SUFFIXES
        assert f"imageformats/libq{fmt}" in dropped()
