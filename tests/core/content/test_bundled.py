"""The bundled content.yaml carries the park's own description, in English and Chinese."""


from kiosk.core.content import load

from ...samples import ROOT


def all_texts(content, language: str) -> str:
    """Every visible text of the content in one language, to search for facts."""
    texts = [content.organisation.name, content.organisation.motto, content.organisation.intro,
             content.organisation.link.caption]
    for page in list(content.pages.values()) + [content.network]:
        texts += [page.title, page.lead]
    for page in content.pages.values():
        texts += [c.title for c in page.pillars]
        texts += [t for f in page.figures for t in (f.value, f.unit, f.label)]
        texts += [t for b in page.sections for t in (b.title, *b.paragraphs)]
        texts += [t for g in page.groups for t in (g.title, *g.terms)]
    for name in ("mission", "strategies", "clusters", "network"):
        for d in content.details(name):
            texts += [d.title, d.summary, *d.paragraphs]
            texts += [t for g in d.groups for t in (g.title, *g.terms)]
    return "\n".join(t.get(language) for t in texts)


def test_bundled_content_is_valid_with_no_warnings():
    loaded = load(ROOT / "content.yaml")
    assert [str(p) for p in loaded.problems] == []


def test_the_seed_facts_are_there_in_english():
    content = load(ROOT / "content.yaml").content
    text = all_texts(content, "en")
    for fact in [
        "Building a stage for innovation and entrepreneurship",
        "Paving a road for opportunities and success",
        "Constructing a bridge for science and economy",
        "southeast corner of Tsinghua University",
        "core area of Zhongguancun Science Park",
        "770,000", "400+", "1,000+", "nearly 20 cities and regions",
        "approximately twenty years",
        "Hi-tech enterprise innovation cluster",
        "Multinational enterprise R&D institution cluster",
        "Financial investment institution cluster",
        "Intermediary service institution cluster",
        "Internationalization", "Supporting platform", "Eradiating development",
        "Congregation", "Polymerization", "Focalization", "Achievement",
        "Government", "Industry", "University", "Research", "Finance", "Intermediary",
        "Trade", "Media",
        "TusHoldings", "Sci-tech park & new urbanization", "Financial assets management",
        "Innovation research & consultation",
        "Real estate", "Hotel", "Education",
        "China's leader and world's model in sci-tech service industry",
        "Limited Space for Unlimited Dream",
    ]:
        assert fact in text, fact
    assert content.organisation.link.url == "http://www.spmember.com/"


def test_the_seed_facts_are_there_in_chinese():
    content = load(ROOT / "content.yaml").content
    text = all_texts(content, "zh")
    for fact in [
        "搭建创新创业的舞台", "铺设机会成功的道路", "架起科学经济的桥梁",
        "清华大学东南角", "中关村科技园区核心区", "建筑面积77万平方米", "入驻企业和机构400余家",
        "汇聚了1000余家科技企业", "覆盖全国近20个城市和地区",
        "高新技术企业创新集群", "跨国企业研发机构集群", "金融投资机构集群", "中介服务机构集群",
        "国际化", "支撑平台", "辐射发展", "聚集", "聚合", "聚焦", "成就",
        "政、产、学、研、金、介、贸、媒",
        "启迪控股", "清华科技园", "科技园区与新型城镇化平台", "金融资产管理平台",
        "创新研究与咨询平台", "地产", "酒店", "教育", "传媒", "有限空间，无限梦想",
    ]:
        assert fact in text, fact
    # the eight innovation resources, each a term of its own, in order
    groups = [[t.zh for t in g.terms] for page in content.pages.values() for g in page.groups]
    assert ["政", "产", "学", "研", "金", "介", "贸", "媒"] in groups


def test_every_text_has_both_languages():
    content = load(ROOT / "content.yaml").content
    english, chinese = all_texts(content, "en"), all_texts(content, "zh")
    assert english.count("\n") == chinese.count("\n")
    for en, zh in zip(english.split("\n"), chinese.split("\n"), strict=True):
        assert not (en and en == zh and en.isascii() and any(c.isalpha() for c in en)), en


def test_network_is_about_twenty_locations_marked_as_sample_data():
    content = load(ROOT / "content.yaml").content
    locations = content.network.locations
    assert 18 <= len(locations) <= 22
    assert [loc.id for loc in locations if loc.headquarters] == ["beijing"]
    raw = (ROOT / "content.yaml").read_text(encoding="utf-8")
    assert "SAMPLE DATA: STAFF MUST REPLACE" in raw
    sample_lines = [line for line in raw.splitlines() if line.rstrip().endswith("# SAMPLE")]
    assert len(sample_lines) == len(locations) - 1


def test_every_value_of_the_file_reaches_the_content_the_screens_are_given():
    """Each text, number, id, address, icon and picture of the park's file is in the content
    the kiosk shows (a value read and then dropped, such as a tile's subtitle, fails here);
    yes/no values, which read as True and False, are left to the tests of their settings."""
    import yaml

    from kiosk.core.content.counts import counted
    from kiosk.core.content.model import Text

    content = load(ROOT / "content.yaml").content
    shown = repr(content)
    missing = []

    def walk(node, key):
        if isinstance(node, yaml.MappingNode):
            for name, value in node.value:
                walk(value, name.value)
        elif isinstance(node, yaml.SequenceNode):
            for value in node.value:
                walk(value, key)
        elif node.value.strip() not in ("", "true", "false"):
            value = node.value.strip()
            number = node.tag.endswith((":int", ":float")) and repr(float(value)) in shown
            if "{count}" in value:  # shown with its list's count in words (counts.py)
                value = next((filled for n in range(1001) for filled in counted(
                    Text(value, value), n) if filled in shown), value)
            if not number and value not in shown and repr(value)[1:-1] not in shown:
                missing.append((node.start_mark.line + 1, key, value[:40]))

    walk(yaml.compose((ROOT / "content.yaml").read_text(encoding="utf-8"),
                      Loader=yaml.CSafeLoader), None)
    assert missing == []
