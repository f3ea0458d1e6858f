"""Seven everyday edits of the park's file, each made with the mistake staff made with it when
tried by hand: the message names the place and says what to type; typed so, the file is
accepted."""

import re
import shutil
from pathlib import Path

import pytest

from kiosk.core.content.loader import load_bytes

ROOT = Path(__file__).resolve().parents[3]
PARK = (ROOT / "content.yaml").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def folder(tmp_path_factory):
    """The park's folder, with a photo staff put beside the file."""
    folder = tmp_path_factory.mktemp("park")
    shutil.copytree(ROOT / "resources", folder / "resources")
    (folder / "photos").mkdir()
    shutil.copy(ROOT / "resources" / "icons" / "kiosk.png", folder / "photos" / "lobby.png")
    return folder


def line_of(text: str, marker: str) -> int:
    """The line that `marker` starts on, or with `^` first, the line that starts with it."""
    found = re.search(re.escape(marker.lstrip("^")) if not marker.startswith("^")
                      else "^" + re.escape(marker[1:]), text, re.MULTILINE)
    assert found is not None, marker
    return text[:found.start()].count("\n") + 1


def read(text: str, folder: Path) -> list[str]:
    loaded = load_bytes(text.encode(), "content.yaml", folder)
    return [str(p) for p in loaded.problems if not p.warning]


def edit(old: str, new: str) -> str:
    assert old in PARK
    return PARK.replace(old, new, 1)


CITY = ("  locations:\n    - id: lanzhou\n      name: {en: Lanzhou， zh: 兰州}\n"
        "      lat: 36°04′N\n      lon: 103.834\n")
CLUSTER = ("    - id: energy\n      title: {en: Energy, zh: 能源}\n      summary:\n"
           "        en: Clean energy companies.\n         zh: 清洁能源企业。\n")
HOURS = 'opening_hours:\n  monday: "09:00-17:30"\n   tuesday: "09:00-17:30"\n\ntheme:'
STRATEGY = PARK[PARK.index("    - id: internationalization"):
                PARK.index("    - id: supporting-platform")]


def test_add_a_city_typed_with_a_chinese_comma_then_in_degrees(folder):
    text = edit("  locations:\n", CITY)
    line = line_of(text, "name: {en: Lanzhou")
    assert read(text, folder) == [
        f"content.yaml:{line}:25: YAML syntax error: '，' here is a Chinese (full-width) comma: "
        "YAML needs the English ',' (请把中文逗号 '，' 改为英文 ',') (YAML: did not find "
        "expected ',' or '}')"]
    text = text.replace("Lanzhou，", "Lanzhou,")
    assert read(text, folder) == [
        f"content.yaml:{line + 1}:12: 'lat' must be a number, not the text \"36°04′N\"; write "
        "degrees as a decimal number: 36°04′N is 36.0667"]
    assert read(text.replace("36°04′N", "36.0667"), folder) == []


def test_set_opening_hours_with_a_day_indented_one_space_too_far(folder):
    text = edit("\ntheme:", "\n" + HOURS)
    line = line_of(text, "^   tuesday")
    assert read(text, folder) == [
        f"content.yaml:{line}:4: YAML syntax error: 'tuesday:' on line {line} is indented 3 "
        f"spaces, 'monday:' on line {line - 1} 2 spaces: the keys of one section or entry are "
        "indented alike, so line them up (with spaces, not tabs) (YAML: did not find expected "
        f"key while parsing a block mapping that starts on line {line - 1})"]
    assert read(text.replace("   tuesday", "  tuesday"), folder) == []


def test_change_the_accent_colour_pasted_in_a_word_processors_quotes(folder):
    accent = re.search(r'  accent: "#[0-9A-Fa-f]{6}"', PARK)[0]
    text = edit(accent, "  accent: “#4CAF50”")
    assert read(text, folder) == [
        f"content.yaml:{line_of(text, '  accent:')}:11: 'accent' must be a colour written like "
        "\"#660874\", not \"“#4CAF50”\"; '“' is a typographic quote (from a word processor), "
        "which YAML keeps as part of the value: type straight quotes \" \" instead, or none "
        "(请用英文直引号 \" \")"]
    assert read(text.replace("“#4CAF50”", '"#4CAF50"'), folder) == []


def test_put_a_photo_on_a_home_tile_with_a_windows_path(folder):
    text = edit("      icon: fa6s.bullseye\n",
                "      icon: fa6s.bullseye\n      image: photos\\lobby.png\n")
    assert read(text, folder) == [
        f"content.yaml:{line_of(text, 'image: photos')}:14: image file not found: "
        f"photos\\lobby.png (looked in {folder}); write / between folders, not \\: "
        "photos/lobby.png; photos/lobby.png is there"]
    assert read(text.replace("photos\\lobby", "photos/lobby"), folder) == []


def test_change_the_idle_time_typed_with_a_chinese_colon(folder):
    text = edit("  idle_timeout: 60", "  idle_timeout： 90")
    assert read(text, folder) == [
        f"content.yaml:{line_of(text, 'idle_timeout：')}:15: YAML syntax error: '：' here is a "
        "Chinese (full-width) colon: YAML needs the English ':' (请把中文冒号 '：' 改为英文 "
        "':') (YAML: could not find expected ':' while scanning a simple key that starts on "
        f"line {line_of(text, 'idle_timeout：')})"]
    assert read(text.replace("idle_timeout：", "idle_timeout:"), folder) == []


def test_add_a_cluster_with_its_chinese_one_space_too_far(folder):
    text = edit("    - id: hi-tech", CLUSTER + "    - id: hi-tech")
    line = line_of(text, "         zh: 清洁")
    assert read(text, folder) == [
        f"content.yaml:{line}:10: YAML syntax error: 'zh:' on line {line} is indented 9 "
        f"spaces, 'en:' on line {line - 1} 8 spaces: the keys of one section or entry are "
        "indented alike, so line them up (with spaces, not tabs) (YAML: mapping values are "
        "not allowed in this context)"]
    assert read(text.replace("         zh: 清洁", "        zh: 清洁"), folder) == []


def test_remove_a_strategy_leaving_its_last_paragraph(folder):
    left = "".join(STRATEGY.splitlines(keepends=True)[-4:])  # its last paragraph, in two languages
    assert left.startswith("        - en: >-")
    text = edit(STRATEGY, left)
    first = line_of(text, left)
    assert read(text, folder) == [
        f"content.yaml:{first}:9: YAML syntax error: lines {first} to {first + 3}, indented "
        f"deeper than the entries' '- ' (line {first + 4}), belong to no entry: if you removed "
        "an entry here, they are left over from it: delete them (YAML: did not find expected "
        "key while parsing a block mapping that starts on line "
        f"{line_of(text, '^strategies:') + 1})"]  # the section's keys begin under it
    assert read(text.replace(left, ""), folder) == []
