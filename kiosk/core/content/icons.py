"""Icon names staff may use, read from qtawesome's character maps without importing Qt."""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from .. import paths

# Icon prefix (as in qtawesome) -> start of the font's file names: Font Awesome 6 (solid,
# regular, brands). The kiosk loads (and the build ships) these icon fonts only.
PREFIXES = {
    "fa6s": "fontawesome6-solid-webfont",
    "fa6r": "fontawesome6-regular-webfont",
    "fa6b": "fontawesome6-brands-webfont",
}


@cache
def font_files(prefix: str) -> tuple[Path, Path]:
    """The font file and the character map (name -> code point) of an icon set."""
    folder = paths.icon_fonts()
    font = next(iter(sorted(folder.glob(PREFIXES[prefix] + "-[0-9]*.ttf"))))
    charmap = next(iter(sorted(folder.glob(PREFIXES[prefix] + "-charmap-*.json"))))
    return font, charmap


@cache
def charmap(prefix: str) -> dict[str, str | int]:
    """Icon name -> its code point, as the map gives it (hex text or a number): see `code`."""
    found: dict[str, str | int] = json.loads(font_files(prefix)[1].read_text(encoding="utf-8"))
    return found


def code(prefix: str, name: str) -> int | None:
    """The code point of an icon; None if the set has no such icon."""
    found = charmap(prefix).get(name)
    return int(found, 16) if isinstance(found, str) else found


def _names(prefix: str) -> frozenset[str]:
    return frozenset(charmap(prefix))


def icon_problem(name: str) -> str | None:
    """None when `name` is a known icon, else a message saying what is wrong."""
    prefix, dot, icon = name.partition(".")
    if not dot or prefix not in PREFIXES:
        return (
            f"icon '{name}' must start with one of {', '.join(p + '.' for p in PREFIXES)} "
            "(for example fa6s.flask)"
        )
    names = _names(prefix)
    if not names or icon in names:
        return None
    import difflib  # only when a name is wrong: not on the way to the first frame

    close = difflib.get_close_matches(icon, names, n=1)
    hint = f" (did you mean '{prefix}.{close[0]}'?)" if close else ""
    return f"unknown icon '{name}'{hint}"
