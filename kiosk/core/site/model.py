"""What site.yaml holds, as plain data."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from ..content.model import OpeningHours
from ..content.problems import Problem


class Metrics(NamedTuple):
    """Where the kiosk serves Prometheus metrics, and the credentials a scrape must give."""

    host: str
    port: int
    username: str = ""
    password_hash: str = ""  # "sha256:" and 64 hex digits: kiosk/core/site/secret.py

    @property
    def local(self) -> bool:
        """Served to this computer only: no credentials needed."""
        return self.host in LOCAL_HOSTS


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


class Site(NamedTuple):
    name: str  # a Prometheus label's value: lowercase letters, digits and -
    here: str = ""  # a location id of the content's network
    default_language: str = ""  # "" : the content's
    opening_hours: OpeningHours | None = None
    hours_given: bool = False  # opening_hours: given here (None above then means all the time)
    metrics: Metrics | None = None
    link_tags: str = ""  # a query string added to take-away links, {name} filled in
    source: Path | None = None


class SiteLoaded(NamedTuple):
    site: Site | None  # None: there is no site file, or it cannot be used
    problems: tuple[Problem, ...]
