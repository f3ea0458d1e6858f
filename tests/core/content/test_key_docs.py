"""The JSON Schema editors use (`kiosk schema`) agrees with the checker on what a key may be."""

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from kiosk import cli
from kiosk.core.content import key_docs, keys, load_bytes
from kiosk.core.content.model import WEEKDAYS, Labels, Theme
from kiosk.core.content.schema import DETAIL_KEYS, SETTINGS

from ...samples import MINIMAL

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((ROOT / "content.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)
# the smallest PNG file: a transparent pixel
PNG = bytes.fromhex("89504e470d0a1a0a0000000d4948445200000001000000010806000000"
                    "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082")


def test_schema_is_valid_and_the_bundled_content_follows_it():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    data = yaml.load((ROOT / "content.yaml").read_text(encoding="utf-8"), Loader=yaml.SafeLoader)
    assert [e.message for e in VALIDATOR.iter_errors(data)] == []


def test_content_file_points_editors_at_the_schema():
    first = (ROOT / "content.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=content.schema.json"


def test_schema_command_prints_the_file(capsys):
    assert cli.main(["schema"]) == 0
    assert json.loads(capsys.readouterr().out) == SCHEMA


def test_schema_names_the_same_keys_as_the_checker():
    props = SCHEMA["properties"]
    assert set(props["settings"]["properties"]) == set(SETTINGS)
    assert set(props["theme"]["properties"]) == set(Theme._fields)
    assert set(props["labels"]["properties"]) == set(Labels._fields)
    assert set(props["opening_hours"]["properties"]) == {*WEEKDAYS, "closed_on"}
    assert set(SCHEMA["$defs"]["detail"]["properties"]) == {"id", "title", *DETAIL_KEYS}


def test_an_unknown_key_is_refused_by_both(tmp_path):
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    for section in ("settings:", "theme:", "organisation:", "mission:", "network:"):
        changed = re.sub(f"^({section}.*)$", "\\1\n  colour_scheme: dark", text, count=1,
                         flags=re.MULTILINE)
        assert changed != text, section
        assert list(VALIDATOR.iter_errors(yaml.safe_load(changed))), section
        loaded = load_bytes(changed.encode(), "content.yaml", ROOT)
        assert any("unknown key 'colour_scheme'" in str(p) for p in loaded.errors), section


def test_opening_hours_are_checked_by_both():
    base = (ROOT / "content.yaml").read_text(encoding="utf-8")
    good = base + 'opening_hours:\n  monday: "09:00-17:30"\n  sunday: closed\n' \
                  '  closed_on: ["2027-01-01"]\n'
    assert list(VALIDATOR.iter_errors(yaml.safe_load(good))) == []
    assert load_bytes(good.encode(), "content.yaml", ROOT).content.opening_hours is not None
    bad = base + "opening_hours:\n  monday: 9 till 5\n"
    assert list(VALIDATOR.iter_errors(yaml.safe_load(bad)))


def test_the_readme_lists_every_label_with_its_defaults():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in Labels._fields:
        text = getattr(Labels(), name)
        assert f"| `{name}` | {text.en} | {text.zh} |" in readme, name


def test_the_schema_and_the_readmes_table_are_written_from_the_checkers_keys():
    """One source: kiosk/core/content/keys.py. After changing it, write both files again with
    `python -m kiosk.core.content.key_docs`."""
    assert SCHEMA == key_docs.json_schema()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert key_docs.TABLE_START in readme and key_docs.SITE_START in readme
    assert key_docs.with_table(readme) == readme
    site = json.loads((ROOT / "site.schema.json").read_text(encoding="utf-8"))
    assert site == key_docs.site_schema()


def test_the_site_schema_accepts_a_site_file_and_refuses_a_mistake():
    schema = json.loads((ROOT / "site.schema.json").read_text(encoding="utf-8"))
    good = yaml.safe_load('name: shenzhen-lobby\nhere: shenzhen\ndefault_language: zh\n'
                          'opening_hours: {monday: "09:00-18:00", closed_on: [2027-01-01]}\n'
                          'metrics: {listen: "127.0.0.1:9464"}\nlink_tags: "utm_source=x"\n')
    good["opening_hours"]["closed_on"] = ["2027-01-01"]  # as an editor sees the text
    jsonschema.validate(good, schema)
    for bad in ({"here": "x"}, {"name": "A B"}, {"name": "a", "metrics": {"listen": "9464"}},
                {"name": "a", "listn": 1}):
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(bad, schema)


def test_every_key_in_the_schema_says_what_it_is():
    undescribed = []

    def walk(value, path):
        if isinstance(value, dict):
            for name, prop in value.get("properties", {}).items():
                if not prop.get("description"):
                    undescribed.append(f"{path}/{name}")
            for name, inner in value.items():
                walk(inner, f"{path}/{name}")
        elif isinstance(value, list):
            for inner in value:
                walk(inner, path)

    walk(SCHEMA, "")
    assert undescribed == []
    assert len(json.dumps(SCHEMA).split('"description"')) > 100


def test_the_checker_reads_each_section_with_the_keys_defined_for_it():
    cases = ((keys.TILE, "{page: mission,", "{page: mission, rank: 1,"),
             (keys.ORGANISATION, "organisation:\n", "organisation:\n  rank: 1\n"))
    for section, old, new in cases:
        assert old in MINIMAL
        changed = MINIMAL.replace(old, new, 1)
        message = next(str(p) for p in load_bytes(changed.encode(), "content.yaml", ROOT).errors)
        allowed = ", ".join(section.required() + section.optional())
        assert message.endswith(f"unknown key 'rank'; allowed in '{section.name}': {allowed}")


AGREED = [  # (where in MINIMAL the value goes, the value as written in YAML)
    *(("hours", value) for value in (
        '"09:00-17:30"', '"9:00 - 17:30"', '"09:00–17:30"', "Closed", "CLOSED", '"09.00-17.30"',
        '"0900-1730"', '"09:00 to 17:30"', '"09:00-17:30 "', '"9-17"')),
    *(("date", value) for value in ('"2027-01-01"', '"20270101"', '"2027-W01-1"', '"27-01-01"')),
    *(("colour", value) for value in ('"#2E7D32"', '" #2e7d32 "', '"2E7D32"', '"#2E7D3"',
                                      '"#2E7D32FF"', '"#GGGGGG"')),
    *(("id", value) for value in ("hi-tech", "2030", "-5", "-tech", "Tech", "hi_tech", "hi tech",
                                  '" hi-tech "')),
    *(("url", value) for value in ('"https://example.com/"', '"http://a.b"', '"ftp://a.b"',
                                   '"https:// example.com"', '"https://.com"', '"example.com"')),
    *(("image", value) for value in ("lab.PNG", "lab.jpeg", "lab.Jpg", "lab.gif", "lab.png.txt")),
]


def placed(where: str, value: str) -> str:
    """MINIMAL with `value` as an opening day, a holiday, the accent colour, a strategy's
    id, the mission's link or a tile's picture."""
    if where == "hours":
        return MINIMAL + f"opening_hours:\n  monday: {value}\n"
    if where == "date":
        return MINIMAL + f"opening_hours:\n  closed_on: [{value}]\n"
    if where == "colour":
        return MINIMAL + f"theme:\n  accent: {value}\n"
    if where == "id":
        return MINIMAL.replace("{page: mission,", "{page: strategies,") + \
            f"strategies:\n  title: S\n  items:\n    - {{id: {value}, title: T}}\n"
    if where == "url":
        return MINIMAL + f"  link: {{url: {value}}}\n"
    return MINIMAL.replace("{page: mission,", f"{{page: mission, image: {value},")


@pytest.mark.parametrize(("where", "value"), AGREED)
def test_the_checker_and_the_schema_take_the_same_values(tmp_path, where, value):
    """Each kind's pattern is declared once (kiosk/core/content/keys.py): a value the schema
    takes, `check` takes, and one the schema refuses, `check` refuses with a message on it."""
    text = placed(where, value)
    for name in ("lab.PNG", "lab.jpeg", "lab.Jpg", "lab.gif", "lab.png.txt"):
        (tmp_path / name).write_bytes(PNG)
    schema_takes = not list(VALIDATOR.iter_errors(yaml.safe_load(text)))
    problems = [str(p) for p in load_bytes(text.encode(), "content.yaml", tmp_path).errors]
    assert schema_takes == (problems == []), problems


def test_writing_the_docs_again_gives_the_files_as_committed(tmp_path):
    """`python -m kiosk.core.content.key_docs` over a README whose tables are out of date."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    start = readme.index(key_docs.TABLE_START) + len(key_docs.TABLE_START)
    (tmp_path / "README.md").write_text(readme[:start] + "\nout of date\n"
                                        + readme[readme.index(key_docs.TABLE_END, start):],
                                        encoding="utf-8")
    key_docs.write(tmp_path)
    for name in ("README.md", "content.schema.json", "site.schema.json"):
        assert (tmp_path / name).read_bytes() == (ROOT / name).read_bytes(), name
