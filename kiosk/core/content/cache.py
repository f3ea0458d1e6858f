"""The checked content of an unchanged content file, kept for the next start.

A kiosk restarts far more often than its content changes. Reading and checking content.yaml
needs PyYAML and the whole checker (25 ms of start-up for the park's file, more for a large
one), so the result is kept in the state folder with what it depends on: the file's exact
bytes, the pictures it names (their size and time), and the kiosk's own code. If any of those
differ, or the cache cannot be read, the file is loaded and checked as always. Only content
that can be used is kept; its warnings are kept with it and logged again at each start.

The cache is pickled: it lives in the kiosk user's own state folder, which only that user
(and anyone who could as well replace the program) can write.
"""

from __future__ import annotations

import copyreg
import pickle
import sys
from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Any

from ... import __version__
from .. import paths
from ..files import UnreadableError, read_regular_file, replace_file
from .problems import Loaded

FORMAT = 1
LIMIT = 20_000_001  # loader.MAX_BYTES + 1 (the loader is not imported on the way to a hit)


def read_only(mapping: dict[str, Any]) -> MappingProxyType[str, Any]:
    return MappingProxyType(mapping)


# Content's pages are a read-only mapping, which pickle does not know: kept as the dict inside.
copyreg.pickle(MappingProxyType, lambda proxy: (read_only, (dict(proxy),)))


def _code() -> tuple[object, ...]:
    """What the cached objects' classes and checks come from: the kiosk's version, the list of
    the font's characters (a build with fonts made for new content keeps its version), and in
    a source checkout the content package's files too (they change without a new version)."""
    files = [paths.font_coverage()]
    if not paths.is_frozen():
        files += sorted(Path(__file__).parent.glob("*.py"))
    return (__version__, *(_stamp(f) for f in files))


def _stamp(path: Path) -> tuple[object, ...]:
    try:
        found = path.stat()
    except OSError:
        return (path.name, None)
    return (path.name, found.st_mtime_ns, found.st_size)


def pictures(value: object, found: set[Path] | None = None) -> set[Path]:
    """Every file path inside the content (the pictures it names)."""
    found = set() if found is None else found
    if isinstance(value, Path):
        found.add(value)
    elif isinstance(value, (tuple, list)):  # the model's records are named tuples
        for item in value:
            pictures(item, found)
    elif isinstance(value, Mapping):  # a mapping
        for item in value.values():
            pictures(item, found)
    return found


def _stamps(files: set[Path]) -> tuple[tuple[str, int, int], ...] | None:
    try:
        return tuple(sorted((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))
    except OSError:
        return None  # a picture has gone: check the file again


def load(path: Path, cache_file: Path) -> Loaded:
    """The content of `path`: from the cache if nothing it depends on changed, else loaded,
    checked, and (if usable) kept."""
    path = Path(path)
    try:
        data = read_regular_file(path, LIMIT)  # the same bounded read as the loader's
    except UnreadableError:
        data = None
    key = (FORMAT, sys.version_info[:2], str(path.resolve()), _code())
    if data is not None:
        try:
            kept = pickle.loads(cache_file.read_bytes())
            named = {Path(name) for name, _, _ in kept["pictures"]}
            if kept["key"] == key and kept["data"] == data and \
                    kept["pictures"] == _stamps(named):
                loaded: Loaded = kept["loaded"]
                return loaded
        except Exception:  # missing, damaged, from another version: check the file instead
            pass
    from .loader import load as check

    loaded = check(path)
    if loaded.content is not None and data is not None:
        _keep(cache_file, {"key": key, "data": data, "loaded": loaded,
                           "pictures": _stamps(pictures(loaded.content))})
    return loaded


def _keep(cache_file: Path, kept: dict[str, object]) -> None:
    try:
        replace_file(cache_file, pickle.dumps(kept, protocol=pickle.HIGHEST_PROTOCOL))
    except (OSError, pickle.PicklingError, TypeError):
        pass  # no cache: the next start checks the file, as it would anyway
