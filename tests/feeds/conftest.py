"""A feed server on the replay server (tests/providers.py, under `/feeds`) for the feeds
tests: the recorded documents under recorded/
(RSS 2.0 and Atom in their publishers' real shapes, an HTML page, a truncated feed) served
with ETag and Last-Modified validators (a matching conditional request gets 304), and the
failures a poller meets: error statuses, an image, an oversized document, a redirect to a
private address, and a server that never answers until the test ends."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.providers import Replay, replaying, route, send

RECORDED = Path(__file__).parent / "recorded"
LAST_MODIFIED = "Tue, 01 Dec 2026 10:00:00 GMT"


@dataclass
class FeedServer(Replay):
    """Hits are counted by path; `delay` holds feed documents only."""

    #: path -> the If-None-Match / If-Modified-Since of the last request to it
    conditional: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    #: path -> recorded document name, to change what a feed serves during a test
    documents: dict[str, str] = field(default_factory=dict)

    def reset(self) -> None:
        super().reset()
        self.conditional.clear()
        self.documents = {
            "/harbour.xml": "harbour_rss.xml",
            "/coast.atom": "coast_atom.xml",
            "/page.html": "not_a_feed.html",
            "/truncated.xml": "truncated.xml",
        }

    def feed(self, path: str) -> str:
        return f"{self.url}{path}"


SERVER = FeedServer()
_TYPES = {".xml": "application/rss+xml", ".atom": "application/atom+xml", ".html": "text/html"}


def _send(
    request: BaseHTTPRequestHandler, status: int, body: bytes, content_type: str, **extra: str
) -> None:
    send(
        request,
        status,
        body,
        content_type,
        {name.replace("_", "-"): value for name, value in extra.items()},
    )


@route("feeds")
def _answer(request: BaseHTTPRequestHandler) -> None:
    path = request.path.split("?", 1)[0]
    SERVER.count(path)
    validators = (request.headers.get("If-None-Match"), request.headers.get("If-Modified-Since"))
    SERVER.conditional[path] = validators
    name = SERVER.documents.get(path)
    if name is not None:
        tag = f'"{name}"'
        if validators[0] == tag:
            request.send_response(304)
            request.send_header("ETag", tag)
            request.end_headers()
            return
        SERVER.wait()
        content_type = _TYPES[Path(path).suffix] + "; charset=utf-8"
        body = (RECORDED / name).read_bytes()
        _send(request, 200, body, content_type, ETag=tag, Last_Modified=LAST_MODIFIED)
    elif path == "/gone.xml":
        _send(request, 410, b"gone", "text/plain")
    elif path == "/down.xml":
        _send(request, 503, b"down for maintenance", "text/plain")
    elif path == "/cover.png":
        _send(request, 200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
    elif path == "/huge.xml":
        item = b"<item><title>x</title><link>https://huge.example.org/x</link></item>"
        body = b'<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>'
        _send(request, 200, body + item * 2000 + b"</channel></rss>", "application/rss+xml")
    elif path == "/to-private.xml":
        _send(request, 302, b"", "text/plain", Location="http://10.0.0.7/feed.xml")
    elif path == "/silent.xml":
        SERVER.released.wait(10)
    else:
        _send(request, 404, b"not here", "text/plain")


@pytest.fixture
def feed_server(replay_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[FeedServer]:
    """The replay server, reachable (OUTBOUND_ALLOW_LOOPBACK), no retries, counts reset."""
    with replaying(SERVER, replay_server, "feeds", monkeypatch):
        yield SERVER
