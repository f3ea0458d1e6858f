"""Reads values out of composed YAML nodes, recording every problem with its line and column.

Values are read from the nodes, not from the objects YAML would construct, so a staff member's
typo is never silently turned into something else: `no` is not taken for false where a text was
meant, `1:20` is not taken for 80, and a duplicate key is an error instead of a lost value.
"""

from __future__ import annotations

import difflib
import errno
import os
import re
import stat
from pathlib import Path, PurePosixPath, PureWindowsPath

import yaml

from . import counts, hints
from . import keys as known
from .glyphs import undrawable
from .icons import icon_problem
from .model import LANGUAGE_NAMES, Link, Text
from .picture_size import MAX_PIXELS, pixel_size
from .problems import Problem
from .qr_sizes import QR_BYTES, QR_READABLE_BYTES, QR_SMALLEST_PX, qr_modules
from .quoting import NUMBER, TAG, describe, position, quoted

COLOUR = re.compile(known.COLOUR_PATTERN)
ID = re.compile(known.ID_PATTERN)
URL = re.compile(known.URL_PATTERN)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


LISTED = 200  # problems listed one by one; the rest are counted ("and 12,345 more")
MESSAGE = 400  # characters of a message at most, whatever it quotes


class Reader:
    def __init__(self, file: str, base_dir: Path):
        self.file = file
        self.base_dir = base_dir
        self.problems: list[Problem] = []
        self.unlisted: list[int] = [0, 0]  # problems past LISTED: errors, warnings
        self.source = ""  # the file's text, to place a character within a value
        # characters the font lacks -> where each first stands: (index, or the node's start
        # and the node if it was written as an escape)
        self._undrawable: dict[str, tuple[int, yaml.Node | None]] = {}

    # -- recording ---------------------------------------------------------------------------
    def error(self, node: yaml.Node, message: str) -> None:
        quote = hints.starts_with_typographic_quote(node.value) \
            if isinstance(node, yaml.ScalarNode) else ""
        self._record(node, f"{message}; {quote}" if quote else message, False)

    def warn(self, node: yaml.Node, message: str) -> None:
        self._record(node, message, True)

    def _record(self, node: yaml.Node | None, message: str, warning: bool,
                at: int | None = None) -> None:
        """Record a problem at the node's start, or at character `at` of the file."""
        if len(self.problems) >= LISTED:
            self.unlisted[warning] += 1
            return
        if len(message) > MESSAGE:
            message = message[:MESSAGE - 1] + "…"
        if at is None and node is not None:
            line, column = node.start_mark.line + 1, node.start_mark.column + 1
        else:
            line, column = position(self.source, at or 0)
        self.problems.append(Problem(self.file, line, column, message, warning))

    def error_count(self) -> int:
        """The errors recorded so far, listed or not."""
        return sum(1 for p in self.problems if not p.warning) + self.unlisted[0]

    def summary(self) -> Problem | None:
        """The line that stands for the problems not listed, if there are any; an error if
        any of them is one."""
        errors, warnings = self.unlisted
        if not errors + warnings:
            return None
        last = max(self.problems, key=lambda p: (p.line, p.column))
        return Problem(self.file, last.line, last.column,
                       f"and {errors + warnings:,} more problems after these {LISTED} "
                       "(fix these, then check again)", warning=not errors)

    # -- structure ---------------------------------------------------------------------------
    def keys(
        self, node: yaml.Node, name: str, required: tuple[str, ...], optional: tuple[str, ...] = ()
    ) -> dict[str, yaml.Node] | None:
        """The keys of a mapping node. Duplicate, unknown and missing keys are problems."""
        if not isinstance(node, yaml.MappingNode):
            self.error(node, f"'{name}' must be a set of keys ({', '.join(required + optional)}), "
                             f"not {describe(node)}")
            return None
        allowed = required + optional
        found: dict[str, yaml.Node] = {}
        key_nodes: dict[str, yaml.Node] = {}
        previous: tuple[str, yaml.Node] | None = None
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                self.error(key_node, f"a key in '{name}' must be a plain word, "
                                     f"not {describe(key_node)}")
                continue
            key = key_node.value
            if key in key_nodes:
                first = key_nodes[key].start_mark.line + 1
                left = "" if node.flow_style or node.start_mark.column == 0 else (
                    " (if you removed an entry here, this may be a line left over from it: "
                    "delete it)")
                self.error(key_node, f"duplicate key '{quoted(key)}': it was already given on "
                                     f"line {first}; YAML would silently keep only the last "
                                     f"one{left}")
                continue
            key_nodes[key] = key_node
            if key not in allowed:
                split = hints.comma_in_braces(node, key, value_node, previous)
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
                hint = (split or (f" (did you mean '{close[0]}'?)" if close
                                  else f"; allowed in '{name}': {', '.join(allowed)}"))
                self.error(key_node, f"unknown key '{quoted(key)}'{hint}")
                continue
            found[key] = value_node
            previous = (key, value_node)
        for key in required:
            if key not in found and key not in key_nodes:
                self.error(node, f"'{name}' is missing the required key '{key}'")
        return found

    def items(self, node: yaml.Node, name: str, minimum: int = 0,
              most: int = 0) -> list[yaml.Node]:
        """The entries of a list: at least `minimum`; at most `most` (0: no limit), or none
        (keys.py: why each list's limit)."""
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, f"'{name}' must be a list (lines starting with '- '), "
                             f"not {describe(node)}")
            return []
        if len(node.value) < minimum:
            self.error(node, f"'{name}' needs at least {minimum} "
                             f"{'entry' if minimum == 1 else 'entries'}, not {len(node.value)}")
        if most and len(node.value) > most:
            self.error(node, f"'{name}' has {len(node.value):,} entries, more than the kiosk "
                             f"shows ({most:,} at most: its screen would take seconds to fill "
                             "with more)")
            return []
        return list(node.value)

    # -- scalars -----------------------------------------------------------------------------
    def _scalar_text(self, node: yaml.Node, name: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, f"'{name}' must be a text, not {describe(node)}")
            return None
        tag = node.tag.removeprefix(TAG)
        if not node.style and tag == "bool":
            self.error(node, f"'{name}' was read as the yes/no value {node.value}, not as a text: "
                             f'put it in quotes ("{node.value}")')
            return None
        if not node.style and tag == "null":
            self.error(node, f"'{name}' is empty")
            return None
        if tag not in ("str", "int", "float", "timestamp", "bool", "null"):
            self.error(node, f"'{name}' must be a text, not {describe(node)}")
            return None
        return str(node.value).strip()

    def string(self, node: yaml.Node, name: str) -> str:
        value = self._scalar_text(node, name)
        if value == "":
            self.error(node, f"'{name}' is empty")
        return value or ""

    def text(self, node: yaml.Node, name: str, neutral: bool = False) -> Text:
        """A visible text: either `{en: ..., zh: ...}` or one text used in both languages.

        A single text is warned about unless it is `neutral` (a figure such as "770,000").
        """
        if isinstance(node, yaml.MappingNode):
            keys = self.keys(node, name, (), ("en", "zh"))
            if keys is None:
                return Text()
            values = {lang: self.string(keys[lang], f"{name}.{lang}") for lang in keys}
            for lang, value in values.items():
                self._visible(keys[lang], f"{name}.{lang}", value)
            if not keys:
                self.error(node, f"'{name}' needs an 'en' or a 'zh' text")
            for lang, other in (("en", "zh"), ("zh", "en")):
                if lang in keys and other not in keys:
                    self.warn(node, f"'{name}' has no {LANGUAGE_NAMES[other]} ({other}) text; "
                                    f"the {LANGUAGE_NAMES[lang]} is shown in both languages")
            return Text(values.get("en", ""), values.get("zh", ""))
        value = self.string(node, name)
        self._visible(node, name, value)
        if not value or neutral:
            return Text(value, value)
        lang, other = ("zh", "en") if CJK.search(value) else ("en", "zh")
        self.warn(node, f"'{name}' has no {LANGUAGE_NAMES[other]} ({other}) text; "
                        f"the {LANGUAGE_NAMES[lang]} is shown in both languages")
        return Text(**{lang: value})

    def _visible(self, node: yaml.Node, name: str, value: str) -> None:
        """A text a visitor reads: not longer than its place holds (keys.py), drawable, and
        not in a word processor's quotes by mistake."""
        key = name.partition(".")[0]  # "title" of "title.en"
        if quoted_text := hints.in_typographic_quotes(name, value):
            self.warn(node, quoted_text)
        if counts.PLACEHOLDER in value and key not in counts.FILLED_IN:
            self.warn(node, f"'{name}' has {counts.PLACEHOLDER}, which the kiosk fills in "
                            "only in a page's title or lead and its tile's title or subtitle: "
                            "here it shows as written")
        longest = known.LONGEST.get(key, known.LONGEST_TEXT)
        if len(value) > longest:
            self.error(node, f"'{name}' is {len(value):,} characters long, more than "
                             f"{known.TOO_LONG[longest]} ({longest:,} at most): shorten it" + (
                             ", or split it into paragraphs" if longest == known.LONGEST_TEXT
                             else ""))
            return
        self._drawable(node, value)

    def _drawable(self, node: yaml.Node, value: str) -> None:
        """Note where each character of a visible text that the kiosk's font cannot draw
        first stands in the file (at the value's start if it was written as an escape)."""
        for char in undrawable(value):
            at = self.source.find(char, node.start_mark.index, node.end_mark.index)
            where = (at, None) if at >= 0 else (node.start_mark.index, node)
            if char not in self._undrawable or where[0] < self._undrawable[char][0]:
                self._undrawable[char] = where

    def undrawable_warnings(self) -> None:
        """Warn of each character noted by `_drawable`, once, where it first stands."""
        for char, (at, node) in sorted(self._undrawable.items(), key=lambda item: item[1][0]):
            self._record(node, f"the kiosk's font has no '{char}' (U+{ord(char):04X}): visitors "
                               "see nothing in its place unless this computer has a font with "
                               "it; use another character, or have the font built again with "
                               "this file (README, \"Characters the font has\")", True,
                         at if node is None else None)

    def texts(self, node: yaml.Node, name: str, minimum: int = 0,
              most: int = 0) -> tuple[Text, ...]:
        return tuple(self.text(item, name) for item in self.items(node, name, minimum, most))

    def number_of(self, keys: dict[str, yaml.Node], of: known.Section, name: str,
                  hint: str = "") -> float:
        """The number `name` of a section, within the range its key declares."""
        form = of.form(name)
        return self.number(keys[name], name, form.low, form.high, form.unit, hint)

    def number(self, node: yaml.Node, name: str, low: float, high: float, unit: str = "",
               hint: str = "") -> float:
        """A number within `low` and `high`; `hint` follows the message if it is not."""
        raw = str(node.value).strip() if isinstance(node, yaml.ScalarNode) else None
        is_number = (
            raw is not None
            and node.tag.removeprefix(TAG) in ("int", "float", "str")
            and NUMBER.fullmatch(raw) is not None
        )
        if raw is None or not is_number:
            self.error(node, f"'{name}' must be a number, not {describe(node)}"
                             + (hints.degrees(raw) if raw is not None else ""))
            return low
        value = float(raw)
        if not low <= value <= high:
            shown = f"{low:g} and {high:g}" + (f" {unit}" if unit else "")
            self.error(node, f"'{name}' must be between {shown}, not {quoted(raw)}{hint}")
            return low
        return value

    def boolean(self, node: yaml.Node, name: str) -> bool:
        if isinstance(node, yaml.ScalarNode) and node.value.lower() in ("true", "false"):
            return str(node.value).lower() == "true"
        self.error(node, f"'{name}' must be true or false, not {describe(node)}")
        return False

    def choice(self, node: yaml.Node, name: str, choices: tuple[str, ...]) -> str:
        value = self._scalar_text(node, name)
        if value is not None and value not in choices:
            self.error(node, f"'{name}' must be one of {', '.join(choices)}, "
                             f"not \"{quoted(value)}\"")
            return choices[0]
        return value or choices[0]

    def colour(self, node: yaml.Node, name: str, default: str) -> str:
        if isinstance(node, yaml.ScalarNode) and not node.style and node.tag == TAG + "null":
            at = node.start_mark.index
            end = self.source.find("\n", at)
            line = self.source[self.source.rfind("\n", 0, at) + 1:end if end >= 0 else None]
            if re.search(r":\s*#[0-9A-Fa-f]", line):  # `accent: #660874`: a comment, to YAML
                self.error(node, f"'{name}' is empty: '#' starts a comment, so a colour needs "
                                 "quotes, like \"#660874\"")
                return default
        value = self._scalar_text(node, name)
        if value is None:
            return default
        if not COLOUR.fullmatch(value):
            self.error(node, f"'{name}' must be a colour written like \"#660874\", "
                             f"not \"{quoted(value)}\"")
            return default
        return value.upper()

    def identifier(self, node: yaml.Node, name: str) -> str:
        value = self.string(node, name)
        if value and not ID.fullmatch(value):
            self.error(node, f"'{name}' must be lower-case letters, digits and '-' "
                             f"(like \"hi-tech\"), not \"{quoted(value)}\"")
        return value

    def icon(self, node: yaml.Node, name: str) -> str:
        value = self.string(node, name)
        problem = icon_problem(value) if value else None
        if problem:
            self.error(node, problem)
            return ""
        return value

    def image(self, node: yaml.Node, name: str) -> Path | None:
        """A picture in the content file's folder (or a folder inside it), by relative path."""
        value = self.string(node, name)
        if not value:
            return None
        parts = re.split(r"[/\\]", value)
        if PurePosixPath(value).is_absolute() or PureWindowsPath(value).is_absolute() or \
                PureWindowsPath(value).drive or ".." in parts:
            self.error(node, f"'{name}' must be a path inside the content file's folder, like "
                             f"photos/lab.jpg, not \"{quoted(value)}\"")
            return None
        if PurePosixPath(value).suffix.lower() not in known.IMAGE_SUFFIXES:
            self.error(node, f"'{name}' must be an image file ({', '.join(known.IMAGE_SUFFIXES)}), "
                             f"not \"{quoted(value)}\"")
            return None
        path = self.base_dir / value
        try:
            found = os.stat(path)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                self.error(node, f"the image {quoted(value)} is a link that leads back to "
                                 "itself (a symbolic link loop): replace it with the picture")
            else:
                self.error(node, f"image file not found: {quoted(value)} "
                                 f"(looked in {self.base_dir})"
                                 + hints.missing_picture(value, self.base_dir))
            return None
        except ValueError:  # a NUL character in the path
            self.error(node, f"image file not found: {quoted(value)} "
                             f"(looked in {self.base_dir})")
            return None
        if not stat.S_ISREG(found.st_mode):
            self.error(node, f"the image {quoted(value)} is not a file (it is a folder or a "
                             "device)")
            return None
        resolved = path.resolve()
        if not resolved.is_relative_to(self.base_dir.resolve()):
            self.error(node, f"the image {quoted(value)} is a link to {resolved}, outside the "
                             "content file's folder: put the picture itself in the folder")
            return None
        width, height = pixel_size(resolved) or (0, 0)
        if width * height > MAX_PIXELS:
            self.error(node, f"the image {quoted(value)} is {width:,}x{height:,} pixels, more "
                             f"than the kiosk can open ({MAX_PIXELS // 10**6} million pixels): "
                             "make it smaller; 3840 pixels across fills a 4K display")
            return None
        return resolved

    def link(self, node: yaml.Node, name: str) -> Link | None:
        keys = self.keys(node, name, *known.LINK.names())
        if keys is None or "url" not in keys:
            return None
        url = self.string(keys["url"], "url")
        size = len(url.encode("utf-8", "surrogatepass"))
        if url and not URL.fullmatch(url):
            self.error(keys["url"], f"'url' must be a web address starting with http:// or "
                                    f"https://, not \"{quoted(url)}\"")
        elif size > QR_BYTES:
            self.error(keys["url"], f"'url' is {size:,} bytes long: a QR code holds at most "
                                    f"{QR_BYTES:,}; use a shorter link")
        elif size > QR_READABLE_BYTES:
            self.warn(keys["url"], f"'url' is {size:,} bytes long: its QR code is "
                                   f"{qr_modules(size)} modules a side, drawn {QR_SMALLEST_PX} "
                                   "pixels wide on a 1280x720 display, too fine for some phones "
                                   f"to read; a link of at most {QR_READABLE_BYTES} bytes is "
                                   "read at any size")
        caption = self.text(keys["caption"], "caption") if "caption" in keys else Text()
        return Link(url, caption)
