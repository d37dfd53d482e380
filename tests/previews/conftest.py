"""A page server on 127.0.0.1 for the previews tests: the saved pages under pages/ and the
answers a previewer meets (images, PDFs, errors, redirects, oversized pages)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path

import pytest

from tests.support.upstream import loopback_reachable, serving

PAGES = Path(__file__).parent / "pages"
HITS: Counter[str] = Counter()


class _Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes = b"", content_type: str = "text/html", **extra: str):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in extra.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path, _, query = self.path.partition("?")
        HITS[path] += 1
        name = path.rsplit("/", 1)[-1]
        if path.startswith("/pages/") and (PAGES / name).is_file():
            self._send(200, (PAGES / name).read_bytes())
        elif path.startswith("/utf8-header/") and (PAGES / name).is_file():
            self._send(200, (PAGES / name).read_bytes(), "text/html; charset=utf-8")
        elif path == "/cover.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
        elif path == "/report.pdf":
            self._send(200, b"%PDF-1.7\n", "application/pdf")
        elif path == "/gone":
            self._send(410, b"gone")
        elif path == "/down":
            self._send(503, b"down")
        elif path == "/huge":
            self._send(200, b"<html><title>huge</title>" + b"x" * 300_000)
        elif path == "/moved":
            self._send(301, content_type="text/plain", Location=query)
        else:
            self._send(404, b"not here")


@pytest.fixture(scope="session")
def page_server() -> Iterator[str]:
    with serving(_Pages) as base:
        yield base


@pytest.fixture
def pages(page_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The page server's base URL, reachable (OUTBOUND_ALLOW_LOOPBACK), no retries, hits reset."""
    HITS.clear()
    with loopback_reachable(monkeypatch, OUTBOUND_RETRIES="0"):
        yield page_server
