"""How long each kind of text may be, and how many entries each list may have: the limits
`check` keeps so that what it accepts the screen builds in bounded time (keys.py), each taken
at its limit and refused one past it."""

import pytest

from kiosk.core.content import keys as known
from kiosk.core.content.keys import LONGEST_LINE, LONGEST_SENTENCES, LONGEST_TEXT

from ...samples import MINIMAL, problems


@pytest.mark.parametrize("length", [LONGEST_TEXT, LONGEST_TEXT + 1, 19_900_000])
def test_a_text_longer_than_a_screen_shows_is_refused(length):
    words = ("word " * (length // 5 + 1))[:length - 1] + "x"
    found = problems(MINIMAL + "  lead: {en: \"" + words + "\"}\n")
    assert found[0] == ("content.yaml:8:9: warning: 'lead' has no Chinese (zh) text; the "
                        "English is shown in both languages")
    assert found[1:] == ([] if length == LONGEST_TEXT else [
        f"content.yaml:8:14: 'lead.en' is {length:,} characters long, more than a screen shows "
        "(5,000 at most): shorten it, or split it into paragraphs"])


def words(length: int) -> str:
    return ("word " * (length // 5 + 1))[:length - 1] + "x"


# each kind of text as long as its place holds, in a value that names where it stands
@pytest.mark.parametrize(("where", "longest", "message"), [
    ("mission:\n  title: {{en: \"{}\", zh: 使命}}", LONGEST_LINE,
     "content.yaml:7:15: 'title.en' is {:,} characters long, more than a title or a name holds "
     "(150 at most): shorten it"),
    ("mission:\n  title: 使命\n  items:\n    - {{id: a, title: A, summary: {{en: \"{}\", "
     "zh: 摘要}}}}", LONGEST_SENTENCES,
     "content.yaml:9:39: 'summary.en' is {:,} characters long, more than fits in a few lines "
     "under a title (400 at most): shorten it"),
    ("mission:\n  title: 使命\n  lead: {{en: \"{}\", zh: 引言}}", LONGEST_TEXT,
     "content.yaml:8:14: 'lead.en' is {:,} characters long, more than a screen shows (5,000 "
     "at most): shorten it, or split it into paragraphs"),
    ("mission:\n  title: 使命\nlabels:\n  back: {{en: \"{}\", zh: 返回}}", LONGEST_SENTENCES,
     "content.yaml:9:14: 'back.en' is {:,} characters long, more than fits in a few lines "
     "under a title (400 at most): shorten it"),
    ("mission:\n  title: 使命\n  groups:\n    - {{title: G, terms: [{{en: \"{}\", zh: 词}}]}}",
     LONGEST_LINE,
     "content.yaml:9:31: 'terms.en' is {:,} characters long, more than a title or a name "
     "holds (150 at most): shorten it"),
])
@pytest.mark.parametrize("over", [0, 1])
def test_each_kind_of_text_may_be_as_long_as_its_place_holds(where, longest, message, over):
    base = MINIMAL.replace("mission:\n  title: {en: Mission, zh: 使命}\n", "")
    text = base + where.format(words(longest + over)) + "\n"
    found = [p for p in problems(text) if "warning" not in p]
    assert found == ([message.format(longest + over)] if over else [])


def test_one_kind_of_text_has_one_limit_wherever_its_name_stands():
    assert known.LONGEST["title"] == known.LONGEST["name"] == LONGEST_LINE
    assert known.LONGEST["summary"] == known.LONGEST["text"] == LONGEST_SENTENCES
    assert known.LONGEST["paragraphs"] == known.LONGEST["lead"] == LONGEST_TEXT
    with pytest.raises(AssertionError, match="title"):  # a name given two lengths is refused
        known._longest_texts(known.Section("two", (
            known.Key("title", known.LINE), known.Key("inner", known.section(known.Section(
                "inner", (known.Key("title", known.TEXT),)))))), {})


@pytest.mark.parametrize("count", [1000, 1001])
def test_a_network_of_more_locations_than_the_kiosk_shows_is_refused(count):
    from kiosk.core.content import keys as declared

    assert declared.NETWORK.form("locations").maximum == 1000
    text = MINIMAL + "network:\n  title: {en: Network, zh: 网络}\n  locations:\n" + "".join(
        f"    - {{id: l{i}, name: {{en: P{i}, zh: 地{i}}}, lat: 30, lon: 110}}\n"
        for i in range(count))
    found = [p for p in problems(text) if "warning" not in p]
    assert found == ([] if count == 1000 else [
        "content.yaml:11:5: 'locations' has 1,001 entries, more than the kiosk shows (1,000 "
        "at most: its screen would take seconds to fill with more)"])


@pytest.mark.parametrize(("where", "most"), [("mission", 500), ("network", 500)])
@pytest.mark.parametrize("over", [0, 1])
def test_a_list_of_details_longer_than_the_kiosk_shows_is_refused(where, most, over):
    from kiosk.core.content import keys as declared

    key = "items" if where == "mission" else "features"
    section = declared.PAGE if where == "mission" else declared.NETWORK
    assert section.form(key).maximum == most
    entries = "".join(f"    - {{id: d{i}, title: {{en: D{i}, zh: 项{i}}}}}\n"
                      for i in range(most + over))
    text = (MINIMAL + f"  {key}:\n" + entries if where == "mission" else
            MINIMAL + "network:\n  title: {en: N, zh: 网}\n  locations: []\n  features:\n"
            + entries)
    found = [p for p in problems(text) if "warning" not in p]
    line = 9 if where == "mission" else 12
    assert found == ([] if not over else [
        f"content.yaml:{line}:5: '{key}' has 501 entries, more than the kiosk shows (500 at "
        "most: its screen would take seconds to fill with more)"])


@pytest.mark.parametrize(("key", "most", "start", "entry", "line"), [
    ("figures", 12, "mission:\n  title: M\n  figures:\n", "    - {value: '1', label: L}\n",
     "9:5"),
    ("terms", 40, "mission:\n  title: M\n  groups:\n    - title: G\n      terms:\n",
     "        - T\n", "11:9"),
])
@pytest.mark.parametrize("over", [0, 1])
def test_the_big_numbers_and_a_groups_terms_are_bounded_too(key, most, start, entry, line, over):
    from kiosk.core.content import keys as declared

    section = declared.PAGE if key == "figures" else declared.GROUP
    assert section.form(key).maximum == most
    base = MINIMAL.replace("mission:\n  title: {en: Mission, zh: 使命}\n", "")
    found = [p for p in problems(base + start + entry * (most + over)) if "warning" not in p]
    assert found == ([] if not over else [
        f"content.yaml:{line}: '{key}' has {most + 1} entries, more than the kiosk shows "
        f"({most} at most: its screen would take seconds to fill with more)"])
