"""The JSON Schema editors use (`kiosk schema`) agrees with the checker on what a key may be."""

import json
import re
from pathlib import Path

import jsonschema
import yaml

from kiosk import cli
from kiosk.core.content import keys, load_bytes
from kiosk.core.content.model import WEEKDAYS, Labels, Theme
from kiosk.core.content.schema import DETAIL_KEYS, SETTINGS

from .samples import MINIMAL

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "content.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


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
    `python -m kiosk.core.content.keys`."""
    assert SCHEMA == keys.json_schema()
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert keys.TABLE_START in readme
    assert keys.with_table(readme) == readme


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
