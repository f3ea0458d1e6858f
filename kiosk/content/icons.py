"""Icon names staff may use, read from qtawesome's character maps without importing Qt."""

from __future__ import annotations

import difflib
import importlib.util
import json
from functools import cache
from pathlib import Path

# qtawesome prefix -> start of its character map's file name: Font Awesome 6 (solid, regular,
# brands). The kiosk loads (and the build ships) these icon fonts only.
PREFIXES = {
    "fa6s": "fontawesome6-solid-webfont-charmap",
    "fa6r": "fontawesome6-regular-webfont-charmap",
    "fa6b": "fontawesome6-brands-webfont-charmap",
}


@cache
def _names(prefix: str) -> frozenset[str]:
    spec = importlib.util.find_spec("qtawesome")
    if spec is None or not spec.submodule_search_locations:
        return frozenset()
    fonts = Path(next(iter(spec.submodule_search_locations))) / "fonts"
    for charmap in sorted(fonts.glob(PREFIXES[prefix] + "*.json")):
        return frozenset(json.loads(charmap.read_text(encoding="utf-8")))
    return frozenset()


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
    close = difflib.get_close_matches(icon, names, n=1)
    hint = f" (did you mean '{prefix}.{close[0]}'?)" if close else ""
    return f"unknown icon '{name}'{hint}"
