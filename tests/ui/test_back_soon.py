"""The "back soon" screen a kiosk shows when its content cannot be used at start-up."""

from PySide6.QtWidgets import QLabel

from kiosk.core.content import load_bytes
from kiosk.ui.problems_view import ProblemsView

from ..samples import MINIMAL, ROOT


def texts(view) -> list[str]:
    return [label.text().replace("\u200b", "") for label in view.findChildren(QLabel)]


def test_it_shows_the_first_problems_and_counts_all_the_others(qtbot, family):
    loaded = load_bytes((MINIMAL + "  pillars:\n" + "    - x\n" * 20_000).encode(),
                        "content.yaml", ROOT)
    view = ProblemsView(loaded, family, (1280, 720), allow_close=True)
    qtbot.addWidget(view)
    shown = texts(view)
    assert shown[-1] == "... and 19,988 more"
    assert sum(t.startswith("content.yaml:") for t in shown) == ProblemsView.LINES


def test_a_pasted_picture_is_quoted_in_a_line(qtbot, family):
    pasted = "data:image/png;base64," + "iVBORw0KGgo" * 1_000_000
    loaded = load_bytes((MINIMAL + "theme:\n  accent: \"" + pasted + "\"\n").encode(),
                        "content.yaml", ROOT)
    view = ProblemsView(loaded, family, (1280, 720), allow_close=True)
    qtbot.addWidget(view)
    assert [t for t in texts(view) if t.startswith("content.yaml")] == [
        "content.yaml:9:11: 'accent' must be a colour written like \"#660874\", not "
        "\"data:image/png;base64,iVBORw0KGgoiVBORw0KGgoiVBORw0KGgoiVBOR… [11,000,022 "
        "characters]\""]
