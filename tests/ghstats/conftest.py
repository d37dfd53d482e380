"""GitHub's REST API on the replay server (tests/providers.py, under `/github`): recorded
answers (recorded/, through contracts.ghstats_provider: `/users/{login}` and its repository
pages with GitHub's Link headers), ETags honoured with 304, and X-RateLimit-* headers counting
down. The calls are counted (by path, query left out, 304s included) and it misbehaves on
request (`broken` by path, or "*" for all): down (500), garbage (200 that is no JSON), silent
(answers nothing until the test ends), exhausted (403 with remaining 0) or throttled (429 with
Retry-After), or slow (`delay`, so concurrent requests overlap one call)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

import pytest

from contracts.ghstats_provider import RECORDED, answer, etag_of
from tests.providers import Replay, replaying, route, send

RESET_IN = 3600


@dataclass
class GitHub(Replay):
    not_modified: int = 0
    remaining: int = 5000
    authorizations: list[str | None] = field(default_factory=list)

    def reset(self) -> None:
        super().reset()
        self.authorizations.clear()
        self.not_modified = 0
        self.remaining = 5000


GITHUB = GitHub()


@route("github")
def _answer(request: BaseHTTPRequestHandler) -> None:
    parts = urlsplit(request.path)
    GITHUB.count(parts.path)
    with GITHUB.lock:
        GITHUB.authorizations.append(request.headers.get("Authorization"))
    how = GITHUB.broken.get(parts.path) or GITHUB.broken.get("*")
    GITHUB.wait()
    if how == "silent":
        GITHUB.released.wait(30)
        return
    reset = str(int(time.time()) + RESET_IN)
    headers: dict[str, str] = {}
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
    if status == 200 and request.headers.get("If-None-Match") == etag:
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
    send(request, status, body, "application/json; charset=utf-8", headers)


@pytest.fixture
def github(replay_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[GitHub]:
    """The replay GitHub, reachable as GHSTATS_BASE_URL, no retries, counts reset."""
    with replaying(
        GITHUB,
        replay_server,
        "github",
        monkeypatch,
        GHSTATS_BASE_URL="{url}",
        GHSTATS_TOKEN="ghp_test-token-never-shown",
    ):
        yield GITHUB
