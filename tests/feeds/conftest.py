"""A feed server on 127.0.0.1 for the feeds tests: the recorded documents under recorded/
(RSS 2.0 and Atom in their publishers' real shapes, an HTML page, a truncated feed) served
with ETag and Last-Modified validators (a matching conditional request gets 304), and the
failures a poller meets: error statuses, an image, an oversized document, a redirect to a
private address, and a server that never answers until the test ends."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.support.upstream import loopback_reachable, serving

RECORDED = Path(__file__).parent / "recorded"
LAST_MODIFIED = "Tue, 01 Dec 2026 10:00:00 GMT"


@dataclass
class FeedServer:
    """The replay server's state, shared with the test."""

    url: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    #: path -> the If-None-Match / If-Modified-Since of the last request to it
    conditional: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: path -> recorded document name, to change what a feed serves during a test
    documents: dict[str, str] = field(default_factory=dict)
    #: seconds a feed document waits before it is answered (requests then overlap)
    delay: float = 0.0
    released: threading.Event = field(default_factory=threading.Event)

    def reset(self) -> None:
        self.delay = 0.0
        self.hits.clear()
        self.conditional.clear()
        self.documents = {
            "/harbour.xml": "harbour_rss.xml",
            "/coast.atom": "coast_atom.xml",
            "/page.html": "not_a_feed.html",
            "/truncated.xml": "truncated.xml",
        }
        self.released.set()  # frees a handler still holding a silent answer
        self.released = threading.Event()

    def feed(self, path: str) -> str:
        return f"{self.url}{path}"


SERVER = FeedServer()
_TYPES = {".xml": "application/rss+xml", ".atom": "application/atom+xml", ".html": "text/html"}


class _Replay(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, content_type: str, **extra: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in extra.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        SERVER.hits[path] += 1
        validators = (self.headers.get("If-None-Match"), self.headers.get("If-Modified-Since"))
        SERVER.conditional[path] = validators
        name = SERVER.documents.get(path)
        if name is not None:
            tag = f'"{name}"'
            if validators[0] == tag:
                self.send_response(304)
                self.send_header("ETag", tag)
                self.end_headers()
                return
            if SERVER.delay:
                SERVER.released.wait(SERVER.delay)
            content_type = _TYPES[Path(path).suffix] + "; charset=utf-8"
            body = (RECORDED / name).read_bytes()
            self._send(200, body, content_type, ETag=tag, Last_Modified=LAST_MODIFIED)
        elif path == "/gone.xml":
            self._send(410, b"gone", "text/plain")
        elif path == "/down.xml":
            self._send(503, b"down for maintenance", "text/plain")
        elif path == "/cover.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif path == "/huge.xml":
            item = b"<item><title>x</title><link>https://huge.example.org/x</link></item>"
            body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>'
            self._send(200, body + item * 2000 + b"</channel></rss>", "application/rss+xml")
        elif path == "/to-private.xml":
            self._send(302, b"", "text/plain", Location="http://10.0.0.7/feed.xml")
        elif path == "/silent.xml":
            SERVER.released.wait(10)
        else:
            self._send(404, b"not here", "text/plain")


@pytest.fixture(scope="session")
def feed_server_base() -> Iterator[str]:
    with serving(_Replay) as base:
        yield base


@pytest.fixture
def feed_server(feed_server_base: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    """The replay server, reachable (OUTBOUND_ALLOW_LOOPBACK), no retries, counts reset."""
    SERVER.reset()
    SERVER.url = feed_server_base
    with loopback_reachable(monkeypatch, OUTBOUND_RETRIES="0"):
        yield SERVER
        SERVER.released.set()
