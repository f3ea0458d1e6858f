"""A number in a text that follows its list (counts.py): `{count}` filled in, in words, and a
number written out that no longer counts its list, a warning."""

import pytest

from kiosk.core.content import load_bytes
from kiosk.core.content.counts import counted, in_words
from kiosk.core.content.model import Text

from ...samples import BUNDLED, ROOT, problems

HOME = ("organisation:\n  name: {en: Park, zh: 园区}\nhome:\n  tiles:\n"
        "    - page: clusters\n      title: {en: Clusters, zh: 集群}\n"
        "      subtitle: {en: \"{count} clusters\", zh: \"{count}大集群\"}\n")


def clusters(count: int, lead: str) -> str:
    return (HOME + "clusters:\n  title: {en: Clusters, zh: 集群}\n" + lead + "  items:\n"
            + "".join(f"    - {{id: c{i}, title: {{en: C{i}, zh: 集{i}}}}}\n"
                      for i in range(count)))


def loaded(text: str):
    result = load_bytes(text.encode(), "content.yaml", ROOT)
    assert result.content is not None, [str(p) for p in result.errors]
    return result.content


@pytest.mark.parametrize(("count", "en", "zh"), [
    (0, "zero", "零"), (1, "one", "一"), (3, "three", "三"), (10, "ten", "十"),
    (12, "twelve", "十二"), (20, "twenty", "二十"), (21, "21", "21"), (1500, "1,500", "1500")])
def test_a_count_in_words(count, en, zh):
    assert in_words(count, "en", first=False) == en
    assert in_words(count, "zh", first=False) == zh
    assert in_words(count, "en", first=True) == en[:1].upper() + en[1:]


def test_count_is_filled_in_each_language_capitalised_at_a_texts_start():
    assert counted(Text("{count} clusters, all {count}", "由{count}大集群构成"), 4) == \
        Text("Four clusters, all four", "由四大集群构成")


def test_the_tile_and_the_lead_follow_the_list():
    lead = "  lead: {en: \"We have {count} clusters.\", zh: \"{count}大集群。\"}\n"
    for count in (3, 5):
        content = loaded(clusters(count, lead))
        word = in_words(count, "en", first=False)
        assert content.tiles[0].subtitle == Text(f"{word.capitalize()} clusters",
                                                 f"{in_words(count, 'zh', False)}大集群")
        assert content.pages["clusters"].lead.en == f"We have {word} clusters."


@pytest.mark.parametrize(("lead", "expected"), [
    ("  lead: {en: \"Our four clusters.\", zh: 集群}\n",
     "content.yaml:10:9: warning: 'lead' says \"four clusters\", but 'clusters' has 3 items: "
     "write {count} for the number, and it follows the list"),
    ("  lead: {en: \"Our 4 business clusters.\", zh: 集群}\n",
     "content.yaml:10:9: warning: 'lead' says \"4 business clusters\", but 'clusters' has 3 "
     "items: write {count} for the number, and it follows the list"),
    ("  lead: {en: Clusters, zh: 由四大集群构成}\n",
     "content.yaml:10:9: warning: 'lead' says \"四大\", but 'clusters' has 3 items: write "
     "{count} for the number, and it follows the list"),
])
def test_a_written_number_that_no_longer_counts_its_list_is_a_warning(lead, expected):
    assert problems(clusters(3, lead)) == [expected]


@pytest.mark.parametrize("lead", [
    "  lead: {en: \"Our three clusters.\", zh: 由三大集群构成}\n",  # right
    "  lead: {en: \"Nearly 20 clusters in all.\", zh: 集群}\n",  # a round figure
    "  lead: {en: \"Over twenty years, four parks.\", zh: 二十年}\n",  # not its list
])
def test_a_number_that_counts_its_list_or_another_thing_is_not_warned_about(lead):
    assert problems(clusters(3, lead)) == []


def test_the_park_file_writes_its_counts_with_count_and_reads_as_before():
    content = load_bytes(BUNDLED.read_bytes(), "content.yaml", ROOT).content
    assert "{count}" in BUNDLED.read_text(encoding="utf-8")
    strategies = next(t for t in content.tiles if t.page == "strategies")
    assert strategies.subtitle == Text("Three strategies and how we grow", "三大战略与发展模式")
    assert content.pages["strategies"].lead.en.endswith("has formulated three strategies.")
    assert "由四大机构集群构成" in content.pages["clusters"].lead.zh


def test_count_where_it_is_not_filled_in_is_a_warning():
    lead = "  lead: {en: \"Our {count} clusters.\", zh: \"{count}大集群\"}\n"
    text = clusters(2, lead).replace(
        "    - {id: c0, title: {en: C0, zh: 集0}}",
        "    - {id: c0, title: {en: C0, zh: 集0}, summary: {en: \"One of {count}\", zh: 一}}")
    assert problems(text) == [
        "content.yaml:12:55: warning: 'summary.en' has {count}, which the kiosk fills in only "
        "in a page's title or lead and its tile's title or subtitle: here it shows as written"]


def test_a_count_in_a_tiles_title_and_a_pages_title_follows_the_list_too():
    text = clusters(5, "").replace(
        "      title: {en: Clusters, zh: 集群}\n      subtitle",
        "      title: {en: \"{count} clusters\", zh: \"{count}个集群\"}\n      subtitle").replace(
        "clusters:\n  title: {en: Clusters, zh: 集群}\n",
        "clusters:\n  title: {en: \"The {count} clusters\", zh: \"{count}大集群\"}\n")
    content = loaded(text)
    assert content.tiles[0].title == Text("Five clusters", "五个集群")
    assert content.pages["clusters"].title == Text("The five clusters", "五大集群")


@pytest.mark.parametrize(("where", "expected"), [
    ("title", "content.yaml:6:14: warning: 'title' says \"4 clusters\", but 'clusters' has 3 "
              "items: write {count} for the number, and it follows the list"),
    ("subtitle", "content.yaml:7:17: warning: 'subtitle' says \"4 clusters\", but 'clusters' "
                 "has 3 items: write {count} for the number, and it follows the list"),
    ("page", "content.yaml:9:10: warning: 'title' says \"4 clusters\", but 'clusters' has 3 "
             "items: write {count} for the number, and it follows the list"),
])
def test_a_written_number_in_a_tile_or_a_pages_title_is_warned_about_where_it_stands(
        where, expected):
    text = clusters(3, "")
    if where == "title":
        text = text.replace("      title: {en: Clusters, zh: 集群}\n      subtitle",
                            "      title: {en: \"4 clusters\", zh: 集群}\n      subtitle")
    elif where == "subtitle":
        text = text.replace("\"{count} clusters\", zh: \"{count}大集群\"",
                            "\"4 clusters\", zh: 集群")
    else:
        text = text.replace("clusters:\n  title: {en: Clusters, zh: 集群}\n",
                            "clusters:\n  title: {en: \"4 clusters\", zh: 集群}\n")
    assert expected in problems(text)


def test_a_network_counts_its_locations():
    text = (HOME.replace("page: clusters", "page: network")
            + "network:\n  title: {en: Network, zh: 网络}\n  lead: {en: \"Our 5 parks.\", "
              "zh: 园区}\n  locations:\n"
            + "".join(f"    - {{id: p{i}, name: {{en: P{i}, zh: 园{i}}}, lat: 30, "
                      f"lon: {100 + i}}}\n" for i in range(3)))
    assert problems(text) == [
        "content.yaml:10:9: warning: 'lead' says \"5 parks\", but 'network' has 3 locations: "
        "write {count} for the number, and it follows the list"]
    assert loaded(text).tiles[0].subtitle == Text("Three clusters", "三大集群")
