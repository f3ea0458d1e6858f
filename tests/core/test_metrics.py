"""The desk's figures and their web server, without Qt: the exposition as Prometheus' own parser
reads it, the longest stall of the last minute, and who may read them."""

import base64
import socket
import urllib.error
import urllib.request

import pytest
from prometheus_client.parser import text_string_to_metric_families

from kiosk.core.metrics import KioskFigures, LongestStall, start_server
from kiosk.core.metrics.server import Gate, Picture
from kiosk.core.site import Metrics
from kiosk.core.site.secret import password_hash

PASSWORD = "Jd5gce72kud6L9UFfpPxXuqZ4hwhF9TS"


def samples(figures: KioskFigures) -> dict[tuple[str, tuple], float]:
    found = {}
    for family in text_string_to_metric_families(figures.text().decode()):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


@pytest.fixture
def figures(tmp_path):
    clock = [1000.0]
    made = KioskFigures("shenzhen-lobby", "1.2.3", tmp_path, memory=lambda: 123.0,
                        clock=lambda: clock[0])
    made.clock = clock
    return made


def steady_figures(tmp_path) -> KioskFigures:
    """Figures that read the same at every scrape: a usage folder that cannot be measured
    (its free space NaN), a fixed memory and clock."""
    return KioskFigures("shenzhen-lobby", "1.2.3", tmp_path / "no-such-folder",
                        memory=lambda: 123.0, clock=lambda: 1000.0)


def test_every_figure_is_named_kiosk_and_parsed_by_prometheus(figures):
    found = samples(figures)
    assert all(name.startswith("kiosk_") for name, _ in found)
    assert found[("kiosk_info", (("name", "shenzhen-lobby"), ("program_version", "1.2.3")))] == 1
    assert found[("kiosk_up", ())] == 1
    assert found[("kiosk_memory_rss_bytes", ())] == 123
    assert found[("kiosk_usage_disk_free_bytes", ())] > 0
    assert found[("kiosk_open", ())] == 1
    assert found[("kiosk_start_fallback", (("kiosk_start_fallback", "none"),))] == 1
    assert not any(name.endswith("_created") for name, _ in found)


def test_what_happens_moves_the_figures(figures):
    figures.content_shown("2f9f44ee4e24", 2, 1_796_000_000.0)
    figures.content_shown("aaaaaaaaaaaa", 0, 1_796_000_100.0)  # one version at a time
    figures.reload(shown=False)
    figures.session(42.0)
    figures.session(700.0)
    figures.view("network", "wuhan", with_qr=False)
    figures.view("network", "", with_qr=True)
    figures.view("../../etc", "", with_qr=False)  # no such page: no label made of it
    figures.taps.inc(3)
    found = samples(figures)
    versions = [labels for name, labels in found if name == "kiosk_content_info"]
    assert versions == [(("version", "aaaaaaaaaaaa"),)]
    assert found[("kiosk_content_loaded_timestamp_seconds", ())] == 1_796_000_100
    assert found[("kiosk_content_last_reload_ok", ())] == 0
    assert found[("kiosk_content_reloads_total", (("outcome", "refused"),))] == 1
    assert found[("kiosk_sessions_total", ())] == 2
    assert found[("kiosk_session_seconds_bucket", (("le", "60.0"),))] == 1
    assert found[("kiosk_session_seconds_bucket", (("le", "600.0"),))] == 1
    assert found[("kiosk_session_seconds_bucket", (("le", "1800.0"),))] == 2
    assert found[("kiosk_session_seconds_sum", ())] == 742
    assert found[("kiosk_views_total", (("kind", "detail"), ("page", "network")))] == 1
    assert found[("kiosk_views_total", (("kind", "page"), ("page", "network")))] == 1
    assert not [labels for name, labels in found if "etc" in str(labels)]
    assert found[("kiosk_qr_codes_shown_total", ())] == 1
    assert found[("kiosk_taps_total", ())] == 3
    figures.reload(shown=True)
    assert samples(figures)[("kiosk_content_last_reload_ok", ())] == 1


def test_the_longest_stall_is_of_the_last_minute_only():
    stalls = LongestStall(window_s=60)
    assert stalls.longest(0) == 0
    stalls.add(0, 0.5)
    stalls.add(10, 0.2)
    stalls.add(20, 0.3)
    assert stalls.longest(20) == 0.5
    assert stalls.longest(60) == 0.5  # exactly a minute old: still in it
    assert stalls.longest(60.01) == 0.3  # gone; the longest of the rest
    assert stalls.longest(80.01) == 0.0
    stalls.add(100, 0.1)
    stalls.add(101, 0.4)  # a longer one later: the shorter earlier one can never be longest
    assert stalls.longest(101) == 0.4


def test_the_figures_give_the_stall_by_their_clock(figures):
    figures.stalls.add(990, 1.5)
    assert samples(figures)[("kiosk_event_loop_stall_max_seconds", ())] == 1.5
    figures.clock[0] = 1051
    assert samples(figures)[("kiosk_event_loop_stall_max_seconds", ())] == 0


def basic(user: str, password: str) -> str:
    return "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()


def test_who_may_read_them():
    local = Gate(Metrics("127.0.0.1", 9464))
    assert local.allows(None)
    remote = Gate(Metrics("0.0.0.0", 9464, "prometheus", password_hash(PASSWORD)))
    assert not remote.allows(None)
    assert not remote.allows("Bearer x")
    assert not remote.allows("Basic !!!not base64")
    assert not remote.allows(basic("prometheus", PASSWORD[:-1] + "x"))
    assert not remote.allows(basic("someone", PASSWORD))
    assert remote.allows(basic("prometheus", PASSWORD))
    assert remote.allows(basic("prometheus", PASSWORD))  # remembered: no hash this time
    # a local address with credentials given asks for them too
    assert not Gate(Metrics("127.0.0.1", 1, "prometheus", password_hash(PASSWORD))).allows(None)


def get(port: int, path: str, method: str = "GET", auth: str = "") -> tuple[int, bytes, dict]:
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method,
                                     headers={"Authorization": auth} if auth else {})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, answer.read(), dict(answer.headers)
    except urllib.error.HTTPError as error:
        return error.code, error.read(), dict(error.headers)


def test_the_server_answers_read_only_and_asks_for_credentials(figures):
    picture = Picture()
    server = start_server(Metrics("127.0.0.1", 0, "prometheus", password_hash(PASSWORD)),
                          figures, picture)
    assert server is not None
    try:
        port, auth = server.port, basic("prometheus", PASSWORD)
        code, _, headers = get(port, "/metrics")
        assert code == 401 and headers["WWW-Authenticate"] == 'Basic realm="kiosk"'
        code, body, headers = get(port, "/metrics", auth=auth)
        assert code == 200 and headers["Content-Type"].startswith("text/plain; version=0.0.4")
        assert b"kiosk_up 1.0" in body
        assert get(port, "/screen.png", auth=auth)[0] == 503  # no picture yet
        picture.set(b"\x89PNG\r\n\x1a\nrest")
        code, body, headers = get(port, "/screen.png", auth=auth)
        assert (code, body[:4], headers["Content-Type"]) == (200, b"\x89PNG", "image/png")
        assert get(port, "/metrics", "HEAD", auth)[0] == 200
        assert get(port, "/metrics", "POST", auth)[0] == 405
        assert get(port, "/metrics", "DELETE", auth)[0] == 405
        assert get(port, "/admin", auth=auth)[0] == 404
        assert get(port, "/", auth=auth)[0] == 200
    finally:
        server.close()


def test_the_server_starts_without_a_reverse_lookup(figures, monkeypatch):
    """The build has no idna codec, which socket.getfqdn needs (the smoke test found it)."""
    def no_lookup(name=""):
        raise LookupError("unknown encoding: idna")

    monkeypatch.setattr(socket, "getfqdn", no_lookup)
    server = start_server(Metrics("127.0.0.1", 0), figures, Picture())
    assert server is not None
    try:
        assert get(server.port, "/metrics")[0] == 200
    finally:
        server.close()


def test_a_port_in_use_is_a_line_in_the_log_and_no_server(figures):
    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen()
    port = taken.getsockname()[1]
    said = []
    try:
        assert start_server(Metrics("127.0.0.1", port), figures, Picture(), said.append) is None
    finally:
        taken.close()
    assert said == [f"metrics: cannot listen on 127.0.0.1:{port} (Address already in use); the "
                    "kiosk runs on without metrics"]
    said.clear()
    assert start_server(Metrics("no-such-host.invalid", 9464), figures, Picture(),
                        said.append) is None
    assert said and said[0].startswith("metrics: cannot listen on no-such-host.invalid:9464 (")


def exchange(port: int, method: str, path: str, auth: str = "") -> tuple[int, dict, bytes]:
    """One request as it goes on the wire: the status, every header but the date, the body."""
    import http.client

    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request(method, path, headers={"Authorization": auth} if auth else {})
        answer = connection.getresponse()
        headers = {name: value for name, value in answer.getheaders() if name != "Date"}
        return answer.status, headers, answer.read()
    finally:
        connection.close()


def plain(text: bytes, kind: str = "text/plain") -> dict:
    return {"Server": "kiosk", "Content-Type": kind, "Content-Length": str(len(text)),
            "Cache-Control": "no-store"}


def test_every_answer_in_full_on_the_wire(tmp_path):
    from kiosk.core.metrics.server import CONTENT_TYPE, INDEX

    # the free space of a real folder moves with whatever else writes to the disk, and with it
    # the exposition's length (a Content-Length one byte off failed this once in CI)
    figures = steady_figures(tmp_path)
    picture = Picture()
    server = start_server(Metrics("127.0.0.1", 0, "prometheus", password_hash(PASSWORD)),
                          figures, picture)
    assert server is not None
    port, auth = server.port, basic("prometheus", PASSWORD)
    try:
        refused = b"401 Unauthorized\n"
        for method, body in (("GET", refused), ("HEAD", b"")):
            assert exchange(port, method, "/metrics") == (
                401, plain(refused) | {"WWW-Authenticate": 'Basic realm="kiosk"'}, body)
        metrics = figures.text()
        assert exchange(port, "GET", "/metrics?name[]=kiosk_up?x", auth) == (
            200, plain(metrics, CONTENT_TYPE), metrics)
        assert exchange(port, "HEAD", "/metrics", auth) == (200, plain(metrics, CONTENT_TYPE), b"")
        assert exchange(port, "GET", "/screen.png", auth) == (
            503, plain(b"no picture yet\n"), b"no picture yet\n")
        picture.set(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
        assert exchange(port, "GET", "/screen.png?size=small", auth) == (
            200, plain(picture.get(), "image/png"), picture.get())
        assert exchange(port, "GET", "/", auth) == (
            200, plain(INDEX, "text/html; charset=utf-8"), INDEX)
        assert exchange(port, "GET", "/metrics/", auth) == (
            404, plain(b"404 Not Found\n"), b"404 Not Found\n")
        assert exchange(port, "HEAD", "/admin", auth) == (404, plain(b"404 Not Found\n"), b"")
        not_allowed = b"405 Method Not Allowed\n"
        for method in ("POST", "PUT", "DELETE", "PATCH"):
            assert exchange(port, method, "/metrics", auth) == (
                405, plain(not_allowed) | {"Allow": "GET, HEAD"}, not_allowed)
    finally:
        server.close()


def test_a_password_with_colons_is_checked_whole_and_remembered_once_accepted(monkeypatch):
    from kiosk.core.metrics import server

    hashed = []
    monkeypatch.setattr(server, "matches", lambda password, stored: hashed.append(password)
                        or password == "a:b:c")
    gate = Gate(Metrics("0.0.0.0", 9464, "prometheus", "stored hash"))
    assert not gate.allows(basic("prometheus", "a:b"))
    assert gate.allows(basic("prometheus", "a:b:c"))
    assert gate.allows(basic("prometheus", "a:b:c"))
    assert not gate.allows(basic("prometheus", "a:b"))
    assert hashed == ["a:b", "a:b:c", "a:b"]  # the accepted header's second time: no hash


def test_the_server_listens_on_ipv6_in_a_thread_of_its_own_and_says_where(figures, caplog):
    import http.client
    import threading

    caplog.set_level("INFO", logger="kiosk")
    server = start_server(Metrics("::1", 0), figures, Picture())
    assert server is not None
    try:
        assert caplog.messages == [
            f"metrics: serving /metrics and /screen.png on ::1:{server.port}"]
        daemons = [t.daemon for t in threading.enumerate() if t.name == "metrics"]
        assert daemons and all(daemons)
        connection = http.client.HTTPConnection("::1", server.port, timeout=10)
        connection.request("GET", "/metrics")
        assert connection.getresponse().status == 200
        connection.close()
    finally:
        server.close()


def test_the_exposition_whole_as_the_desk_reads_it(tmp_path):
    """Every figure's name, help text (what the desk sees in Grafana), type, labels and value;
    a usage folder that cannot be measured reads NaN (not a crash, not a made-up 0)."""
    from pathlib import Path

    made = steady_figures(tmp_path)
    made.content_shown("2f9f44ee4e24", 2, 1_796_000_000.0)
    made.session(42.0)
    made.view("clusters", "hi-tech", with_qr=True)
    made.reload(shown=True)
    made.stalls.add(990, 0.25)
    assert made.text().decode() == (Path(__file__).parent / "exposition.txt").read_text()
