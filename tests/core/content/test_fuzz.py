"""A fuzzer for the content loader: whatever staff (or a broken save) put in the file, loading
gives content or problems with a line and a column, and never raises.

It mutates the bundled content.yaml: lines deleted, duplicated and swapped, values replaced with
other types, any value (every text, number and yes/no in the file) replaced with a list or a
set of keys, random bytes, truncation, deep nesting and huge strings. CI runs a bounded number
of examples, and swaps the first value of every key for a list and for keys; for a long run of
100,000 examples a test (10 minutes in all on two cores, measured 2026-12-01: 8 for the
mutated file, 2.3 for the rest; Python's warnings stay errors, so a warning fails the run as
it would in CI):

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest -p no:cacheprovider \
        tests/core/content/test_fuzz.py
"""

import os

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.core.content import load_bytes

from ...samples import ROOT

TEXT = (ROOT / "content.yaml").read_text(encoding="utf-8")
LINES = TEXT.encode("utf-8").split(b"\n")

# Every health check off in both profiles: the examples are large on purpose (a 5,000-byte
# string, 2,000 brackets), and the long run must fail only on what the kiosk does wrong.
QUIET = list(HealthCheck)
settings.register_profile("ci", max_examples=250, deadline=None, derandomize=True,
                          suppress_health_check=QUIET)
settings.register_profile("long", max_examples=100_000, deadline=None,
                          suppress_health_check=QUIET, database=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


def _values() -> list[tuple[str, int, int]]:
    """Each value in the bundled file that is a text, a number or a yes/no (not a key): the
    key it belongs to, and where its characters start and end."""
    found = []

    def walk(node: yaml.Node, key: str) -> None:
        if isinstance(node, yaml.ScalarNode):
            found.append((key, node.start_mark.index, node.end_mark.index))
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, key)
        else:
            for key_node, value in node.value:
                walk(value, key_node.value)

    walk(yaml.compose(TEXT, Loader=yaml.CSafeLoader), "")
    return found


VALUES = _values()
SWAPS = ["[1, 2]", "{a: 1}"]


def swapped(index: int, replacement: str) -> bytes:
    _key, start, end = VALUES[index]
    return (TEXT[:start] + replacement + TEXT[end:]).encode("utf-8")

REPLACEMENTS = [b"", b"~", b"no", b"yes", b"on", b"[1, 2]", b"{a: 1}", b"-1", b"1:20", b"010",
                b"1e999", b"'unclosed", b'"\\x"', b"&a [*a]", b"!!python/object:os.system",
                b"!!binary aGVsbG8=", b"*missing", b"\t", b"\xff\xfe", b"\xe4\xb8", b"x" * 5000,
                b"[" * 300, b"{" * 300, b"- - - -", b"? complex\n: key", b"%YAML 1.1\n---"]


@st.composite
def mutated(draw) -> bytes:
    lines = list(LINES)
    for _ in range(draw(st.integers(1, 6))):
        index = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "swap", "replace_value",
                                       "insert_bytes", "indent", "nest"]))
        if draw(st.integers(0, 3)) == 0:  # now and then a value swapped for a list or keys
            data = swapped(draw(st.integers(0, len(VALUES) - 1)), draw(st.sampled_from(SWAPS)))
            lines = data.split(b"\n")
            index = min(index, len(lines) - 1)
        if action == "delete":
            del lines[index]
        elif action == "duplicate":
            lines.insert(index, lines[index])
        elif action == "swap":
            other = draw(st.integers(0, len(lines) - 1))
            lines[index], lines[other] = lines[other], lines[index]
        elif action == "replace_value":
            key, colon, _ = lines[index].partition(b":")
            lines[index] = key + b": " + draw(st.sampled_from(REPLACEMENTS)) if colon else \
                draw(st.sampled_from(REPLACEMENTS))
        elif action == "insert_bytes":
            lines.insert(index, draw(st.binary(min_size=1, max_size=40)))
        elif action == "indent":
            lines[index] = b" " * draw(st.integers(1, 7)) + lines[index]
        else:
            depth = draw(st.integers(1, 2000))
            lines.insert(index, b"  deep: " + b"[" * depth + b"]" * depth)
        if not lines:
            lines = [b""]
    data = b"\n".join(lines)
    if draw(st.booleans()):
        data = data[:draw(st.integers(0, len(data)))]
    return data


def check(data: bytes) -> None:
    loaded = load_bytes(data, "content.yaml", ROOT)
    check_loaded(loaded)
    if loaded.content is not None:  # what check accepts, YAML tools read too
        yaml.load(data.decode("utf-8-sig"), Loader=yaml.CSafeLoader)


def check_loaded(loaded) -> None:
    if loaded.content is None:
        assert loaded.errors, "no content and no error"
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.column >= 1, problem
        assert problem.message and "Traceback" not in problem.message


@given(mutated())
def test_mutated_content_loads_or_gives_located_problems(data):
    check(data)


FIRST_OF_EACH_KEY = sorted({key: i for i, (key, _, _) in reversed(list(enumerate(VALUES)))}
                           .items())


@pytest.mark.parametrize("replacement", SWAPS)
@pytest.mark.parametrize(("key", "index"), FIRST_OF_EACH_KEY, ids=[k for k, _ in FIRST_OF_EACH_KEY])
def test_a_list_or_keys_in_place_of_any_value_is_a_located_problem(key, index, replacement):
    loaded = load_bytes(swapped(index, replacement), "content.yaml", ROOT)
    check_loaded(loaded)
    assert loaded.errors, f"'{key}' accepted {replacement}"


@given(st.integers(0, len(VALUES) - 1), st.sampled_from(SWAPS))
def test_any_value_swapped_for_a_list_or_keys_gives_located_problems(index, replacement):
    check(swapped(index, replacement))


@given(st.binary(max_size=2000))
def test_random_bytes_load_or_give_located_problems(data):
    check(data)


@given(st.text(max_size=400))
def test_random_text_loads_or_gives_located_problems(text):
    check(text.encode("utf-8", "surrogatepass"))
