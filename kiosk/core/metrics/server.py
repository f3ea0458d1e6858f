"""The kiosk's small web server for the desk: /metrics for Prometheus and /screen.png, a small
picture of the screen now; read-only, in threads of its own, so that a scrape never touches
the screen. Nothing listens unless site.yaml asks; on an address other computers can reach,
every request must carry the user name and password whose hash site.yaml holds (checked in
constant time; a header accepted once is remembered, so a scrape costs no hash)."""

from __future__ import annotations

import base64
import binascii
import hmac
import logging
import socketserver
import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ..site.model import Metrics
from ..site.secret import matches
from .figures import KioskFigures

log = logging.getLogger("kiosk")
CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
INDEX = (b"<!doctype html><title>Kiosk</title><h1>Kiosk</h1><ul><li><a href=\"/metrics\">"
         b"/metrics</a>: figures for Prometheus</li><li><a href=\"/screen.png\">/screen.png"
         b"</a>: the screen now</li></ul>\n")


class Picture:
    """The latest picture of the screen, as PNG bytes: set by the window's side, read here."""

    def __init__(self) -> None:
        self._png = b""
        self._lock = threading.Lock()

    def set(self, png: bytes) -> None:
        with self._lock:
            self._png = png

    def get(self) -> bytes:
        with self._lock:
            return self._png


class Gate:
    """Basic auth against site.yaml's user name and password hash; open on a local address."""

    def __init__(self, metrics: Metrics):
        self.metrics = metrics
        self._accepted = ""
        self._lock = threading.Lock()

    def allows(self, header: str | None) -> bool:
        if self.metrics.local and not self.metrics.username:
            return True
        if not header or not header.startswith("Basic "):
            return False
        with self._lock:
            if self._accepted and hmac.compare_digest(header, self._accepted):
                return True
        try:
            user, _, password = base64.b64decode(header[6:], validate=True).decode().partition(
                ":")
        except (binascii.Error, UnicodeDecodeError):
            return False
        good = hmac.compare_digest(user, self.metrics.username) and \
            matches(password, self.metrics.password_hash)
        if good:
            with self._lock:
                self._accepted = header
        return good


def _handler(figures: KioskFigures, picture: Picture, gate: Gate) -> type:
    class Handler(BaseHTTPRequestHandler):
        def version_string(self) -> str:
            return "kiosk"  # not the standard library's "BaseHTTP/0.6 Python/3.11.2"

        def do_GET(self) -> None:  # noqa: N802 (the standard library's name)
            self._answer(body=True)

        def do_HEAD(self) -> None:  # noqa: N802
            self._answer(body=False)

        def _answer(self, body: bool) -> None:
            if not gate.allows(self.headers.get("Authorization")):
                self._send(401, "text/plain", b"401 Unauthorized\n", body,
                           {"WWW-Authenticate": 'Basic realm="kiosk"'})
                return
            path = self.path.split("?", 1)[0]
            if path == "/metrics":
                self._send(200, CONTENT_TYPE, figures.text(), body)
            elif path == "/screen.png":
                png = picture.get()
                if png:
                    self._send(200, "image/png", png, body)
                else:
                    self._send(503, "text/plain", b"no picture yet\n", body)
            elif path == "/":
                self._send(200, "text/html; charset=utf-8", INDEX, body)
            else:
                self._send(404, "text/plain", b"404 Not Found\n", body)

        def _send(self, code: int, kind: str, data: bytes, body: bool,
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(code)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            self.end_headers()
            if body:
                self.wfile.write(data)

        def do_POST(self) -> None:  # noqa: N802 (read-only: nothing changes the kiosk)
            self._send(405, "text/plain", b"405 Method Not Allowed\n", True, {"Allow": "GET, HEAD"})

        do_PUT = do_DELETE = do_PATCH = do_POST  # noqa: N815

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass  # a scrape every 15 s is not news; failures to serve are logged below

    return Handler


class MetricsServer:
    def __init__(self, server: ThreadingHTTPServer):
        self.server = server

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 16

    def server_bind(self) -> None:
        """As HTTPServer's, without its reverse lookup of the host (socket.getfqdn): slow on a
        network with no DNS, and it needs the idna codec, which the build leaves out."""
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name, self.server_port = str(host), int(port)


def start_server(metrics: Metrics, figures: KioskFigures, picture: Picture,
                 on_error: Callable[[str], None] = log.error) -> MetricsServer | None:
    """Listening on `metrics.listen`, in a thread; None (and a line for the log) if it cannot."""
    import socket

    family = socket.AF_INET6 if ":" in metrics.host else socket.AF_INET
    server_class = type("Server", (_Server,), {"address_family": family})
    try:
        server = server_class((metrics.host, metrics.port),
                              _handler(figures, picture, Gate(metrics)))
    except OSError as exc:
        why = exc.strerror or str(exc)
        on_error(f"metrics: cannot listen on {metrics.host}:{metrics.port} ({why}); the kiosk "
                 "runs on without metrics")
        return None
    threading.Thread(target=server.serve_forever, name="metrics", daemon=True).start()
    log.info("metrics: serving /metrics and /screen.png on %s:%d", metrics.host,
             server.server_address[1])
    return MetricsServer(server)
