"""Crash-loop protection: the kiosk's recent starts, and its last good content.

The system restarts a kiosk that dies (deploy/). If it dies again and again, restarting on the
same content would loop forever, so each start is recorded and a clean exit marks it; three
unclean starts within a minute make the next start use the last content that ran for a minute
without trouble, and six a plain "back soon" screen. No Qt here.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime
from enum import Enum
from pathlib import Path
from typing import Any

from . import paths
from .content import Loaded, cache
from .files import UnreadableError, read_regular_file, replace_file

log = logging.getLogger("kiosk")

WINDOW_S = 60
LAST_GOOD_AFTER = 3
BACK_SOON_AFTER = 6
KEEP = 100  # starts remembered: enough for a day of back soon retries
RETRY_FIRST_S = 180  # the back soon screen tries a normal start again after 3 minutes,
RETRY_MOST_S = 3600  # then 6, 12, ... at most an hour, while it keeps coming back in a day
RETRY_DAY_S = 24 * 3600


class Fallback(Enum):
    NONE = "none"
    LAST_GOOD = "last good content"
    BACK_SOON = "back soon screen"


class Starts:
    """The start log in the state folder."""

    def __init__(self, path: Path):
        self.path = path
        self.recent_crashes = 0  # unclean starts within the minute before this one

    def _read(self) -> list[dict[str, Any]]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            return [d for d in data if isinstance(d, dict) and "started" in d]
        except (OSError, ValueError, TypeError):
            return []

    def _write(self, entries: list[dict[str, Any]]) -> None:
        try:
            # Not durable: written at every start, before the first frame, and a start record
            # lost to a power cut (an empty file reads as no starts) only counts one crash less.
            replace_file(self.path, json.dumps(entries[-KEEP:]).encode("utf-8"), durable=False)
        except OSError as exc:
            log.warning("cannot record the kiosk's start in %s: %s", self.path, exc)

    def begin(self, now: datetime) -> Fallback:
        """Record this start; which fallback the recent crashes call for."""
        entries = self._read()
        crashes = 0
        for entry in entries:
            if entry.get("afresh"):  # a fixed file: the crashes before it were the old one's
                crashes = 0
                continue
            try:
                age = (now - datetime.fromisoformat(entry["started"])).total_seconds()
            except (TypeError, ValueError):
                continue
            if 0 <= age <= WINDOW_S and not entry.get("clean"):
                crashes += 1
        entries.append({"started": now.isoformat(), "clean": False})
        self._write(entries)
        self.recent_crashes = crashes  # for the desk (kiosk_unclean_starts_recent)
        if crashes >= BACK_SOON_AFTER:
            return Fallback.BACK_SOON
        return Fallback.LAST_GOOD if crashes >= LAST_GOOD_AFTER else Fallback.NONE

    def back_soon(self, started: datetime) -> float:
        """This start shows the back soon screen: mark it so; the seconds until it should try
        a normal start again (an exit to restart, clean, so that the crashes before it no
        longer count once they are a minute old). A start that succeeds leaves it for good."""
        entries = self._read()
        earlier = 0
        for entry in entries:
            if entry.get("started") == started.isoformat():
                entry["back_soon"] = True
                continue
            try:
                age = (started - datetime.fromisoformat(entry["started"])).total_seconds()
            except (TypeError, ValueError):
                continue
            if entry.get("back_soon") and 0 <= age <= RETRY_DAY_S:
                earlier += 1
        self._write(entries)
        return float(min(RETRY_FIRST_S * 2 ** min(earlier, 20), RETRY_MOST_S))

    def end(self, started: datetime, afresh: bool = False) -> None:
        """A clean exit: this start was no crash. `afresh`: the next start counts no crash
        from before it (staff fixed the content file on the back soon screen)."""
        entries = self._read()
        for entry in entries:
            if entry.get("started") == started.isoformat():
                entry["clean"] = True
                if afresh:
                    entry["afresh"] = True
        self._write(entries)


class LastGood:
    """A copy of the content file that ran without trouble, and the folder its images are in."""

    def __init__(self, folder: Path):
        self.folder = folder

    @property
    def copy(self) -> Path:
        return self.folder / "last-good-content.yaml"

    @property
    def origin(self) -> Path:
        return self.folder / "last-good-content.json"

    def remember(self, content_file: Path) -> bool:
        from .content.loader import MAX_BYTES, load_bytes

        try:
            data = read_regular_file(content_file, MAX_BYTES + 1)
        except UnreadableError:
            return False

        if load_bytes(data, str(content_file), content_file.resolve().parent).content is None:
            return False
        try:
            replace_file(self.copy, data)
            replace_file(self.origin,
                         json.dumps({"file": str(content_file.resolve())}).encode("utf-8"))
        except OSError as exc:
            log.warning("cannot keep a copy of the good content: %s", exc)
            return False
        return True

    def load(self) -> Loaded | None:
        try:
            original = Path(json.loads(self.origin.read_text(encoding="utf-8"))["file"])
            data = self.copy.read_bytes()
        except (OSError, ValueError, KeyError, TypeError):
            return None
        from .content import load_bytes

        return load_bytes(data, f"{original} (last good copy)", original.parent, original)


def load_for_start(content_file: Path, fallback: Fallback, last_good: LastGood) -> Loaded | None:
    """The content to start on (None: the back soon screen)."""
    if fallback is Fallback.BACK_SOON:
        return None
    if fallback is Fallback.LAST_GOOD:
        found = last_good.load()
        if found is not None and found.content is not None:
            return found
        log.error("no last good content to fall back on; showing the back soon screen")
        return None
    return cache.load(content_file, paths.state_dir() / "content-cache.pickle")
