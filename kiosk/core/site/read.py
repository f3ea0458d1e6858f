"""site.yaml read and checked, with content.yaml's messages (PATH:LINE:COLUMN, did-you-mean).
Imported only when a site file is there to read (applied.py): it brings the content checker
and PyYAML, which a kiosk starting from its content cache does without."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml

from ..content.keys import ADDRESS_PATTERN
from ..content.loader import read_yaml
from ..content.model import Content
from ..content.opening_hours import opening_hours
from ..content.problems import Problem
from ..content.qr_sizes import QR_BYTES, QR_READABLE_BYTES
from ..content.quoting import quoted
from ..content.reader import Reader
from ..files import UnreadableError, read_regular_file
from .applied import links, tag
from .keys import METRICS, SITE
from .model import Metrics, Site, SiteLoaded
from .secret import HASH

MAX_BYTES = 100_000  # a few keys: a larger file is a mistake
ADDRESS = re.compile(ADDRESS_PATTERN)
TAGS = re.compile(r"[A-Za-z0-9_.~%{}=&+-]+")  # a query string's characters, and {name}


def load_site(path: Path, content: Content | None, given: bool = False) -> SiteLoaded:
    """The site file at `path`, checked against `content` (its locations). No file: no site
    and no problem, unless it was `given` on the command line."""
    name = str(path)
    if not given and not Path(path).exists():
        return SiteLoaded(None, ())
    try:
        data = read_regular_file(path, MAX_BYTES + 1)
    except UnreadableError as exc:
        return SiteLoaded(None, (Problem(name, 1, 1, str(exc)),))
    if len(data) > MAX_BYTES:
        return SiteLoaded(None, (Problem(name, 1, 1, "the file is larger than 100 kB: a site "
                                                     "file holds a few keys"),))
    site, problems, _ = read_yaml(data, name, Path(path).resolve().parent,
                                  lambda r, root: _site(r, root, content, Path(path)))
    return SiteLoaded(site, problems)


def _site(r: Reader, root: yaml.Node, content: Content | None, source: Path) -> Site:
    keys = r.keys(root, "site.yaml", *SITE.names()) or {}
    name = r.identifier(keys["name"], "name") if "name" in keys else ""
    here = _here(r, keys["here"], content) if "here" in keys else ""
    language = r.choice(keys["default_language"], "default_language",
                        SITE.form("default_language").choices) \
        if "default_language" in keys else ""
    hours = opening_hours(r, keys["opening_hours"]) if "opening_hours" in keys else None
    metrics = _metrics(r, keys["metrics"]) if "metrics" in keys else None
    tags = _tags(r, keys["link_tags"], name, content) if "link_tags" in keys else ""
    return Site(name, here, language, hours, "opening_hours" in keys, metrics, tags, source)


def _here(r: Reader, node: yaml.Node, content: Content | None) -> str:
    here = r.identifier(node, "here")
    if content is None or not here:
        return here
    ids = [place.id for place in content.network.locations] if content.network else []
    if not ids:
        r.error(node, "'here' names a location of the network, but content.yaml has no "
                      "'network:' with locations: leave 'here' out")
    elif here not in ids:
        close = difflib.get_close_matches(here, ids, n=1, cutoff=0.6)
        some = ", ".join(ids[:8]) + (", ..." if len(ids) > 8 else "")
        r.error(node, f"'here' must be the id of a location in content.yaml's network, not "
                      f"'{quoted(here)}'" + (f" (did you mean '{close[0]}'?)" if close
                                             else f"; its locations: {some}"))
    return here


def _metrics(r: Reader, node: yaml.Node) -> Metrics | None:
    keys = r.keys(node, "metrics", *METRICS.names())
    if keys is None or "listen" not in keys:
        return None
    listen = r.string(keys["listen"], "listen")
    if not listen:  # not a text, or empty: said already
        return None
    found = ADDRESS.fullmatch(listen.strip())
    port = int(found.group(2)) if found else 0
    if found is None or not 1 <= port <= 65535:
        r.error(keys["listen"], f"'listen' must be HOST:PORT, like \"127.0.0.1:9464\", not "
                                f"\"{quoted(listen)}\"")
        return None
    host = found.group(1).strip("[]")
    username = r.string(keys["username"], "username") if "username" in keys else ""
    secret = r.string(keys["password_hash"], "password_hash") if "password_hash" in keys else ""
    if secret and not HASH.fullmatch(secret.strip()):
        r.error(keys["password_hash"], "'password_hash' must be what `kiosk metrics-password` "
                                       "prints: sha256: and 64 hexadecimal digits")
    if bool(username) != bool(secret):
        r.error(node, "give both 'username' and 'password_hash' under 'metrics', or neither")
    metrics = Metrics(host, port, username, secret.strip())
    if not metrics.local and not (username and secret):
        r.error(keys["listen"], f"'listen' is {host}, which other computers can reach: give a "
                                "'username' and a 'password_hash' (`kiosk metrics-password` "
                                "makes them), or listen on 127.0.0.1")
    return metrics


def _tags(r: Reader, node: yaml.Node, name: str, content: Content | None) -> str:
    tags = r.string(node, "link_tags").strip().lstrip("?&")
    if tags and not TAGS.fullmatch(tags):
        r.error(node, f"'link_tags' must be a query string like \"utm_source={{name}}&utm_medium"
                      f"=kiosk\" (letters, digits and _ . ~ % - = & + only), not "
                      f"\"{quoted(tags)}\"")
        return ""
    if content is not None and tags:
        for url in sorted({tag(link.url, tags, name) for link in links(content)}):
            size = len(url.encode())
            if size > QR_BYTES:
                r.error(node, f"with these tags a link is {size:,} bytes long, more than a QR "
                              f"code holds ({QR_BYTES:,}): {quoted(url)}")
            elif size > QR_READABLE_BYTES:
                r.warn(node, f"with these tags a link is {size} bytes long: its QR code is too "
                             f"fine for some phones to read on the smallest display (at most "
                             f"{QR_READABLE_BYTES} bytes is read at any size): {quoted(url)}")
    return tags
