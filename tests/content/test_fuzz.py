"""A fuzzer for the content loader: whatever staff (or a broken save) put in the file, loading
gives content or problems with a line and a column, and never raises.

It mutates the bundled content.yaml: lines deleted, duplicated and swapped, values replaced with
other types, random bytes, truncation, deep nesting and huge strings. CI runs a bounded number of
examples; for a long run:

    HYPOTHESIS_PROFILE=long .venv/bin/python -m pytest tests/content/test_fuzz.py
"""

import os
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kiosk.content import load_bytes

ROOT = Path(__file__).resolve().parents[2]
LINES = (ROOT / "content.yaml").read_bytes().split(b"\n")

settings.register_profile("ci", max_examples=250, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("long", max_examples=20_000, deadline=None)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

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
    if loaded.content is None:
        assert loaded.errors, "no content and no error"
    for problem in loaded.problems:
        assert problem.line >= 1 and problem.column >= 1, problem
        assert problem.message and "Traceback" not in problem.message


@given(mutated())
def test_mutated_content_loads_or_gives_located_problems(data):
    check(data)


@given(st.binary(max_size=2000))
def test_random_bytes_load_or_give_located_problems(data):
    check(data)


@given(st.text(max_size=400))
def test_random_text_loads_or_gives_located_problems(text):
    check(text.encode("utf-8", "surrogatepass"))
