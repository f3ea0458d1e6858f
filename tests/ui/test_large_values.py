"""The largest values `check` accepts, and values pasted by mistake, on the screen: each file is
checked, then shown (or, refused, its "back soon" screen is), every screen built, every tile
and Back tapped. What each cost is printed, as a profile to read (figures are never asserted
here: the machines are shared); the test holds that every case survives, nothing drawn over
anything else, and what check says.
"""

import resource
import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from kiosk.core.content import load_bytes
from kiosk.core.content.keys import LONGEST_LINE, LONGEST_SENTENCES, LONGEST_TEXT
from kiosk.ui.problems_view import ProblemsView

from ..helpers import settle
from ..samples import MINIMAL, ROOT
from .test_layout import cut_off, overlapping

SIZE = (1280, 720)  # the smallest display: the least room for the most text


def words(length: int) -> str:
    return ("word " * (length // 5 + 1))[:length - 1] + "x"


WORDS, LINE, SENTENCES = words(LONGEST_TEXT), words(LONGEST_LINE), words(LONGEST_SENTENCES)


def network(count: int, name: str = "Place") -> str:
    return ("network:\n  title: {en: Network, zh: 网络}\n  locations:\n" + "".join(
        f"    - {{id: l{i}, name: {{en: {name} {i}, zh: 地点{i}}}, lat: {20 + i % 28}.5, "
        f"lon: {80 + i % 50}.25}}\n" for i in range(count)))


HOME = ("home:\n  tiles:\n    - {page: mission, title: {en: Mission, zh: 使命}}\n"
        "    - {page: network, title: {en: Network, zh: 网络}}\n")
CASES = {
    "1,000 locations, the most": (
        "organisation:\n  name: {en: Park, zh: 园区}\n" + HOME
        + "mission:\n  title: {en: Mission, zh: 使命}\n" + network(1000), True),
    "texts as long as each kind may be": (
        f"organisation:\n  name: {{en: \"{LINE}\", zh: 园区}}\n  motto: \"{SENTENCES}\"\n"
        f"  intro: {{en: \"{SENTENCES}\", zh: 简介}}\n" + HOME
        + f"mission:\n  title: {{en: \"{LINE}\", zh: 使命}}\n"
        f"  lead: {{en: \"{WORDS}\", zh: 引言}}\n" + network(3, LINE[:140]), True),
    "500 cards and sections of long paragraphs": (
        "organisation:\n  name: {en: Park, zh: 园区}\n" + HOME
        + "mission:\n  title: {en: Mission, zh: 使命}\n  items:\n" + "".join(
            f"    - {{id: i{i}, title: \"{LINE}\", summary: \"{SENTENCES}\"}}\n"
            for i in range(500))
        + "  sections:\n" + "".join(
            f"    - {{title: T{i}, paragraphs: [{', '.join([chr(34) + WORDS + chr(34)] * 10)}]}}\n"
            for i in range(10)) + network(3), True),
    "a link of 2,331 bytes, the longest": (
        MINIMAL + "  link: {url: https://example.com/" + "a" * (2331 - 20) + "}\n", True),
    "a picture pasted as a data address": (
        MINIMAL + "  items:\n    - {id: a, title: {en: A, zh: A}, image: \"data:image/png;"
        "base64," + "iVBORw0KGgo" * 1_700_000 + "\"}\n", False),
    "a text of 19.9 MB": (
        MINIMAL + "  lead: {en: \"" + "word " * 3_980_000 + "\", zh: 引言}\n", False),
}


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


@pytest.mark.parametrize("case", list(CASES))
def test_what_check_accepts_the_screen_survives(qtbot, make_window, family, case, capsys):
    text, accepted = CASES[case]
    begin = time.perf_counter()
    loaded = load_bytes(text.encode(), "content.yaml", ROOT)
    checked = time.perf_counter() - begin
    assert (loaded.content is not None) == accepted, [str(p) for p in loaded.errors[:3]]
    assert all(len(str(p)) < 500 for p in loaded.problems)  # each quoted in at most a line
    begin = time.perf_counter()
    if loaded.content is None:
        view = ProblemsView(loaded, family, SIZE, allow_close=True)
        qtbot.addWidget(view)
        assert not view.grab().isNull()  # laid out and drawn, as its first frame
        first = time.perf_counter() - begin
        built = worst = 0.0
    else:
        window = make_window(loaded.content, size=SIZE)
        first = time.perf_counter() - begin
        assert overlapping(window) == [] and cut_off(window) == []
        begin = time.perf_counter()
        window.build_next()  # and the rest a turn at a time, as the kiosk after its first frame
        qtbot.waitUntil(lambda: not window.building_ahead, timeout=60_000)
        built = time.perf_counter() - begin
        worst = 0.0
        for page in window.pages()[1:]:
            for widget in (window.screens["home"].tiles[page], window.back_button):
                begin = time.perf_counter()
                qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
                QApplication.sendPostedEvents()
                window.repaint()
                worst = max(worst, time.perf_counter() - begin)
                qtbot.waitUntil(lambda: not window.building_ahead, timeout=60_000)  # filled
                settle()
                assert overlapping(window) == [], window.route
        assert window.route.page == "home"
    with capsys.disabled():
        print(f"\n  {case}: check {checked * 1000:.0f} ms, first frame {first * 1000:.0f} ms, "
              f"every screen built {built * 1000:.0f} ms, slowest tap {worst * 1000:.0f} ms, "
              f"peak memory of the tests' process so far {peak_mib():.0f} MiB", end="")
