"""A GitHub REST API on 127.0.0.1 replaying recorded answers (recorded/, through
contracts.ghstats_provider: `/users/{login}` and its repository pages with GitHub's Link
headers), ETags honoured with 304, and X-RateLimit-* headers counting down. It counts the
calls it gets and misbehaves on request: down (500), garbage (200 that is no JSON), silent
(answers nothing until the test ends), exhausted (403 with remaining 0) or throttled (429 with
Retry-After), or slow (a delay before answering, so concurrent requests overlap one call)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

import pytest

from contracts.ghstats_provider import RECORDED, answer, etag_of
from tests.support.upstream import loopback_reachable, serving

RESET_IN = 3600


@dataclass
class GitHub:
    """The replay server's state, shared with the test."""

    url: str = ""
    #: request path (query left out) -> calls, 304s included
    hits: Counter[str] = field(default_factory=Counter)
    not_modified: int = 0
    remaining: int = 5000
    #: request path -> down | garbage | silent | exhausted | throttled
    broken: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    authorizations: list[str | None] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        self.hits.clear()
        self.broken.clear()
        self.authorizations.clear()
        self.not_modified = 0
        self.remaining = 5000
        self.delay = 0.0
        self.released.set()  # frees handlers still holding a silent answer
        self.released = threading.Event()

    @property
    def calls(self) -> int:
        return sum(self.hits.values())


GITHUB = GitHub()


class _Replay(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        with GITHUB.lock:
            GITHUB.hits[parts.path] += 1
            GITHUB.authorizations.append(self.headers.get("Authorization"))
        how = GITHUB.broken.get(parts.path) or GITHUB.broken.get("*")
        if GITHUB.delay:
            GITHUB.released.wait(GITHUB.delay)  # a slow provider, released early at reset
        if how == "silent":
            GITHUB.released.wait(30)
            return
        reset = str(int(time.time()) + RESET_IN)
        headers = {"Content-Type": "application/json; charset=utf-8"}
        link = None
        if how == "down":
            status, body = 500, b'{"message":"Server Error"}'
        elif how == "garbage":
            status, body = 200, b"<html>unicorn</html>"
        elif how == "exhausted":
            GITHUB.remaining = 0
            status, body = 403, (RECORDED / "rate_limited.json").read_bytes()
        elif how == "throttled":
            status, body = 429, (RECORDED / "rate_limited.json").read_bytes()
            headers["Retry-After"] = "30"
        else:
            status, body, link = answer(GITHUB.url, parts.path, parts.query)
        etag = etag_of(body)
        if status == 200 and self.headers.get("If-None-Match") == etag:
            with GITHUB.lock:
                GITHUB.not_modified += 1
            status, body = 304, b""  # no rate-limit cost
        elif status != 403:
            with GITHUB.lock:
                GITHUB.remaining = max(0, GITHUB.remaining - 1)
        if status in (200, 304):
            headers["ETag"] = etag
        if link:
            headers["Link"] = link
        headers.update({
            "X-RateLimit-Limit": "5000",
            "X-RateLimit-Remaining": str(GITHUB.remaining),
            "X-RateLimit-Reset": reset,
            "X-RateLimit-Resource": "core",
        })  # fmt: skip
        self.send_response(status)
        for name, value in headers.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def github_server() -> Iterator[str]:
    with serving(_Replay) as base:
        yield base


@pytest.fixture
def github(github_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[GitHub]:
    """The replay GitHub, reachable as GHSTATS_BASE_URL, no retries, counts reset."""
    GITHUB.reset()
    GITHUB.url = github_server
    with loopback_reachable(
        monkeypatch,
        OUTBOUND_RETRIES="0",
        GHSTATS_BASE_URL=github_server,
        GHSTATS_TOKEN="ghp_test-token-never-shown",
    ):
        yield GITHUB
        GITHUB.released.set()
