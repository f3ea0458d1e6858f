"""Mistakes staff make while typing, each answered with what to type instead (hints.py): a
Chinese input method's punctuation, a word processor's quotes, a Windows path, a picture's name
in another case, degrees and minutes, latitude and longitude swapped."""

import pytest

from kiosk.core.content import hints, load_bytes

from ...samples import MINIMAL, ROOT, problems

TITLE = "  title: {en: Mission, zh: 使命}"


def errors(text: str, base=ROOT) -> list[str]:
    return [p for p in problems(text, base) if "warning" not in p]


@pytest.mark.parametrize(("line", "expected"), [
    ("  title： {en: Mission, zh: 使命}",
     "content.yaml:7:8: YAML syntax error: '：' here is a Chinese (full-width) colon: YAML needs "
     "the English ':' (请把中文冒号 '：' 改为英文 ':') (YAML: mapping values are not allowed in "
     "this context)"),
    ("  title: {en: Mission， zh: 使命}",
     "content.yaml:7:22: YAML syntax error: '，' here is a Chinese (full-width) comma: YAML needs "
     "the English ',' (请把中文逗号 '，' 改为英文 ',') (YAML: did not find expected ',' or '}')"),
    ("  title: ｛en: Mission, zh: 使命}",
     "content.yaml:7:10: YAML syntax error: '｛' here is a Chinese (full-width) brace: YAML needs "
     "the English '{' (请把中文花括号 '｛' 改为英文 '{') (YAML: mapping values are not allowed in "
     "this context)"),
    ("  title: “Mission: ours”",
     "content.yaml:7:10: YAML syntax error: '“' is a typographic quote (from a word processor), "
     "which YAML keeps as part of the value: type straight quotes \" \" instead, or none "
     "(请用英文直引号 \" \") (YAML: mapping values are not allowed in this context)"),
])
def test_punctuation_typed_with_a_chinese_input_method_is_named_where_it_is(line, expected):
    assert problems(MINIMAL.replace(TITLE, line)) == [expected]


def test_a_full_width_colon_after_a_key_is_found_on_the_line_before_yamls():
    # YAML notices it one line later, inside the section the key was meant to open
    found = problems(MINIMAL + "settings：\n  idle_timeout: 60\n")
    assert found == [
        "content.yaml:8:9: YAML syntax error: '：' here is a Chinese (full-width) colon: YAML "
        "needs the English ':' (请把中文冒号 '：' 改为英文 ':') (YAML: could not find expected ':' "
        "while scanning a simple key that starts on line 8)"]


def test_chinese_punctuation_inside_texts_is_the_texts_own():
    text = MINIMAL.replace(TITLE, "  title: {en: Mission, zh: 使命：创新，协同}\n"
                                  "  lead: {en: \"Park: tech, new\", zh: \"园区：科技，创新。\"}")
    assert problems(text) == []


def test_a_syntax_error_without_full_width_punctuation_keeps_the_usual_advice():
    found = problems(MINIMAL.replace(TITLE, "  title: {en: Mission zh: 使命"))
    assert len(found) == 1 and "check the indentation, colons and quotes" in found[0]


def test_a_value_in_a_word_processors_quotes_is_told_to_use_straight_ones():
    assert errors(MINIMAL + "theme:\n  accent: “#4CAF50”\n") == [
        "content.yaml:9:11: 'accent' must be a colour written like \"#660874\", not "
        "\"“#4CAF50”\"; '“' is a typographic quote (from a word processor), which YAML keeps "
        "as part of the value: type straight quotes \" \" instead, or none (请用英文直引号 \" \")"]
    assert problems(MINIMAL.replace(TITLE, "  title: {en: “Mission”, zh: 使命}")) == [
        "content.yaml:7:15: warning: 'title.en' is in typographic quotes “ ”, which the screen "
        "shows: if they were meant as YAML's quotes, type straight quotes \" \" instead, or none"]
    assert problems(MINIMAL.replace(TITLE, "  title: {en: Our “Mission”, zh: 使命}")) == []


def test_the_comma_advice_never_puts_a_word_processors_quotes_into_the_text():
    found = errors(MINIMAL.replace(TITLE, "  lead: {en: “Energy, water…”, zh: 能源}\n  title: M"))
    assert found == [
        "content.yaml:7:23: unknown key 'water…”': a comma inside {...} starts a new key, so "
        "the text of 'en' ended at the comma; put the whole text in quotes, like en: \"Energy, "
        "water…\""]


@pytest.fixture
def folder(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "Lab.PNG").write_bytes(b"\x89PNG\r\n\x1a\n")
    return tmp_path


@pytest.mark.parametrize(("written", "hint"), [
    ("photos\\\\Lab.PNG", "; write / between folders, not \\: photos/Lab.PNG; photos/Lab.PNG is "
                         "there"),
    ("photos\\\\\\\\Lab.PNG",  # doubled, as in a programming language
     "; write / between folders, not \\: photos/Lab.PNG; photos/Lab.PNG is there"),
    ("photos/lab.png", "; did you mean photos/Lab.PNG?"),  # the case
    ("photos/Lba.PNG", "; did you mean photos/Lab.PNG?"),  # a slip
    ("photos/garden.png", ""),  # nothing like it
    ("pictures/lab.png", ""),  # no such folder
])
def test_a_picture_not_found_says_how_to_write_it_and_what_is_there(folder, written, hint):
    text = MINIMAL + f"  items:\n    - {{id: a, title: A, image: \"{written}\"}}\n"
    shown = written.replace("\\\\", "\\")
    assert errors(text, folder) == [
        f"content.yaml:9:32: image file not found: {shown} (looked in {folder}){hint}"]


def test_a_picture_as_written_is_found():
    assert hints.missing_picture("photos/Lab.PNG", ROOT) == ""


@pytest.mark.parametrize(("raw", "hint"), [
    ("22°49′N", "; write degrees as a decimal number: 22°49′N is 22.8167"),
    ("33°52'S", "; write degrees as a decimal number: 33°52'S is -33.8667"),
    ("22°49′30″N", "; write degrees as a decimal number: 22°49′30″N is 22.825"),
    ("116度23分东", "; write degrees as a decimal number: 116度23分东 is 116.3833"),
    ("40°", "; write degrees as a decimal number: 40° is 40"),
    ("north", ""),
    ("22.5 N", ""),
])
def test_a_coordinate_in_degrees_and_minutes_is_given_as_a_decimal(raw, hint):
    assert hints.degrees(raw) == hint


def test_a_coordinate_in_degrees_and_minutes_in_the_file():
    text = MINIMAL + ("network:\n  title: N\n  locations:\n"
                      "    - {id: a, name: A, lat: 22°49′N, lon: 108.3}\n")
    assert errors(text) == [
        "content.yaml:11:29: 'lat' must be a number, not the text \"22°49′N\"; write degrees "
        "as a decimal number: 22°49′N is 22.8167"]


@pytest.mark.parametrize(("lat", "lon", "hint"), [
    ("116.4", "39.9", " (latitude and longitude swapped? 116.4 can only be a longitude, 39.9 a "
                      "latitude)"),
    ("95", "120", ""),  # the longitude could not be a latitude either
    ("-100", "-90", " (latitude and longitude swapped? -100 can only be a longitude, -90 a "
                    "latitude)"),
    ("91", "-91", ""),
])
def test_a_latitude_out_of_range_asks_whether_the_two_are_swapped(lat, lon, hint):
    text = MINIMAL + ("network:\n  title: N\n  locations:\n"
                      f"    - {{id: a, name: A, lat: {lat}, lon: {lon}}}\n")
    found = [p for p in errors(text) if "'lat'" in p]
    assert found == [f"content.yaml:11:29: 'lat' must be between -90 and 90, not {lat}{hint}"]


def test_the_bundled_file_gets_no_hint():
    loaded = load_bytes((ROOT / "content.yaml").read_bytes(), "content.yaml", ROOT)
    assert not any("typographic" in str(p) or "full-width" in str(p) for p in loaded.problems)


def test_a_line_left_over_from_a_removed_entry_is_called_so():
    # the second item's id and title deleted, its summary left: now the first item's
    text = MINIMAL + ("  items:\n    - id: a\n      title: A\n      summary: First\n"
                      "      summary: Second\n")
    assert errors(text) == [
        "content.yaml:12:7: duplicate key 'summary': it was already given on line 11; YAML "
        "would silently keep only the last one (if you removed an entry here, this may be a "
        "line left over from it: delete it)"]
    top = errors(MINIMAL + "mission:\n  title: Again\n")  # a section twice: no entry removed
    assert top == ["content.yaml:8:1: duplicate key 'mission': it was already given on line 6; "
                   "YAML would silently keep only the last one"]
    flow = errors(MINIMAL.replace(TITLE, "  title: {en: Mission, en: Mission}"))
    assert flow == ["content.yaml:7:24: duplicate key 'en': it was already given on line 7; "
                    "YAML would silently keep only the last one"]


def test_the_last_lines_of_a_removed_entry_are_called_left_over():
    entries = "  items:\n    - id: a\n      title: A\n"
    gone = ("        - en: Last paragraph of the entry removed\n"
            "          zh: 被删除条目的最后一段\n")
    assert problems(MINIMAL + "  items:\n" + gone + entries[9:]) == [
        "content.yaml:9:9: YAML syntax error: lines 9 to 10, indented deeper than the "
        "entries' '- ' (line 11), belong to no entry: if you removed an entry here, they are "
        "left over from it: delete them (YAML: did not find expected key while parsing a "
        "block mapping that starts on line 7)"]
    one = problems(MINIMAL + "  items:\n" + gone.splitlines(keepends=True)[0] + entries[9:])
    assert one[0].startswith("content.yaml:9:9: YAML syntax error: line 9, indented deeper "
                             "than the entries' '- ' (line 10), belongs to no entry: if you "
                             "removed an entry here, it is left over from it: delete it (YAML:")
    # a list entry after its key, lined up or deeper, is no leftover
    assert errors(MINIMAL + entries) == []


ALIKE = ("the keys of one section or entry are indented alike, so line them up (with spaces, "
         "not tabs)")


@pytest.mark.parametrize(("added", "expected"), [
    ("settings:\n idle_timeout: 60\n  countdown: 10\n",
     "content.yaml:10:3: YAML syntax error: 'countdown:' on line 10 is indented 2 spaces, "
     f"'idle_timeout:' on line 9 1 space: {ALIKE} (YAML: mapping values are not allowed in "
     "this context)"),
    ("  lead: X\n lead2: Y\n",
     "content.yaml:9:2: YAML syntax error: 'lead2:' on line 9 is indented 1 space, 'lead:' on "
     f"line 8 2 spaces: {ALIKE} (YAML: did not find expected key while parsing a block "
     "mapping that starts on line 1)"),
    ("  items:\n    - id: a\n    title: A\n",
     "content.yaml:10:5: YAML syntax error: 'title:' on line 10 is indented 4 spaces, 'id:' on "
     f"line 9 6 spaces (after its '- '): {ALIKE} (YAML: did not find expected '-' indicator "
     "while parsing a block collection that starts on line 9)"),
])
def test_keys_side_by_side_indented_differently_are_told_to_line_up(added, expected):
    assert problems(MINIMAL + added) == [expected]


def test_zh_not_lined_up_with_en():
    found = problems(MINIMAL.replace(TITLE, "  title:\n    en: Mission\n     zh: 使命"))
    assert found == [
        "content.yaml:9:6: YAML syntax error: 'zh:' on line 9 is indented 5 spaces, 'en:' on "
        f"line 8 4 spaces: {ALIKE} (YAML: mapping values are not allowed in this context)"]


def test_a_second_colon_on_a_line_is_not_taken_for_indentation():
    # YAML stops at the second colon, not at the key: the lines above are indented rightly
    assert problems(MINIMAL + "  pillars:\n    - title: A\n  lead: a: b\n") == [
        "content.yaml:10:10: YAML syntax error: mapping values are not allowed in this "
        "context; check the indentation, colons and quotes on this line and the one before"]


@pytest.mark.parametrize(("line", "expected"), [
    ("  title: {en: Mission, zh: 使命\n",
     "content.yaml:7:10: YAML syntax error: the '{' here is never closed (YAML read on to line 8 "
     "looking for its '}'): add '}' where what it holds ends (YAML: did not find expected ',' "
     "or '}' while parsing a flow mapping that starts on line 7)"),
    ("  title: {en: Mission, zh: 使命}\n  lead: [one, two\n",
     "content.yaml:8:9: YAML syntax error: the '[' here is never closed (YAML read on to line "
     "9 looking for its ']'): add ']' where what it holds ends (YAML: did not find "
     "expected ',' or ']' while parsing a flow sequence that starts on line 8)"),
])
def test_a_brace_or_bracket_never_closed_is_pointed_at_where_it_opens(line, expected):
    assert problems(MINIMAL.replace(TITLE + "\n", line) + "home2: x\n") == [expected]
