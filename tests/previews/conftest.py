"""A page server on the replay server (tests/providers.py, at its root, since the pages link
to root-relative addresses) for the previews tests: the saved pages under pages/ and the
answers a previewer meets (images, PDFs, errors, redirects, oversized pages)."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.providers import Replay, replaying, route, send

PAGES = Path(__file__).parent / "pages"
SITE = Replay()
HITS = SITE.hits


@route("")
def _answer(request: BaseHTTPRequestHandler) -> None:
    path, _, query = request.path.partition("?")
    SITE.count(path)
    SITE.wait()  # a test's delay, so that concurrent fetches overlap
    name = path.rsplit("/", 1)[-1]
    if path.startswith("/pages/") and (PAGES / name).is_file():
        send(request, 200, (PAGES / name).read_bytes(), "text/html")
    elif path.startswith("/utf8-header/") and (PAGES / name).is_file():
        send(request, 200, (PAGES / name).read_bytes(), "text/html; charset=utf-8")
    elif path == "/cover.png":
        send(request, 200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
    elif path == "/report.pdf":
        send(request, 200, b"%PDF-1.7\n", "application/pdf")
    elif path == "/gone":
        send(request, 410, b"gone", "text/html")
    elif path == "/down":
        send(request, 503, b"down", "text/html")
    elif path == "/huge":
        send(request, 200, b"<html><title>huge</title>" + b"x" * 300_000, "text/html")
    elif path == "/moved":
        send(request, 301, b"", "text/plain", {"Location": query})
    else:
        send(request, 404, b"not here", "text/html")


@pytest.fixture
def pages(replay_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The page server's base URL, reachable (OUTBOUND_ALLOW_LOOPBACK), no retries, hits reset."""
    with replaying(SITE, replay_server, "", monkeypatch):
        yield replay_server
