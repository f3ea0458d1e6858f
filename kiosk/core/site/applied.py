"""site.yaml applied to the shared content: the kiosk's place, its language and hours, tagged
links. Reading and checking the file is read.py's, imported only when there is one to read."""

from __future__ import annotations

from pathlib import Path
from types import MappingProxyType
from typing import Any

from ..content.model import Content, Link
from ..content.problems import Loaded
from .model import Site

SITE_FILE = "site.yaml"


def site_path(content_path: Path, given: Path | None = None) -> Path:
    """The site file: the one given (--site), else the one beside the content file."""
    return given if given is not None else Path(content_path).parent / SITE_FILE


def tag(url: str, tags: str, name: str) -> str:
    """`url` with `tags` added to its query ({name} filled in), its fragment kept last."""
    if not tags:
        return url
    address, hash_mark, fragment = url.partition("#")
    filled = tags.replace("{name}", name)
    joined = f"{address}{'&' if '?' in address else '?'}{filled}" \
        if not address.endswith(("?", "&")) else address + filled
    return joined + hash_mark + fragment


def _walk(value: Any, change: Any) -> Any:
    """`value` with every Link in it, however deep, replaced by `change(link)`."""
    if isinstance(value, Link):
        return change(value)
    if isinstance(value, tuple) and hasattr(value, "_fields"):
        return type(value)(*(_walk(item, change) for item in value))
    if isinstance(value, tuple):
        return tuple(_walk(item, change) for item in value)
    if isinstance(value, MappingProxyType):
        return MappingProxyType({key: _walk(item, change) for key, item in value.items()})
    return value


def links(content: Content) -> list[Link]:
    found: list[Link] = []

    def keep(link: Link) -> Link:
        found.append(link)
        return link

    _walk(content, keep)
    return found


def apply(content: Content, site: Site | None) -> Content:
    """The shared content as this kiosk shows it: its place, language, hours and links."""
    if site is None:
        return content
    if site.link_tags:
        content = _walk(content, lambda link: link._replace(
            url=tag(link.url, site.link_tags, site.name)))
    changes: dict[str, Any] = {"here": site.here}
    if site.hours_given:
        changes["opening_hours"] = site.opening_hours
    if site.default_language:
        changes["settings"] = content.settings._replace(default_language=site.default_language)
    return content._replace(**changes)


def with_site(loaded: Loaded, site_file: Path | None, given: bool = False) -> Loaded:
    """`loaded` content as this kiosk shows it, with the site file's problems after its own:
    unchanged with no site file; None for content if the site file cannot be used."""
    if site_file is None or not (given or site_file.exists()):
        return loaded
    from .read import load_site

    found = load_site(site_file, loaded.content, given)
    if found.site is None and not found.problems:
        return loaded
    content = loaded.content
    if content is not None:
        content = apply(content, found.site) if found.site is not None else None
    return Loaded(content, loaded.problems + found.problems, loaded.unlisted)
