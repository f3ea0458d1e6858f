"""site.yaml: a kiosk's own file beside the shared content, read with content.yaml's messages
and applied to the content."""

from pathlib import Path

import pytest

from kiosk.core.content import load
from kiosk.core.content.model import Link
from kiosk.core.site import Metrics, site_path, with_site
from kiosk.core.site.applied import links, tag
from kiosk.core.site.read import load_site
from kiosk.core.site.secret import matches, new_password, password_hash

ROOT = Path(__file__).resolve().parents[2]
HASH = password_hash("correct horse battery staple and more")


@pytest.fixture(scope="module")
def park():
    return load(ROOT / "content.yaml").content


def site(tmp_path, text: str) -> Path:
    path = tmp_path / "site.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def messages(tmp_path, text, content) -> list[str]:
    path = site(tmp_path, text)
    return [str(p).replace(str(path), "site.yaml") for p in load_site(path, content).problems]


def test_no_site_file_is_the_kiosk_as_before(tmp_path, park):
    loaded = load(ROOT / "content.yaml")
    assert with_site(loaded, tmp_path / "site.yaml") is loaded
    assert with_site(loaded, None) is loaded
    given = with_site(loaded, tmp_path / "site.yaml", given=True)
    assert given.content is None
    assert [str(p) for p in given.problems] == [
        f"{tmp_path / 'site.yaml'}:1:1: cannot read the file: No such file or directory"]
    assert site_path(ROOT / "content.yaml") == ROOT / "site.yaml"
    assert site_path(ROOT / "content.yaml", tmp_path / "x.yaml") == tmp_path / "x.yaml"


def test_a_site_sets_the_place_language_hours_and_tags(tmp_path, park):
    path = site(tmp_path, 'name: shenzhen-lobby\nhere: shenzhen\ndefault_language: zh\n'
                          'opening_hours:\n  monday: "09:00-17:00"\n'
                          'link_tags: "utm_source={name}&utm_medium=kiosk"\n')
    loaded = with_site(load(ROOT / "content.yaml"), path)
    content = loaded.content
    assert [str(p) for p in loaded.problems if not p.warning] == []
    assert content.here == "shenzhen"
    assert content.settings.default_language == "zh"
    assert content.opening_hours.week[0] is not None and content.opening_hours.week[1] is None
    urls = [link.url for link in links(content)]
    assert urls and all(u.endswith("utm_source=shenzhen-lobby&utm_medium=kiosk") for u in urls)
    assert len(urls) == len(links(park))  # every take-away link, however deep


def test_links_keep_their_query_and_fragment():
    assert tag("https://a.cn/x", "s={name}", "k1") == "https://a.cn/x?s=k1"
    assert tag("https://a.cn/x?p=1", "s={name}", "k1") == "https://a.cn/x?p=1&s=k1"
    assert tag("https://a.cn/x?p=1#top", "s=k", "k1") == "https://a.cn/x?p=1&s=k#top"
    assert tag("https://a.cn/x?", "s=k", "k1") == "https://a.cn/x?s=k"
    assert tag("https://a.cn/x", "", "k1") == "https://a.cn/x"
    assert Link("https://a.cn")._replace(url=tag("https://a.cn", "a=b", "")).url == \
        "https://a.cn?a=b"


@pytest.mark.parametrize(("text", "expected"), [
    ("here: beijing\n", ["site.yaml:1:1: 'site.yaml' is missing the required key 'name'"]),
    ("name: Lobby One\n",
     ["site.yaml:1:7: 'name' must be lower-case letters, digits and '-' (like \"hi-tech\"), not "
      "\"Lobby One\""]),
    ("name: a\nhere: shenzen\n",
     ["site.yaml:2:7: 'here' must be the id of a location in content.yaml's network, not "
      "'shenzen' (did you mean 'shenzhen'?)"]),
    ("name: a\nhere: atlantis\n",
     ["site.yaml:2:7: 'here' must be the id of a location in content.yaml's network, not "
      "'atlantis'; its locations: beijing, tianjin, shenyang, harbin, jinan, qingdao, "
      "zhengzhou, xian, ..."]),
    ("name: a\nlisten: 1\n", ["site.yaml:2:1: unknown key 'listen'; allowed in 'site.yaml': "
                              "name, here, default_language, opening_hours, metrics, "
                              "link_tags"]),
    ("name: a\nmetrics: {listen: 9464}\n",
     ["site.yaml:2:19: 'listen' must be HOST:PORT, like \"127.0.0.1:9464\", not \"9464\""]),
    ("name: a\nmetrics: {listen: \"127.0.0.1:70000\"}\n",
     ["site.yaml:2:19: 'listen' must be HOST:PORT, like \"127.0.0.1:9464\", not "
      "\"127.0.0.1:70000\""]),
    ("name: a\nmetrics: {listen: \"0.0.0.0:9464\"}\n",
     ["site.yaml:2:19: 'listen' is 0.0.0.0, which other computers can reach: give a 'username' "
      "and a 'password_hash' (`kiosk metrics-password` makes them), or listen on 127.0.0.1"]),
    ("name: a\nmetrics: {listen: \"0.0.0.0:9464\", username: p}\n",
     ["site.yaml:2:10: give both 'username' and 'password_hash' under 'metrics', or neither",
      "site.yaml:2:19: 'listen' is 0.0.0.0, which other computers can reach: give a 'username' "
      "and a 'password_hash' (`kiosk metrics-password` makes them), or listen on 127.0.0.1"]),
    ("name: a\nmetrics: {listen: \"0.0.0.0:9464\", username: p, password_hash: secret}\n",
     ["site.yaml:2:63: 'password_hash' must be what `kiosk metrics-password` prints: sha256: "
      "and 64 hexadecimal digits"]),
    ("name: a\nlink_tags: \"utm source=x\"\n",
     ["site.yaml:2:12: 'link_tags' must be a query string like \"utm_source={name}&utm_medium"
      "=kiosk\" (letters, digits and _ . ~ % - = & + only), not \"utm source=x\""]),
    ("name: a\ndefault_language: fr\n",
     ["site.yaml:2:19: 'default_language' must be one of en, zh, not \"fr\""]),
])
def test_each_mistake_gets_its_message(tmp_path, park, text, expected):
    assert messages(tmp_path, text, park) == expected


def test_credentials_on_an_open_address_are_accepted(tmp_path, park):
    path = site(tmp_path, f'name: a\nmetrics:\n  listen: "0.0.0.0:9464"\n  username: prometheus\n'
                          f'  password_hash: "{HASH}"\n')
    found = load_site(path, park)
    assert found.problems == ()
    assert found.site.metrics.host == "0.0.0.0" and found.site.metrics.port == 9464
    assert not found.site.metrics.local
    local = load_site(site(tmp_path, 'name: a\nmetrics: {listen: "[::1]:9464"}\n'), park)
    assert local.site.metrics.local and local.site.metrics.host == "::1"


def test_here_without_a_network(tmp_path, park):
    assert messages(tmp_path, "name: a\nhere: beijing\n", park._replace(network=None)) == [
        "site.yaml:2:7: 'here' names a location of the network, but content.yaml has no "
        "'network:' with locations: leave 'here' out"]


def test_a_tagged_link_too_long_for_a_readable_code_is_a_warning(tmp_path, park):
    long_tags = "utm_source={name}&utm_medium=kiosk&utm_campaign=" + "x" * 90
    problems = load_site(site(tmp_path, f'name: a\nlink_tags: "{long_tags}"\n'), park).problems
    assert problems and all(p.warning for p in problems)
    assert "its QR code is too fine for some phones to read" in problems[0].message
    huge = load_site(site(tmp_path, f'name: a\nlink_tags: "a={"x" * 2400}"\n'), park).problems
    assert "more than a QR code holds (2,331)" in huge[0].message and not huge[0].warning


def test_a_password_is_random_and_its_hash_matches_only_it():
    one, two = new_password(), new_password()
    assert one != two and len(one) == 32
    assert matches(one, password_hash(one)) and not matches(two, password_hash(one))
    assert password_hash("x") == \
        "sha256:2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881"


def test_a_site_file_of_100_kb_is_read_and_one_byte_more_is_refused(tmp_path, park):
    head = "name: a\n"
    path = site(tmp_path, head + "#" * (100_000 - len(head) - 1) + "\n")
    assert path.stat().st_size == 100_000
    found = load_site(path, park)
    assert found.problems == () and found.site.name == "a"
    path.write_text(head + "#" * (100_000 - len(head)) + "\n", encoding="utf-8")
    assert messages(tmp_path, path.read_text(), park) == [
        "site.yaml:1:1: the file is larger than 100 kB: a site file holds a few keys"]


def test_a_site_of_its_name_alone_changes_nothing_else(tmp_path, park):
    from kiosk.core.site.model import Site

    path = site(tmp_path, "name: lobby-2\n")
    assert load_site(path, park).site == Site("lobby-2", "", "", None, False, None, "", path)
    assert load_site(path, park, given=True).site == load_site(path, park).site
    assert load_site(tmp_path / "none.yaml", park) == load_site(tmp_path / "none.yaml", None)
    assert load_site(tmp_path / "none.yaml", park).problems == ()


def test_here_is_checked_only_against_content_that_was_read(tmp_path, park):
    path = site(tmp_path, "name: a\nhere: atlantis\n")
    assert load_site(path, None).site.here == "atlantis" and load_site(path, None).problems == ()


def test_the_locations_named_stop_at_eight(tmp_path, park):
    eight = park._replace(network=park.network._replace(locations=park.network.locations[:8]))
    assert messages(tmp_path, "name: a\nhere: atlantis\n", eight) == [
        "site.yaml:2:7: 'here' must be the id of a location in content.yaml's network, not "
        "'atlantis'; its locations: beijing, tianjin, shenyang, harbin, jinan, qingdao, "
        "zhengzhou, xian"]


def test_tags_too_long_for_a_code_or_for_small_displays_say_so_exactly(tmp_path, park):
    from kiosk.core.content.qr_sizes import QR_READABLE_BYTES
    from kiosk.core.content.quoting import quoted

    tags = "utm_source={name}&utm_medium=kiosk&utm_campaign=" + "x" * 90
    said = messages(tmp_path, f'name: a\nlink_tags: "{tags}"\n', park)
    urls = sorted({tag(link.url, tags, "a") for link in links(park)})
    long = [u for u in urls if len(u.encode()) > QR_READABLE_BYTES]
    assert long and said == [
        f"site.yaml:2:12: warning: with these tags a link is {len(url.encode())} bytes long: its "
        "QR code is too fine for some phones to read on the smallest display (at most "
        f"{QR_READABLE_BYTES} bytes is read at any size): {quoted(url)}" for url in long]
    huge = messages(tmp_path, f'name: a\nlink_tags: "a={"x" * 2400}"\n', park)
    url = sorted({tag(link.url, "a=" + "x" * 2400, "a") for link in links(park)})[0]
    assert huge[0] == (f"site.yaml:2:12: with these tags a link is {len(url):,} bytes long, "
                       f"more than a QR code holds (2,331): {quoted(url)}")


@pytest.mark.parametrize(("text", "expected"), [
    ("metrics: [listen]\n", ["site.yaml:2:10: 'metrics' must be a set of keys (listen, username, "
                             "password_hash), not a list"]),
    ("metrics: {listen: [1]}\n", ["site.yaml:2:19: 'listen' must be a text, not a list"]),
    ("metrics: {}\n", ["site.yaml:2:10: 'metrics' is missing the required key 'listen'"]),
    ("metrics: {listen: \"127.0.0.1:1\", username: [p], password_hash: [h]}\n",
     ["site.yaml:2:44: 'username' must be a text, not a list",
      "site.yaml:2:64: 'password_hash' must be a text, not a list"]),
    ("metrics: {listen: \"127.0.0.1:0\"}\n", ["site.yaml:2:19: 'listen' must be HOST:PORT, like "
                                           "\"127.0.0.1:9464\", not \"127.0.0.1:0\""]),
    ("metrics: {listen: \"127.0.0.1:65536\"}\n",
     ["site.yaml:2:19: 'listen' must be HOST:PORT, like \"127.0.0.1:9464\", not "
      "\"127.0.0.1:65536\""]),
])
def test_each_mistake_under_metrics_gets_its_message(tmp_path, park, text, expected):
    assert messages(tmp_path, "name: a\n" + text, park) == expected


@pytest.mark.parametrize("port", [1, 2, 65534, 65535])
def test_every_port_is_taken_from_the_first_to_the_last(tmp_path, park, port):
    found = load_site(site(tmp_path, f'name: a\nmetrics: {{listen: "[::1]:{port}"}}\n'), park)
    assert found.problems == ()
    assert found.site.metrics == Metrics("::1", port, "", "")


def test_credentials_are_kept_as_given(tmp_path, park):
    found = load_site(site(tmp_path, f'name: a\nmetrics:\n  listen: "0.0.0.0:9464"\n'
                                     f'  username: prometheus\n  password_hash: " {HASH} "\n'),
                      park)
    assert found.site.metrics == Metrics("0.0.0.0", 9464, "prometheus", HASH)
