"""The content loader: the bundled file, and every mistake staff can make, with its message."""

import codecs
import subprocess
import sys

import pytest
import yaml

from kiosk.core.content import load, load_bytes
from kiosk.core.content.model import Text

from ...samples import MINIMAL, ROOT, problems


def test_minimal_file_is_valid():
    assert problems(MINIMAL) == []


BAD = [
    ("syntax error, unclosed list", MINIMAL + "settings:\n  idle_timeout: [1, 2\n",
     ["content.yaml:9:17: YAML syntax error: the '[' here is never closed (YAML read on to line "
      "10 looking for its ']'): add ']' where what it holds ends (YAML: did not find expected "
      "',' or ']' while parsing a flow sequence that starts on line 9)"]),
    ("tab indentation", MINIMAL + "settings:\n\tidle_timeout: 5\n",
     ["content.yaml:9:1: YAML syntax error: found character that cannot start any token; a tab "
      "character cannot indent YAML: use spaces"]),
    ("missing colon", MINIMAL + "settings:\n  idle_timeout 60\n  countdown: 5\n",
     ["content.yaml:10:12: YAML syntax error: mapping values are not allowed in this context; "
      "check the indentation, colons and quotes on this line and the one before"]),
    ("two documents", MINIMAL + "---\nsettings: {}\n",
     ["content.yaml:8:1: YAML syntax error: the file holds more than one document; the '---' "
      "here starts a second one: keep only one"]),
    ("a word where a number belongs", MINIMAL + "settings:\n  idle_timeout: sixty\n",
     ["content.yaml:9:17: 'idle_timeout' must be a number, not the text \"sixty\""]),
    ("YAML 1.1 sexagesimal number", MINIMAL + "settings:\n  idle_timeout: 1:20\n",
     ["content.yaml:9:17: 'idle_timeout' must be a number, not the text \"1:20\""]),
    ("a list where a text belongs", MINIMAL.replace("{en: Example Park, zh: 示例园区}", "[a, b]"),
     ["content.yaml:2:9: 'name' must be a text, not a list"]),
    ("keys where a list belongs", MINIMAL + "  pillars: {title: x}\n",
     ["content.yaml:8:12: 'pillars' must be a list (lines starting with '- '), not a set of "
      "keys"]),
    ("missing required field", MINIMAL.replace("  name: {en: Example Park, zh: 示例园区}\n",
                                               "  motto: {en: M, zh: M}\n"),
     ["content.yaml:2:3: 'organisation' is missing the required key 'name'"]),
    ("missing tiles", "organisation:\n  name: {en: A, zh: B}\nhome: {}\n",
     ["content.yaml:3:7: 'home' is missing the required key 'tiles'"]),
    ("unknown key with a suggestion", MINIMAL + "settings:\n  idle_timout: 60\n",
     ["content.yaml:9:3: unknown key 'idle_timout' (did you mean 'idle_timeout'?)"]),
    ("unknown key without a suggestion", MINIMAL + "settings:\n  volume: 3\n",
     ["content.yaml:9:3: unknown key 'volume'; allowed in 'settings': default_language, "
      "idle_timeout, countdown, attract_delay, attract_slide, reduced_motion, "
      "usage_retention_days"]),
    ("duplicate key", MINIMAL + "settings:\n  countdown: 25\n  countdown: 26\n",
     ["content.yaml:10:3: duplicate key 'countdown': it was already given on line 9; YAML "
      "would silently keep only the last one (if you removed an entry here, this may be a "
      "line left over from it: delete it)"]),
    ("negative timeout", MINIMAL + "settings:\n  idle_timeout: -5\n",
     ["content.yaml:9:17: 'idle_timeout' must be between 5 and 3600 seconds, not -5"]),
    ("latitude out of range",
     MINIMAL.replace("page: mission", "page: network").replace("mission:\n", "network:\n")
     + "  locations:\n    - {id: x, name: {en: X, zh: X}, lat: 200, lon: 116}\n",
     ["content.yaml:9:42: 'lat' must be between -90 and 90, not 200"]),
    ("'no' read as false where a text was meant",
     MINIMAL.replace("{en: Example Park, zh: 示例园区}", "{en: no, zh: 挪威}"),
     ["content.yaml:2:14: 'name.en' was read as the yes/no value no, not as a text: put it in "
      "quotes (\"no\")"]),
    ("'on' read as true in a term", MINIMAL + "  groups:\n    - title: {en: G, zh: G}\n"
                                              "      terms: [on]\n",
     ["content.yaml:10:15: 'terms' was read as the yes/no value on, not as a text: put it in "
      "quotes (\"on\")"]),
    ("unknown language", MINIMAL + "settings:\n  default_language: fr\n",
     ["content.yaml:9:21: 'default_language' must be one of en, zh, not \"fr\""]),
    ("bad colour", MINIMAL + "theme:\n  accent: purple\n",
     ["content.yaml:9:11: 'accent' must be a colour written like \"#660874\", not \"purple\""]),
    ("colour unquoted becomes a comment", MINIMAL + "theme:\n  accent: #660874\n",
     ["content.yaml:9:10: 'accent' is empty: '#' starts a comment, so a colour needs quotes, "
      "like \"#660874\""]),
    ("a comma inside {...} splits a text", MINIMAL.replace(
        "title: {en: Mission, zh: 使命}\n", "title: {en: Mission, vision and more, zh: 使命}\n"),
     ["content.yaml:7:24: unknown key 'vision and more': a comma inside {...} starts a new key, "
      "so the text of 'en' ended at the comma; put the whole text in quotes, like en: "
      "\"Mission, vision and more\""]),
    ("an unclosed quote, noticed lines later", MINIMAL.replace(
        "{en: Example Park,", "{en: \"Example Park,") + "  lead: {en: L, zh: L}\n",
     ["content.yaml:2:14: YAML syntax error: the quote here is never closed (YAML read on to "
      "line 9 looking for its end); add the closing quote"]),
    ("a NUL byte", MINIMAL.replace("Example Park", "Example\x00Park"),
     ["content.yaml:2:21: the file holds the control character U+0000, which YAML does not "
      "allow (most editors do not show it): delete it"]),
    ("a date YAML cannot make", MINIMAL.replace("zh: 示例园区", "zh: 2026-13-45"),
     ["content.yaml:2:32: \"2026-13-45\" is read as a date by YAML, which cannot make one of it "
      "(month must be in 1..12): YAML tools would refuse the file; put the value in quotes "
      "(and leave out any !! tag)"]),
    ("a number YAML cannot make", MINIMAL.replace("zh: 示例园区", "zh: !!int abc"),
     ["content.yaml:2:32: \"abc\" is read as a whole number by YAML, which cannot make one of "
      "it (invalid literal for int() with base 10: 'abc'): YAML tools would refuse the file; "
      "put the value in quotes (and leave out any !! tag)"]),
    ("a placeholder the kiosk does not fill", MINIMAL + "labels:\n  returning: "
     "{en: \"Back in {secs} s\", zh: \"{seconds} 秒后返回\"}\n",
     ["content.yaml:9:14: 'returning.en' has {secs}, which the kiosk does not fill in: it fills "
      "in {seconds}"]),
    ("a placeholder in a label that has none", MINIMAL + "labels:\n  home: "
     "{en: \"Home {page}\", zh: 首页}\n",
     ["content.yaml:9:9: 'home.en' has {page}, which the kiosk does not fill in: it fills in "
      "nothing in this label"]),
    ("missing image", MINIMAL + "  items:\n    - {id: a, title: {en: A, zh: A}, image: "
                                "photos/none.png}\n",
     [f"content.yaml:9:45: image file not found: photos/none.png (looked in {ROOT})"]),
    ("not an image", MINIMAL + "  items:\n    - {id: a, title: {en: A, zh: A}, image: "
                               "notes.txt}\n",
     ["content.yaml:9:45: 'image' must be an image file (.png, .jpg, .jpeg, .svg, .webp, .bmp), "
      "not \"notes.txt\""]),
    ("unknown icon", MINIMAL + "  pillars:\n    - {title: {en: A, zh: A}, icon: fa6s.flsk}\n",
     ["content.yaml:9:37: unknown icon 'fa6s.flsk' (did you mean 'fa6s.flask'?)"]),
    ("icon without a set", MINIMAL + "  pillars:\n    - {title: {en: A, zh: A}, icon: flask}\n",
     ["content.yaml:9:37: icon 'flask' must start with one of fa6s., fa6r., fa6b. (for "
      "example fa6s.flask)"]),
    ("duplicate id", MINIMAL + "  items:\n    - {id: a, title: {en: A, zh: A}}\n"
                               "    - {id: a, title: {en: B, zh: B}}\n",
     ["content.yaml:10:12: the id 'a' is already used on line 9; each id must be different"]),
    ("bad id", MINIMAL + "  items:\n    - {id: Hi Tech, title: {en: A, zh: A}}\n",
     ["content.yaml:9:12: 'id' must be lower-case letters, digits and '-' (like \"hi-tech\"), "
      "not \"Hi Tech\""]),
    ("bad link", MINIMAL + "  link: {url: www.example.com}\n",
     ["content.yaml:8:15: 'url' must be a web address starting with http:// or https://, not "
      "\"www.example.com\""]),
    ("tile for a missing page", MINIMAL.replace(
        "    - {page: mission, title: {en: Mission, zh: 使命}}\n",
        "    - {page: mission, title: {en: Mission, zh: 使命}}\n"
        "    - {page: clusters, title: {en: C, zh: C}}\n"),
     ["content.yaml:6:14: this tile opens 'clusters', but the file has no 'clusters:' section"]),
    ("two tiles for one page", MINIMAL.replace(
        "    - {page: mission, title: {en: Mission, zh: 使命}}\n",
        "    - {page: mission, title: {en: Mission, zh: 使命}}\n"
        "    - {page: mission, title: {en: Again, zh: 再}}\n"),
     ["content.yaml:6:14: two tiles open the page 'mission'"]),
    ("empty file", "", ["content.yaml:1:1: the file is empty: it must hold at least "
                        "'organisation:' and 'home:'"]),
    ("only comments", "# nothing yet\n", ["content.yaml:1:1: the file is empty: it must hold at "
                                          "least 'organisation:' and 'home:'"]),
    ("top level is a list", "- organisation\n- home\n",
     ["content.yaml:1:1: the top level of the file must be keys such as 'organisation:' and "
      "'home:', not a list"]),
    ("top level is a text", "hello\n",
     ["content.yaml:1:1: the top level of the file must be keys such as 'organisation:' and "
      "'home:', not a single value"]),
    ("python object tag", MINIMAL + "labels: !!python/object/apply:os.system ['echo hi']\n",
     ["content.yaml:8:9: the tag '!!python/object/apply:os.system' is not allowed: the content "
      "file holds only texts, numbers, lists and keys"]),
    ("local tag", MINIMAL + "labels: !include other.yaml\n",
     ["content.yaml:8:9: the tag '!include' is not allowed: the content file holds only texts, "
      "numbers, lists and keys"]),
    ("alias that contains itself", MINIMAL + "labels: &a\n  home: *a\n",
     ["content.yaml:8:9: an alias (*name) refers to the list or keys that contain it"]),
    ("deep nesting", MINIMAL + "x: " + "[" * 2000 + "]" * 2000 + "\n",
     ["content.yaml:8:1003: YAML syntax error: exceeded maximum nesting depth; check the "
      "indentation, colons and quotes on this line and the one before"]),
    ("reduced_motion not a yes/no", MINIMAL + "settings:\n  reduced_motion: sometimes\n",
     ["content.yaml:9:19: 'reduced_motion' must be true or false, not the text \"sometimes\""]),
    ("attract slide without text", MINIMAL + "attract:\n  slides:\n    - {value: '400+'}\n",
     ["content.yaml:10:7: 'slide' is missing the required key 'text'"]),
    ("attract with no slides", MINIMAL + "attract:\n  slides: []\n",
     ["content.yaml:9:11: 'slides' needs at least 1 entry, not 0"]),
    ("map image with bounds the wrong way round",
     MINIMAL.replace("page: mission", "page: network").replace("mission:\n", "network:\n")
     + "  locations: []\n  map: {image: resources/map/none.png, west: 135, east: 73, "
       "south: 18, north: 54}\n",
     ["content.yaml:9:8: the map's bounds must have west < east and south < north",
      f"content.yaml:9:16: image file not found: resources/map/none.png (looked in {ROOT})"]),
    ("several mistakes at once", MINIMAL + "settings:\n  idle_timeout: -1\n  countdown: x\n"
                                           "  attract_delay: 5\n",
     ["content.yaml:9:17: 'idle_timeout' must be between 5 and 3600 seconds, not -1",
      "content.yaml:10:14: 'countdown' must be a number, not the text \"x\"",
      "content.yaml:11:18: 'attract_delay' must be between 10 and 86400 seconds, not 5"]),
    ("opening hours written wrongly", MINIMAL + "opening_hours:\n  monday: 9 to 5\n",
     ["content.yaml:9:3: warning: no hours for tuesday, wednesday, thursday, friday, saturday, "
      "sunday: the kiosk is closed on those days",
      "content.yaml:9:11: 'monday' must be opening hours like \"09:00-17:30\" or the word "
      "closed, not \"9 to 5\""]),
    ("opening hours past midnight", MINIMAL + "opening_hours:\n  monday: 18:00-02:00\n",
     ["content.yaml:9:3: warning: no hours for tuesday, wednesday, thursday, friday, saturday, "
      "sunday: the kiosk is closed on those days",
      "content.yaml:9:11: 'monday' closes (02:00) before it opens (18:00); hours past midnight "
      "are not supported"]),
    ("an hour that is not on the clock", MINIMAL + "opening_hours:\n  monday: 09:00-25:00\n",
     ["content.yaml:9:3: warning: no hours for tuesday, wednesday, thursday, friday, saturday, "
      "sunday: the kiosk is closed on those days",
      "content.yaml:9:11: 'monday' must be opening hours like \"09:00-17:30\" or the word "
      "closed, not \"09:00-25:00\""]),
    ("a weekday misspelt", MINIMAL + "opening_hours:\n  mondey: closed\n",
     ["content.yaml:9:3: unknown key 'mondey' (did you mean 'monday'?)"]),
    ("a holiday that is not a date", MINIMAL + "opening_hours:\n  closed_on: [2027-02-30]\n",
     ["content.yaml:9:15: \"2027-02-30\" is read as a date by YAML, which cannot make one of it "
      "(day is out of range for month): YAML tools would refuse the file; put the value in "
      "quotes (and leave out any !! tag)"]),
    ("a holiday that is not a date, in quotes", MINIMAL + "opening_hours:\n  closed_on: "
     "[\"2027-02-30\"]\n",
     ["content.yaml:9:15: 'closed_on' dates must be written like 2027-01-01, not "
      "\"2027-02-30\""]),
    ("usage kept for no days", MINIMAL + "settings:\n  usage_retention_days: 0\n",
     ["content.yaml:9:25: 'usage_retention_days' must be between 1 and 3650 days, not 0"]),
]


@pytest.mark.parametrize(("text", "expected"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_content_gives_exact_messages(text, expected):
    loaded = load_bytes(text.encode("utf-8"), "content.yaml", ROOT)
    assert [str(p) for p in loaded.problems] == expected
    assert loaded.content is None


def test_every_day_closed_is_a_warning():
    assert problems(MINIMAL + "opening_hours:\n  monday: closed\n  tuesday: CLOSED\n") == [
        "content.yaml:9:3: warning: every day is closed: the kiosk will only show its closed "
        "screen (leave out 'opening_hours' to keep it on all the time)"]


def test_billion_laughs_is_refused_without_expanding():
    """Nine levels of ten aliases would expand to 10**9 values; it is refused at once."""
    levels = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for index in range(1, 9):
        previous, name = chr(ord("a") + index - 1), chr(ord("a") + index)
        levels.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 10) + "]")
    bomb = "\n".join(levels) + "\n" + MINIMAL + "  groups:\n    - title: {en: G, zh: G}\n" \
        "      terms: *i\n"
    assert problems(bomb) == [
        "content.yaml:6:4: anchors and aliases (&name, *name) expand this to more than 500,000 "
        "values: write the content out instead"]


def test_small_aliases_are_allowed():
    text = MINIMAL + "  groups:\n    - title: &g {en: G, zh: G}\n      terms: [*g, *g]\n"
    assert problems(text) == []


def test_gbk_file_gets_told_to_save_as_utf8():
    data = MINIMAL.encode("gbk")
    assert problems(data) == [
        "content.yaml:2:32: the file is not saved as UTF-8 (it looks like GBK, which Notepad "
        "calls \"ANSI\"): open it in Notepad, choose File > Save As, set Encoding to UTF-8 and "
        "save"]


@pytest.mark.parametrize("bad", [b"\xff", b"\xe5\x9b"])  # a stray byte; a character cut short
def test_one_damaged_byte_in_a_utf8_file_is_shown_where_it_is(bad):
    lines = (MINIMAL + "  lead: {en: Lead, zh: 引言}  # 注释\n").encode().splitlines()
    lines[7] = lines[7].replace(b"Lead", b"Le" + bad + b"ad")
    assert problems(b"\n".join(lines) + b"\n") == [
        f"content.yaml:8:16: the byte 0x{bad[0]:02X} here is not UTF-8, as the rest of the file "
        "is (a character damaged, or pasted from another encoding): delete it and type the "
        "character again"]
    lines[7] = "  lead: {en: 引言, zh: 引言".encode() + bad + "}  # 注释".encode()
    assert problems(b"\n".join(lines) + b"\n")[0].startswith("content.yaml:8:24: the byte")


def test_utf16_file_gets_told_to_save_as_utf8():
    data = codecs.BOM_UTF16_LE + MINIMAL.encode("utf-16-le")
    assert problems(data) == ["content.yaml:1:1: the file is saved as UTF-16, not UTF-8: save "
                              "it as UTF-8"]


def test_utf8_with_byte_order_mark_is_accepted():
    assert problems(codecs.BOM_UTF8 + MINIMAL.encode("utf-8")) == []


def test_missing_translation_is_a_warning_and_falls_back():
    text = MINIMAL.replace("{en: Example Park, zh: 示例园区}", "{en: Example Park}").replace(
        "title: {en: Mission, zh: 使命}\n", "title: 使命\n", 1)
    loaded = load_bytes(text.encode(), "content.yaml", ROOT)
    assert [str(p) for p in loaded.problems] == [
        "content.yaml:2:9: warning: 'name' has no Chinese (zh) text; the English is shown in "
        "both languages",
        "content.yaml:7:10: warning: 'title' has no English (en) text; the Chinese is shown in "
        "both languages"]
    assert loaded.content is not None
    assert loaded.content.organisation.name.get("zh") == "Example Park"
    assert loaded.content.pages["mission"].title.get("en") == "使命"


def test_existing_image_is_resolved_beside_the_content_file(tmp_path):
    (tmp_path / "photos").mkdir()
    (tmp_path / "photos" / "lab.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    text = MINIMAL + "  items:\n    - {id: a, title: {en: A, zh: A}, image: photos/lab.png}\n"
    (tmp_path / "content.yaml").write_text(text, encoding="utf-8")
    loaded = load(tmp_path / "content.yaml")
    assert loaded.problems == ()
    assert loaded.content.pages["mission"].items[0].image == tmp_path / "photos" / "lab.png"


def test_unreadable_file_is_reported(tmp_path):
    missing = tmp_path / "content.yaml"
    assert [str(p) for p in load(missing).problems] == [
        f"{missing}:1:1: cannot read the file: No such file or directory"]


def test_text_falls_back_to_the_other_language():
    assert Text(en="Park").get("zh") == "Park"
    assert Text(zh="园区").get("en") == "园区"
    assert Text("Park", "园区").get("zh") == "园区"


def test_content_package_imports_nothing_from_qt():
    code = "import sys, kiosk.core.content; kiosk.core.content.load('content.yaml'); " \
           "print(sorted(m for m in sys.modules if 'PySide' in m or 'qtpy' in m or 'Qt' in m))"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip() == "[]"


NETWORK = """\
network:
  title: {en: Network, zh: 网络}
  locations:
    - {id: a, name: {en: A, zh: 甲}, lat: 30, lon: 110}
"""


def test_labels_locations_titles_the_list_unless_list_title_says_otherwise():
    from kiosk.core.content import load_bytes as load_content

    given = MINIMAL + "labels:\n  locations: {en: Our parks, zh: 我们的园区}\n" + NETWORK
    loaded = load_content(given.encode(), "content.yaml", ROOT)
    assert loaded.content.network.list_title.en == "Our parks"  # it was never used before
    both = given + "  list_title: {en: Cities, zh: 城市}\n"
    assert problems(both) == [
        "content.yaml:9:14: warning: 'labels.locations' is not used: 'list_title' under "
        "'network:' (line 14) gives the list its title",
        "content.yaml:11:3: warning: no tile on the home screen opens 'network', so visitors "
        "cannot reach it"]


def test_every_value_of_the_bundled_file_written_wrongly_is_named_by_its_key():
    """Each of the park's values (texts, numbers, choices, colours, links...) replaced with a
    list: check names the key it stands at, on its line, whatever the section (staff find it
    by that name). Block texts (| and >) are left: their lines follow their key."""
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    spots = []  # where a value stands, its key and the key above

    def walk(node, key, parent):
        if isinstance(node, yaml.MappingNode):
            for name, value in node.value:
                walk(value, name.value, key)
        elif isinstance(node, yaml.SequenceNode):
            for value in node.value:  # an entry is named by its list
                walk(value, key, parent)
        elif key is not None and node.style not in ("|", ">"):
            spots.append((node.start_mark.index, node.end_mark.index, key, parent,
                          node.start_mark.line + 1))

    walk(yaml.compose(text, Loader=yaml.CSafeLoader), None, None)
    assert len(spots) > 300
    unnamed = []
    for first in range(0, len(spots), 150):  # fewer than the 200 problems listed one by one
        part = spots[first:first + 150]
        wrong = text
        for start, end, *_ in sorted(part, reverse=True):
            wrong = wrong[:start] + "[1, 2]" + wrong[end:]
        said: dict[int, list[str]] = {}
        for problem in load_bytes(wrong.encode(), "content.yaml", ROOT).problems:
            said.setdefault(problem.line, []).append(problem.message)
        for _start, _end, key, parent, line in part:
            named = f"'{parent}.{key}'" if key in ("en", "zh") else f"'{key}'"
            if not any(named in message for message in said.get(line, ())):
                unnamed.append((line, key, said.get(line, [])))
    assert unnamed == []
