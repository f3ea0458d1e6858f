"""Loads `content.yaml` into `Content`: the one place that reads the content file.

Order: bytes (a regular file only, at most MAX_BYTES) -> text (UTF-8, with or without a byte
order mark) -> for a file that may hold far more than MAX_VALUES values, a count of them from
libyaml's events -> YAML nodes (libyaml's composer, which builds no Python objects) -> a safety
pass (tags, the count of values, alias expansion) -> the schema
(schema.py), which reads every value from its node and records every problem at once (the
first reader.LISTED of them one by one, the rest as a count).

Every step is bounded, so that a file that is far too large, a named pipe or a device given
as the content file never hangs or exhausts the kiosk: a file at the size limit is checked in
under a second and 150 MB (measured: 0.46 s, 94 MB for a 19.8 MB list).
"""

from __future__ import annotations

import codecs
import gc
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import yaml
from yaml.constructor import SafeConstructor

from ..files import UnreadableError, read_regular_file
from . import hints
from .model import Content
from .problems import Loaded, Problem, errors
from .quoting import TAG, position, quoted
from .reader import Reader
from .schema import content as read_content

T = TypeVar("T")
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
MAX_BYTES = 20_000_000
MAX_VALUES = 50_000  # texts, lists and keys; the park's file has 1,071
MAX_EXPANDED = 500_000  # after aliases are expanded: stops "billion laughs" files early
INDICATORS = ",\n:-[{?"  # one of them comes before each value but the first (see _values)
STANDARD_TAGS = {
    TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


def load(path: Path | str) -> Loaded:
    path = Path(path)
    name = str(path)
    try:
        data = read_regular_file(path, MAX_BYTES + 1)
    except UnreadableError as exc:
        return Loaded(None, (Problem(name, 1, 1, str(exc)),))
    if len(data) > MAX_BYTES:
        return Loaded(None, (Problem(name, 1, 1, f"the file is larger than "
                                                 f"{MAX_BYTES // 1_000_000} MB"),))
    return load_bytes(data, name, path.resolve().parent, path.resolve())


def load_bytes(data: bytes, name: str, base_dir: Path, source: Path | None = None) -> Loaded:
    # No cyclic garbage collection while tens of thousands of nodes are made: in a running
    # kiosk, with its many objects, collections during a load more than doubled its time.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _load(data, name, base_dir, source)
    finally:
        if collecting:
            gc.enable()


def _load(data: bytes, name: str, base_dir: Path, source: Path | None) -> Loaded:
    def read(reader: Reader, root: yaml.Node) -> Content:
        content = read_content(reader, root, source)
        reader.undrawable_warnings()
        return content

    content, problems, unlisted = read_yaml(data, name, base_dir, read)
    return Loaded(content, problems, unlisted)


def read_yaml(data: bytes, name: str, base_dir: Path, read: Callable[[Reader, yaml.Node], T]
              ) -> tuple[T | None, tuple[Problem, ...], tuple[int, int]]:
    """A YAML file of the kiosk's (content.yaml, site.yaml) read by `read`, every step bounded
    and every problem worded as above: what `read` made (None if anything is wrong), the
    problems in the file's order, and how many errors and warnings went unlisted."""
    reader = Reader(name, base_dir)
    text = _decode(data, reader)
    reader.source = text or ""
    root = None
    if text is not None and (_few_by_indicators(text) or _values_are_few(text, reader)):
        root = _compose(text, reader)
    made = None
    if root is not None and _is_safe(root, reader):
        made = read(reader, root)
    ordered = sorted(reader.problems, key=lambda p: (p.line, p.column))
    summary = reader.summary()
    if summary is not None:
        ordered.append(summary)
    if errors(ordered):
        made = None
    return made, tuple(ordered), (reader.unlisted[0], reader.unlisted[1])


# -- bytes to nodes --------------------------------------------------------------------------
def _decode(data: bytes, reader: Reader) -> str | None:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8):]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        reader.problems.append(Problem(reader.file, 1, 1, "the file is saved as UTF-16, not "
                                       "UTF-8: save it as UTF-8"))
        return None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = data[:exc.start].decode("utf-8")
        if any(ord(c) > 0x7FF for c in before):
            # Characters of three bytes (Chinese) before it: the file is UTF-8, and this byte
            # was damaged or pasted from another encoding
            line_start = before.rfind("\n") + 1
            reader.problems.append(Problem(
                reader.file, before.count("\n") + 1, len(before) - line_start + 1,
                f"the byte 0x{data[exc.start]:02X} here is not UTF-8, as the rest of the file "
                "is (a character damaged, or pasted from another encoding): delete it and type "
                "the character again"))
            return None
        # Else point at the first non-ASCII byte: in a GBK file some characters happen to be
        # valid UTF-8 (as Latin or Greek letters), so the decoder may fail only later than the
        # first wrongly saved character.
        first = next((i for i in range(exc.start + 1) if data[i] >= 0x80), exc.start)
        line_start = data.rfind(b"\n", 0, first) + 1
        line = data.count(b"\n", 0, first) + 1
        column = len(data[line_start:first].decode("ascii")) + 1
        try:
            data.decode("gb18030")
            guess = " (it looks like GBK, which Notepad calls \"ANSI\")"
        except UnicodeDecodeError:
            guess = ""
        reader.problems.append(Problem(
            reader.file, line, column,
            f"the file is not saved as UTF-8{guess}: open it in Notepad, choose File > Save As, "
            "set Encoding to UTF-8 and save"))
        return None


def _few_by_indicators(text: str) -> bool:
    """Whether the file is small enough in values to compose before they are counted.

    Composing costs microseconds a value and checking more (a 2 MB list of a million numbers
    took 8 s and 700 MB), so a file that may hold far more values than MAX_VALUES has them
    counted first, from libyaml's events (_values_are_few), which stops at the limit. Each
    value but the first follows one of the INDICATORS (a comma, a line break, a colon, a dash,
    an opening bracket or brace, a question mark), and one indicator brings at most two values
    (a key and its empty value). A file that may hold up to twice the limit is composed at once
    and its nodes counted (_is_safe): that costs a third of counting events, and at most about
    70 MB for a moment."""
    return 2 * sum(text.count(c) for c in INDICATORS) + 1 <= 2 * MAX_VALUES


def _values_are_few(text: str, reader: Reader) -> bool:
    """At most MAX_VALUES values (texts, lists, keys), or an error where the one too many is."""
    count = 0
    try:
        for event in yaml.parse(text, Loader=Loader):
            if isinstance(event, (yaml.ScalarEvent, yaml.CollectionStartEvent, yaml.AliasEvent)):
                count += 1
                if count > MAX_VALUES:
                    mark = event.start_mark
                    reader.problems.append(Problem(
                        reader.file, mark.line + 1 if mark else 1, mark.column + 1 if mark else 1,
                        f"the file holds more than {MAX_VALUES:,} values (texts, lists and "
                        "keys), far more than a kiosk shows: is a part of it pasted many "
                        "times over?"))
                    return False
    except yaml.YAMLError:
        pass  # composing reports it, with its line
    return True


def _compose(text: str, reader: Reader) -> yaml.Node | None:
    try:
        root = yaml.compose(text, Loader=Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "the file is not valid YAML"
        if mark is None:  # libyaml always gives one; this keeps a message if it did not
            reader.problems.append(Problem(reader.file, 1, 1, f"YAML syntax error: {problem}"))
            return None
        lines = text.splitlines()
        opened = exc.context_mark
        if exc.context and "quoted scalar" in exc.context and opened is not None \
                and mark is not None and opened.line != mark.line:
            # An unclosed quote is noticed lines later, or at the end of the file: point at
            # the quote that opened it, where the fix is
            reader.problems.append(Problem(
                reader.file, opened.line + 1, opened.column + 1,
                "YAML syntax error: the quote here is never closed (YAML read on to line "
                f"{mark.line + 1} looking for its end); add the closing quote"))
            return None
        if exc.context and exc.context_mark and exc.context_mark.line != mark.line:
            problem += f" {exc.context} that starts on line {exc.context_mark.line + 1}"
        at = lines[mark.line][mark.column:mark.column + 1] if mark.line < len(lines) else ""
        if at == "\t" or "\t" in problem:
            hint = "a tab character cannot indent YAML: use spaces"
        elif "expected a single document" in str(exc):
            problem = "the file holds more than one document"
            hint = "the '---' here starts a second one: keep only one"
        elif (typed := hints.syntax(lines, (opened or mark).line - 1, mark.line)
              or hints.unclosed(lines, exc.context or "", opened, mark.line)
              or hints.indentation(lines, mark.line, mark.column)
              or hints.leftover(lines, mark.line)) is not None:
            line, column, advice = typed  # where to change what, then what YAML said
            reader.problems.append(Problem(reader.file, line, column,
                                           f"YAML syntax error: {advice} (YAML: {problem})"))
            return None
        else:
            hint = "check the indentation, colons and quotes on this line and the one before"
        reader.problems.append(Problem(reader.file, mark.line + 1, mark.column + 1,
                                       f"YAML syntax error: {problem}; {hint}"))
        return None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, such as NUL
        line, column = position(text, max(0, min(exc.position, len(text))))
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1])
        reader.problems.append(Problem(
            reader.file, line, column, f"the file holds the control character U+{code:04X}, "
                                       "which YAML does not allow (most editors do not show it): "
                                       "delete it"))
        return None
    except yaml.YAMLError as exc:
        reader.problems.append(Problem(reader.file, 1, 1,
                                       "YAML syntax error: " + " ".join(str(exc).split())))
        return None
    except RecursionError:
        reader.problems.append(Problem(reader.file, 1, 1, "the file is nested too deeply"))
        return None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == TAG + "null"):
        reader.problems.append(Problem(reader.file, 1, 1, "the file is empty: it must hold at "
                                       "least 'organisation:' and 'home:'"))
        return None
    if not isinstance(root, yaml.MappingNode):
        kind = "a list" if isinstance(root, yaml.SequenceNode) else "a single value"
        reader.error(root, f"the top level of the file must be keys such as 'organisation:' and "
                           f"'home:', not {kind}")
        return None
    return root


def _children(node: yaml.Node) -> list[yaml.Node]:
    if isinstance(node, yaml.SequenceNode):
        items: list[yaml.Node] = node.value
        return items
    if isinstance(node, yaml.MappingNode):
        return [n for pair in node.value for n in pair]
    return []


def _is_safe(root: yaml.Node, reader: Reader) -> bool:
    """Refuse tags that would construct objects, self-referencing aliases, alias bombs and
    more than MAX_VALUES values.

    One pass over the distinct nodes checks the tags, counts the values as libyaml's events
    do (each node, and each alias again) and notices aliases (a list or mapping met twice);
    only a file with aliases pays for counting what they expand to.
    """
    seen: set[int] = set()
    stack = [root]
    aliased = unreadable = False
    constructor = SafeConstructor()
    count = 0
    while stack:
        node = stack.pop()
        count += 1
        if node.tag not in STANDARD_TAGS:
            shown = node.tag.replace(TAG, "!!")
            reader.error(node, f"the tag '{shown}' is not allowed: the content file holds only "
                               "texts, numbers, lists and keys")
            return False
        if isinstance(node, yaml.ScalarNode):
            if node.tag in CONSTRUCTED and not _constructs(node, constructor, reader):
                unreadable = True  # what check accepts, any YAML tool must read too
            continue
        if id(node) in seen:
            aliased = True
            continue
        seen.add(id(node))
        stack.extend(_children(node))
    if count > MAX_VALUES:  # libyaml's events say where the limit was passed
        return _values_are_few(reader.source, reader)
    return not unreadable and (not aliased or _expansion_is_small(root, reader))


# Values YAML turns into dates and numbers, which can fail where the kiosk, reading texts from
# the nodes, would not: `2026-13-45`, `!!int abc`. Any other YAML tool would refuse the file.
CONSTRUCTED = {TAG + "timestamp": "date", TAG + "int": "whole number", TAG + "float": "number"}


def _constructs(node: yaml.ScalarNode, constructor: SafeConstructor,
                reader: Reader) -> bool:
    try:
        constructor.construct_object(node)
    except Exception as exc:
        reason = getattr(exc, "problem", None) or str(exc)
        reader.error(node, f"\"{quoted(node.value)}\" is read as a {CONSTRUCTED[node.tag]} by "
                           f"YAML, which cannot make one of it ({quoted(reason)}): YAML tools "
                           "would refuse "
                           "the file; put the value in quotes (and leave out any !! tag)")
        return False
    return True


def _expansion_is_small(root: yaml.Node, reader: Reader) -> bool:
    """Count what aliases expand to, visiting each distinct node once (linear in the file)."""
    size: dict[int, int] = {}
    open_nodes: set[int] = set()
    stack: list[tuple[yaml.Node, bool]] = [(root, False)]
    while stack:
        node, children_done = stack.pop()
        key = id(node)
        if children_done:
            open_nodes.discard(key)
            size[key] = 1 + sum(size[id(child)] for child in _children(node))
            if size[key] > MAX_EXPANDED:
                reader.error(node, f"anchors and aliases (&name, *name) expand this to more than "
                                   f"{MAX_EXPANDED:,} values: write the content out instead")
                return False
            continue
        if key in size:
            continue
        if key in open_nodes:
            reader.error(node, "an alias (*name) refers to the list or keys that contain it")
            return False
        open_nodes.add(key)
        stack.append((node, True))
        stack.extend((child, False) for child in _children(node) if id(child) not in size)
    return True
