"""The templates staff copy into content.yaml (templates/): each, its placeholders filled as a
staff member would, pasted under the list it names, is accepted by `check` and adds one entry;
each still parses as YAML with its placeholders in (an editor with the schema open shows it)."""

import re

import pytest
import yaml

from kiosk.core.content import load_bytes

from ...samples import BUNDLED, ROOT

TEMPLATES = sorted((ROOT / "templates").glob("*.yaml"))
PLACEHOLDER = re.compile(r"<[^<>\n]+>")
FILLED = {  # what a staff member types for each placeholder
    "city-id": "lhasa", "City name": "Lhasa", "城市名": "拉萨",
    "latitude": "29.652", "longitude": "91.172",
    "cluster-id": "energy", "Cluster name": "Energy", "集群名称": "能源",
    "strategy-id": "green-growth", "Strategy name": "Green growth", "战略名称": "绿色发展",
    "an icon": "fa6s.bolt", "the page it opens": "clusters", "Title": "Clusters",
    "标题": "集群", "A line under the title": "Who works here", "标题下的一行字": "园区的企业",
    "the photo's path beside content.yaml": "resources/icons/kiosk.png",
    "the figure, in quotes": "1,000+", "its unit": "firms", "单位，如 平方米": "家",
    "The line under the figure": "enterprises in the park", "数字下方的一行字": "家企业",
}


def filled(template: str) -> str:
    def fill(found: re.Match[str]) -> str:
        words = found.group()[1:-1]
        key = next((k for k in FILLED if words == k or words.startswith(k + ",")
                    or words.startswith(k + " ")), None)
        if key is None:  # sentences and paragraphs: any words will do
            assert words.endswith((".", "。")), f"no filling for <{words}>"
            return "Words." if words.isascii() else "文字。"
        return FILLED[key]

    return PLACEHOLDER.sub(fill, template)


def pasted(template: str, text: str) -> tuple[str, str]:
    """`text` with `template`, filled, pasted under the list it names; that list."""
    where = re.match(r"# under: (\w+)\.(\w+)\n", template)
    assert where, "a template's first line names where it goes"
    section, key = where.groups()
    entry = "".join(line + "\n" for line in filled(template).splitlines()
                    if not line.startswith("#"))
    at = re.search(rf"^{section}:.*\n(?:(?:  .*|#.*|)\n)*?  {key}:.*\n", text, re.M)
    assert at, (section, key)
    return text[:at.end()] + entry + text[at.end():], f"{section}.{key}"


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_a_template_filled_in_is_accepted_and_adds_one_entry(path):
    template = path.read_text(encoding="utf-8")
    park = BUNDLED.read_text(encoding="utf-8")
    if "home.tiles" in template:  # one tile per page: it takes the place of the clusters tile
        park = re.sub(r"    - page: clusters\n(?:      .*\n)+", "", park, count=1)
    text, where = pasted(template, park)
    loaded = load_bytes(text.encode("utf-8"), "content.yaml", ROOT)
    assert [str(p) for p in loaded.errors] == []
    before = load_bytes(BUNDLED.read_bytes(), "content.yaml", ROOT).content
    after = loaded.content
    count = {
        "network.locations": lambda c: len(c.network.locations),
        "clusters.items": lambda c: len(c.pages["clusters"].items),
        "strategies.items": lambda c: len(c.pages["strategies"].items),
        "home.tiles": lambda c: sum(t.image is not None for t in c.tiles),
        "attract.slides": lambda c: len(c.attract),
    }[where]
    assert count(after) == count(before) + 1


@pytest.mark.parametrize("path", TEMPLATES, ids=[p.stem for p in TEMPLATES])
def test_a_template_is_yaml_with_its_placeholders_in(path):
    assert isinstance(yaml.safe_load(path.read_text(encoding="utf-8")), list)


def test_every_list_staff_add_to_most_has_a_template():
    assert {p.stem for p in TEMPLATES} == {"location", "cluster", "strategy",
                                           "tile-with-photo", "attract-slide"}
