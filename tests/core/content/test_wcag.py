"""What `check` says for the sake of visitors who need it (WCAG): text colours with too little
contrast, with the nearest shade that passes, and a "Still there?" countdown too short to ask
for more time."""

import pytest

from kiosk.core.content.contrast import ratio

from ...samples import MINIMAL, problems


def test_weak_theme_contrast_is_a_warning_naming_the_pair_and_ratio():
    text = MINIMAL + "theme:\n  muted_text: \"#9A9A9A\"\n"
    assert problems(text) == [  # at the colour to change, with the nearest shade that passes
        "content.yaml:9:15: warning: 'muted_text' (#9A9A9A) on 'background' (#F5F5F4) has a "
        "contrast of 2.6:1; text needs at least 7:1 to be read easily; the nearest shade of "
        "'muted_text' that is: \"#535353\"",
        "content.yaml:9:15: warning: 'muted_text' (#9A9A9A) on 'surface' (#FFFFFF) has a "
        "contrast of 2.8:1; text needs at least 7:1 to be read easily; the nearest shade of "
        "'muted_text' that is: \"#535353\""]
    assert ratio("#535353", "#F5F5F4") >= 7 > ratio("#545454", "#F5F5F4")  # the nearest


def test_a_contrast_warning_points_at_the_text_colour_and_a_broken_colour_gets_none():
    text = MINIMAL + "theme:\n  background: \"#FFFFFF\"\n  accent: \"#B0A0C0\"\n"
    way = "; the nearest shade of 'accent' that is: \"#655079\""  # passes with white text too
    assert problems(text) == [  # accent is the line to change, not background
        "content.yaml:10:11: warning: 'accent' (#B0A0C0) on 'background' (#FFFFFF) has a "
        f"contrast of 2.4:1; text needs at least 7:1 to be read easily{way}",
        "content.yaml:10:11: warning: 'accent' (#B0A0C0) on 'surface' (#FFFFFF) has a "
        f"contrast of 2.4:1; text needs at least 7:1 to be read easily{way}",
        "content.yaml:10:11: warning: 'accent_text' (#FFFFFF) on 'accent' (#B0A0C0) has a "
        f"contrast of 2.4:1; text needs at least 7:1 to be read easily{way}"]
    assert ratio("#655079", "#FFFFFF") >= 7
    broken = MINIMAL + "theme:\n  background: \"#0B1D2E\"\n  text: \"white\"\n"
    way = "; the nearest shade of 'background' that is: \"#C0D9F0\""  # no grey passes both
    assert problems(broken) == [  # not "'text' (#1C1917) on 'background'": not the file's
        "content.yaml:9:15: warning: 'muted_text' (#44403C) on 'background' (#0B1D2E) has a "
        f"contrast of 1.7:1; text needs at least 7:1 to be read easily{way}",
        "content.yaml:9:15: warning: 'accent' (#1E3A5F) on 'background' (#0B1D2E) has a "
        f"contrast of 1.5:1; text needs at least 7:1 to be read easily{way}",
        "content.yaml:10:9: 'text' must be a colour written like \"#660874\", not \"white\""]


def test_no_shade_is_offered_where_none_passes():
    from kiosk.core.content.contrast import nearest_passing, way_out
    from kiosk.core.content.model import Theme

    grey = Theme(background="#808080", surface="#808080", muted_text="#7F7F7F")
    assert nearest_passing(grey, "muted_text") is None  # mid grey: nothing is 7:1 against it
    assert nearest_passing(grey, "background") is None  # nor against both dark and mid grey
    assert way_out(grey, "muted_text", "background") is None
    found = problems(MINIMAL + "theme:\n  background: \"#808080\"\n  surface: \"#808080\"\n"
                               "  muted_text: \"#7F7F7F\"\n")
    assert found[0] == ("content.yaml:9:15: warning: 'text' (#1C1917) on 'background' "
                        "(#808080) has a contrast of 4.4:1; text needs at least 7:1 to be read "
                        "easily")  # and no shade offered


@pytest.mark.parametrize(("seconds", "warned"),
                         [(3, True), (19.99, True), (20, False), (120, False)])
def test_a_countdown_under_20_seconds_is_a_warning_naming_wcag(seconds, warned):
    assert problems(MINIMAL + f"settings:\n  countdown: {seconds}\n") == ([
        f"content.yaml:9:14: warning: 'countdown' is {seconds:g} seconds: WCAG 2.2.1 asks for "
        "at least 20 seconds for a visitor to ask for more time (accepted; the default is 20)"]
        if warned else [])


def test_luminance_as_wcag_defines_it_at_both_ends_and_in_the_dark_part():
    from kiosk.core.content.contrast import luminance

    assert luminance("#FFFFFF") == 1.0 and luminance("#000000") == 0.0
    assert luminance("#0A0A0A") == pytest.approx(10 / 255 / 12.92, rel=1e-12)  # linear part
    assert luminance("#0B0B0B") == pytest.approx(((11 / 255 + 0.055) / 1.055) ** 2.4, rel=1e-12)
    assert luminance("#FF0000") == pytest.approx(0.2126)
    assert luminance("#00FF00") == pytest.approx(0.7152)
    assert luminance("#0000FF") == pytest.approx(0.0722)
    assert ratio("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert ratio("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.005)  # WCAG's own example


@pytest.mark.parametrize(("grey", "found"), [
    ("#949494", None),                # not even black has 7:1 against it
    ("#959595", ("#000000", 1.0)),    # black alone: the lightness moved all the way
    ("#969696", ("#010101", 0.995)),  # the step before it
    ("#9A9A9A", ("#0A0A0A", 0.96)),
])
def test_the_nearest_shade_goes_as_far_as_the_ends_of_lightness(grey, found):
    from kiosk.core.content.contrast import nearest_passing
    from kiosk.core.content.model import Theme

    white = Theme(muted_text="#FFFFFF", background=grey, surface=grey)
    assert nearest_passing(white, "muted_text") == found
    black = Theme(muted_text="#000000", background="#595959", surface="#595959")
    assert nearest_passing(black, "muted_text") == ("#FFFFFF", 1.0)


def test_a_qr_code_is_drawn_in_the_first_dark_enough_colour_of_the_theme_or_black():
    from kiosk.core.content.contrast import qr_dark
    from kiosk.core.content.model import Theme

    assert qr_dark(Theme()) == "#1C1917"  # the text colour
    assert qr_dark(Theme(text="#FFFFFF", accent="#1E3A5F")) == "#1E3A5F"
    assert qr_dark(Theme(background="#0B1D2E", text="#FFFFFF", accent="#FFD700")) == "#0B1D2E"
    assert qr_dark(Theme(background="#FFFFFF", text="#EEEEEE", accent="#DDDDDD")) == "#000000"
    assert qr_dark(Theme(text="#595959")) == "#595959"  # 7.0:1 against white, just
    assert qr_dark(Theme(text="#5A5A5A", accent="#5B5B5B", background="#5C5C5C")) == "#000000"
