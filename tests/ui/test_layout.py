"""Every screen, at every display size and in both languages, shows its text whole."""

import re

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QRawFont
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.core.content import load_bytes
from kiosk.snapshot import routes, visible_texts
from kiosk.ui.widgets import WrapLabel

from ..helpers import settle
from ..samples import ROOT

SIZES = [(1920, 1080), (1080, 1920), (1280, 800), (3840, 2160)]
FIRST_LEVEL = Qt.FindChildOption.FindDirectChildrenOnly
# A run of characters a line cannot break inside (Chinese breaks between any two characters;
# a zero-width space is a break too)
UNBREAKABLE = re.compile(r"[^\s\u200b\u3000-\u9fff\uff00-\uffef]+")


def cut_off(window) -> list[str]:
    """Texts that do not fit the widget showing them, or stick out of the window."""
    problems = []
    frame = window.rect()
    for widget in on_screen(window):
        if not widget.isVisible() or widget.visibleRegion().isEmpty() or not widget.text():
            continue
        text = widget.text()
        box = QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())
        if box.right() > frame.right() or box.left() < 0:
            problems.append(f"outside the window: {text!r}")
        if isinstance(widget, WrapLabel):
            if widget.height() < widget.height_for(widget.width()):
                problems.append(f"lines cut off: {text!r}")
            metrics = QFontMetrics(widget.font())
            room = widget.contentsRect().width()
            wide = [w for w in UNBREAKABLE.findall(text) if metrics.horizontalAdvance(w) > room]
            if wide:
                problems.append(f"a word wider than its box ({room} px): {wide[0]!r}")
        else:
            if widget.width() < widget.sizeHint().width():
                problems.append(f"too narrow ({widget.width()} < {widget.sizeHint().width()}): "
                                f"{text!r}")
            if widget.height() < widget.sizeHint().height():  # a line squeezed: cut at the foot
                problems.append(f"too low ({widget.height()} < {widget.sizeHint().height()}): "
                                f"{text!r}")
    return problems


def on_screen(window) -> list[QWidget]:
    """The labels and buttons of the screen on show, the bar and any overlay: not those of the
    screens built ahead, out of sight (finding those took a third of the check's time)."""
    roots = [window.stack.currentWidget()] + [
        child for child in window.findChildren(QWidget, options=FIRST_LEVEL)
        if child is not window.stack and child.isVisible()]
    return [widget for root in roots
            for widget in [root, *root.findChildren(QLabel), *root.findChildren(QPushButton)]
            if isinstance(widget, (QLabel, QPushButton))]


def check_every_screen(window, content, walked=lambda route: True) -> list[str]:
    """Every route (or those `walked` keeps), and every screenful of a long one, checked by
    geometry alone: the window is not painted meanwhile (a paint at 3840x2160 costs 30 to 90
    ms and tells nothing here), nor are pictures of the screens shown over them
    (kiosk/ui/pictures.py)."""
    window.setUpdatesEnabled(False)
    window.pictures.set_size(0, 0)
    try:
        return _check_every_screen(window, content, walked)
    finally:
        window.pictures.set_size(window.width(), window.height())
        window.setUpdatesEnabled(True)


def _check_every_screen(window, content, walked) -> list[str]:
    found = []
    window.screens["home"].finish()  # what the kiosk adds just after its first frame
    for route in filter(walked, routes(content)):
        window.show_route(route)
        settled(window)
        area = getattr(window.stack.currentWidget(), "scroll_area", None)
        bar = area.verticalScrollBar() if area is not None else None
        while True:
            found += [f"{route.name}: {problem}"
                      for problem in cut_off(window) + overlapping(window)]
            if bar is None or bar.value() >= bar.maximum():
                break
            bar.setValue(bar.value() + bar.pageStep())
            settled(window)
    return found


def settled(window) -> None:
    """Turns of the event loop until the screen's widgets stop moving (one more after), and
    six at most, as settle() always takes: measured on 279 routes in both contents at three
    sizes, every screen was still after its first."""
    app = QApplication.instance()

    def where() -> list:
        return [child.geometry() for child in window.stack.currentWidget().findChildren(QWidget)
                if child.isVisible()]

    before = where()
    for _ in range(6):
        app.sendPostedEvents()
        app.processEvents()
        now = where()
        if now == before:
            return
        before = now


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_no_text_is_cut_off(make_window, content, size, language):
    content = content.with_settings(default_language=language)
    window = make_window(content, size=size)
    assert check_every_screen(window, content) == []


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES[:3], ids=[f"{w}x{h}" for w, h in SIZES[:3]])
def test_no_text_is_cut_off_with_larger_text(make_window, content, size, language):
    content = content.with_settings(default_language=language)
    window = make_window(content, size=size)
    window.toggle_larger_text()
    assert check_every_screen(window, content) == []


def test_the_bundled_font_draws_every_chinese_character(family, content):
    """No empty boxes, even on a machine with no CJK font installed."""
    text = (ROOT / "content.yaml").read_text(encoding="utf-8")
    chinese = {c for c in text if "\u3000" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef"}
    assert len(chinese) > 300
    from kiosk.ui.theme import Look

    font = Look(content.theme, family=family).font("body")
    assert font.family() == "Kiosk Sans SC"
    raw = QRawFont.fromFont(font)
    # By code point: PySide turns some one-character strings into the wrong QChar.
    missing = sorted(c for c in chinese if not raw.supportsCharacter(ord(c)))
    assert missing == []
    metrics = QFontMetrics(font)
    assert all(metrics.inFontUcs4(ord(c)) for c in "清华科技园启迪控股焦特献")


OTHER = """\
# A different organisation: 2 strategies, 7 clusters, 45 locations, an operating company,
# long texts and words of 40 letters, a dark theme, no images.
settings: {default_language: zh, idle_timeout: 30, countdown: 5}
theme:
  background: "#0B1D2E"
  surface: "#13293D"
  text: "#F2F5F8"
  muted_text: "#C5D0DA"
  accent: "#7FC8F8"
  accent_text: "#0B1D2E"
organisation:
  name: {en: Harbour Innovation Centre, zh: 港湾创新中心}
  link: {url: "https://example.org/harbour", caption: {en: LONGWORD, zh: LONGWORD}}
home:
  tiles:
    - {page: strategies, title: {en: Our plan, zh: 我们的计划}}
    - {page: clusters, title: {en: Who is here, zh: 入驻机构}}
    - {page: network, title: {en: Where we are, zh: 我们在哪里}}
strategies:
  title: {en: Our plan, zh: 我们的计划}
  items:
    - {id: grow, title: {en: Grow LONGWORD, zh: 成长LONGWORD},
       paragraphs: [{en: "PARA", zh: "段落"}], link: {url: "https://example.org/grow"}}
    - {id: share, title: {en: Share, zh: 分享}}
clusters:
  title: {en: Who is here, zh: 入驻机构}
  lead: {en: "PARA", zh: "段落"}
  items:
CLUSTERS
network:
  title: {en: Where we are, zh: 我们在哪里}
  locations:
LOCATIONS
  features:
    - {id: company, title: {en: The LONGWORD company, zh: 运营公司}}
"""
# 40 letters and more, with nowhere to break: common in German, Dutch and technical names
LONGWORD = "Donaudampfschifffahrtsgesellschaftskapitän"


def other_organisation() -> str:
    long_en = " ".join(["A long paragraph about the centre and its work."] * 30)
    long_zh = "这是一段关于中心及其工作的很长的文字。" * 30
    clusters = "\n".join(
        f"    - {{id: c{i}, title: {{en: Cluster {i} LONGWORD, zh: 第{i}集群LONGWORD}}, "
        f"summary: {{en: Summary {i} LONGWORD, zh: 摘要{i}}}}}" for i in range(7))
    locations = "\n".join(
        f"    - {{id: l{i}, name: {{en: Place {i}, zh: 地点{i}}}, lat: {22 + i * 0.5}, "
        f"lon: {100 + (i * 7) % 25}, headquarters: {str(i == 0).lower()}}}" for i in range(44))
    locations += ("\n    - {id: long, name: {en: LONGWORD, zh: LONGWORD}, lat: 31, lon: 121, "
                  "summary: {en: LONGWORD LONGWORD, zh: LONGWORD}}")
    return (OTHER.replace("CLUSTERS", clusters).replace("LOCATIONS", locations)
            .replace('"PARA"', f'"{long_en} {LONGWORD}"').replace('"段落"', f'"{long_zh}"')
            .replace("LONGWORD", LONGWORD))


def other_content():
    loaded = load_bytes(other_organisation().encode(), "other.yaml", ROOT)
    assert loaded.errors == []
    return loaded.content


def one_of_each_shape(route) -> bool:
    """The other organisation's screens, but of its 44 generated places the first, the
    middle, the last and the long-named: their pages share one shape (a name of two words, a
    distance, three neighbours), and the walk of each took 80 % of the time. Every place of
    the park's own, each of its own shape, is walked at every size (test_no_text_is_cut_off)."""
    return route.page != "network" or route.detail in ("", "l0", "l1", "l22", "l43", "long")


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
def test_a_different_organisation_is_served_by_the_content_alone(make_window, size, language):
    content = other_content().with_settings(default_language=language)
    assert (len(content.pages["strategies"].items), len(content.pages["clusters"].items),
            len(content.network.locations)) == (2, 7, 45)
    window = make_window(content, size=size)
    assert window.language == language
    assert ("港湾创新中心" if language == "zh" else "Harbour Innovation Centre") in \
        visible_texts(window)
    assert check_every_screen(window, content, one_of_each_shape) == []
    assert len(window.screens["network"].map.markers) == 45


def test_a_flow_layout_deletes_its_items_when_it_goes(qtbot):
    """Qt's own layouts delete their items with them; the flow of chips, written in Python,
    left each one behind (96 bytes) every time a screen was rebuilt."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.widgets import FlowLayout

    row = QWidget()
    flow = FlowLayout(8)
    for word in ("Energy", "Health", "Digital"):
        flow.addWidget(QLabel(word))
    row.setLayout(flow)
    items = [flow.itemAt(index) for index in range(flow.count())]
    assert len(items) == 3 and all(shiboken6.isValid(item) for item in items)
    with qtbot.waitSignal(flow.destroyed):
        row.deleteLater()
    assert not any(shiboken6.isValid(item) for item in items)


def test_a_widget_taken_out_of_a_flow_layout_is_not_deleted_twice(qtbot):
    from PySide6.QtWidgets import QWidget

    from kiosk.ui.widgets import FlowLayout

    row = QWidget()
    flow = FlowLayout(8)
    first, second = QLabel("Energy"), QLabel("Health")
    flow.addWidget(first)
    flow.addWidget(second)
    row.setLayout(flow)
    with qtbot.waitSignal(first.destroyed):
        first.deleteLater()  # Qt takes its item out of the layout and deletes it
    assert flow.count() == 1
    with qtbot.waitSignal(flow.destroyed):
        row.deleteLater()


def test_the_location_counter_counts_locations_only(make_window):
    """45 locations and the operating company: a location is "1 / 45", not "1 / 46"; the
    company, the only feature, has no counter."""
    from kiosk.core.session import Route
    from kiosk.ui.swipe import PageDots

    content = other_content().with_settings(default_language="en")
    window = make_window(content)
    window.show_route(Route("network", "l0"))
    settle()
    assert window.screens["detail"].findChild(PageDots).accessibleName() == "1 / 45"
    window.show_route(Route("network", "company"))
    settle()
    assert window.screens["detail"].findChild(PageDots) is None


def overlapping(window) -> list[str]:
    """Texts of the screen on show drawn over other texts or over controls: where each label
    draws its lines (its font's box for them, as Qt lays them out, within the label and the
    parents that clip it), and each button's face, compared. Not the widgets' visible parts:
    Qt takes from a widget's visible region what a later sibling covers, so a name drawn over
    by the motto had a visible part that touched nothing (one inside the other, as a tile's
    title in its tile, is not counted)."""
    boxes = [(widget, box) for widget in on_screen(window)[1:]
             if widget.isVisible() and widget.text()
             for box in [drawn_box(window, widget)] if not box.isEmpty()]
    found = []
    for index, (widget, box) in enumerate(boxes):
        for other, other_box in boxes[index + 1:]:
            if widget.isAncestorOf(other) or other.isAncestorOf(widget):
                continue
            if box.intersects(other_box):
                common = box.intersected(other_box)
                found.append(f"{widget.text()[:30]!r} and {other.text()[:30]!r} drawn over "
                             f"each other ({common.width()}x{common.height()} px)")
    return found


def drawn_box(window, widget) -> QRect:
    """Where `widget` draws its text (a label) or itself (a button), in the window, within
    what its parents let show."""
    box = widget.rect()
    if isinstance(widget, QLabel):
        flags = widget.alignment() | (Qt.TextFlag.TextWordWrap if widget.wordWrap()
                                      else Qt.AlignmentFlag(0))
        box = widget.fontMetrics().boundingRect(widget.contentsRect(), flags,
                                                widget.text()).intersected(box)
    box = QRect(widget.mapTo(window, box.topLeft()), box.size())
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        box = box.intersected(QRect(parent.mapTo(window, parent.rect().topLeft()),
                                    parent.size()))
        parent = parent.parentWidget()
    return box


LONG_NAMES = {"en": "Beijing TusPark Tsinghua University Science Park Innovation and "
                    "Incubation Centre Limited", "zh": "北京清华科技园" * 8}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", [(1280, 720), (1920, 1080), (1080, 1920)],
                         ids=["1280x720", "1920x1080", "1080x1920"])
def test_a_long_name_keeps_to_two_lines_over_the_motto_never(make_window, content, size,
                                                             language):
    from kiosk.core.content.model import Text
    from kiosk.ui.fit_label import FitLabel

    organisation = content.organisation._replace(name=Text(**LONG_NAMES))
    window = make_window(content._replace(organisation=organisation)
                         .with_settings(default_language=language), size=size)
    settle()
    name = window.screens["home"].findChild(FitLabel)
    assert name.whole == LONG_NAMES[language]
    lines = name.height() / QFontMetrics(name.font()).lineSpacing()
    assert round(lines) <= 2
    assert name.font().pixelSize() >= window.look.font_px("h1")
    assert overlapping(window) == []
    assert cut_off(window) == []


TWO_LINE_NAMES = {"en": "Zhongguancun International Science and Innovation Park Beijing",
                  "zh": "中关村国际科学与创新园区北京总部中关村国际科学与创新园区北京总部"}


@pytest.mark.parametrize("language", ["en", "zh"])
@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
@pytest.mark.parametrize("larger", [False, True], ids=["", "larger"])
def test_a_name_of_two_lines_is_drawn_over_nothing(make_window, content, size, language,
                                                   larger):
    """Another organisation's name, two lines at the display size: the tiles give way (their
    glimpses, then their icons, then their subtitles) and no text is drawn over another."""
    from kiosk.core.content.model import Text
    from kiosk.ui.fit_label import FitLabel

    organisation = content.organisation._replace(name=Text(**TWO_LINE_NAMES))
    window = make_window(content._replace(organisation=organisation)
                         .with_settings(default_language=language), size=size)
    if larger:
        window.toggle_larger_text()
    home = window.screens["home"]
    home.finish()
    settle()
    name = home.findChild(FitLabel)
    assert round(name.height() / QFontMetrics(name.font()).lineSpacing()) == 2
    assert overlapping(window) == []
    assert cut_off(window) == []
    for tile in home.tiles.values():
        assert tile.title.isVisible()


def test_a_short_name_is_drawn_whole_at_the_display_size(make_window, content):
    from kiosk.ui.fit_label import FitLabel

    window = make_window(content, size=(1280, 720))
    name = window.screens["home"].findChild(FitLabel)
    assert name.text() == "Beijing TusPark"
    assert name.font().pixelSize() == window.look.font_px("display")
    assert overlapping(window) == []
