"""The content as plain data (kiosk/core/content/model.py): a text's fallback, the details a
page opens, the link a screen shows, the siblings swiped through."""

from types import MappingProxyType

import pytest

from kiosk.core.content.model import Content, Detail, Link, Organisation, Page, Text

from ...samples import BUNDLED


@pytest.fixture(scope="module")
def park():
    from kiosk.core.content import load

    return load(BUNDLED).content


def test_a_text_falls_back_to_the_other_language_and_is_false_only_when_empty():
    assert Text("Park", "园区").get("zh") == "园区" and Text("Park", "园区").get("en") == "Park"
    assert Text("Park", "").get("zh") == "Park" and Text("", "园区").get("en") == "园区"
    assert Text("Park", "园区").get("fr") == "Park"
    assert [bool(t) for t in (Text(), Text("a"), Text("", "b"), Text("a", "b"))] == [
        False, True, True, True]


def test_the_details_of_each_page_and_of_the_network(park):
    assert [d.id for d in park.details("clusters")] == [d.id for d in park.pages["clusters"].items]
    assert park.details("mission") == ()
    assert park.details("no-such-page") == ()
    network = park.details("network")
    assert [d.id for d in network] == [loc.id for loc in park.network.locations] + \
        [f.id for f in park.network.features]
    assert park._replace(network=None).details("network") == ()


def test_the_link_each_screen_shows(park):
    home = park.organisation.link.url
    assert park.link_on("home") == home == "http://www.spmember.com/"
    assert park.link_on("mission") == park.pages["mission"].link.url
    assert park.link_on("clusters") == ""  # a page without a link
    assert park.link_on("network", "beijing") == home  # a location's own link
    assert park.link_on("network", "tianjin") == ""
    assert park.link_on("network", "no-such-place") == ""
    assert park.link_on("no-such-page") == ""
    assert park._replace(organisation=park.organisation._replace(link=None)).link_on("home") == ""


def test_a_details_link_is_its_own_not_its_pages():
    page = Page(title=Text("P"), link=Link("https://page.example"),
                items=(Detail("a", Text("A"), link=Link("https://a.example")),
                       Detail("b", Text("B"))))
    content = Content(Organisation(Text("Org")), (), MappingProxyType({"p": page}))
    assert content.link_on("p") == "https://page.example"
    assert content.link_on("p", "a") == "https://a.example"
    assert content.link_on("p", "b") == ""


def test_a_location_swipes_through_locations_and_a_feature_through_features(park):
    locations = tuple(loc.detail for loc in park.network.locations)
    assert park.siblings("network", "wuhan") == locations
    assert park.siblings("network", "tusholdings") == park.network.features
    assert park.siblings("clusters", "hi-tech") == park.pages["clusters"].items
    assert park._replace(network=None).siblings("network", "wuhan") == ()
