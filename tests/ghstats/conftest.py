"""A GitHub REST API on 127.0.0.1 replaying recorded answers (recorded/): `/users/{login}` and its
repository pages with GitHub's Link headers (the next page named as `/user/{id}/repos?...`, as
GitHub does), ETags honoured with 304, and X-RateLimit-* headers counting down. It counts the
calls it gets and misbehaves on request: down (500), garbage (200 that is no JSON), silent
(answers nothing until the test ends), exhausted (403 with remaining 0) or throttled (429 with
Retry-After), or slow (a delay before answering, so concurrent requests overlap one call)."""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.upstream import loopback_reachable, serving

RECORDED = Path(__file__).parent / "recorded"
IDS = {"583231": "octocat", "9100001": "quiet-dev"}
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


def _answer(path: str, query: dict[str, list[str]]) -> tuple[int, bytes, str | None]:
    """(status, body, Link) of a recorded answer."""
    parts = path.strip("/").split("/")
    if len(parts) == 2 and parts[0] == "users":
        recorded = RECORDED / f"user_{parts[1].lower()}.json"
        if recorded.is_file():
            return 200, recorded.read_bytes(), None
    elif len(parts) == 3 and parts[2] == "repos" and parts[0] in ("users", "user"):
        login = IDS.get(parts[1], parts[1]).lower()
        user = RECORDED / f"user_{login}.json"
        if user.is_file():
            page = int(query.get("page", ["1"])[0])
            pages = len(list(RECORDED.glob(f"repos_{login}_*.json")))
            recorded = RECORDED / f"repos_{login}_{page}.json"
            body = recorded.read_bytes() if recorded.is_file() else b"[]"
            user_id = next(key for key, name in IDS.items() if name == login)
            link = f"{GITHUB.url}/user/{user_id}/repos?per_page=100&type=owner&sort=full_name"
            rels = []
            if page < pages:
                rels.append(f'<{link}&page={page + 1}>; rel="next"')
                rels.append(f'<{link}&page={pages}>; rel="last"')
            if page > 1:
                rels.insert(0, f'<{link}&page={page - 1}>; rel="prev"')
                rels.append(f'<{link}&page=1>; rel="first"')
            return 200, body, ", ".join(rels) or None
    return 404, (RECORDED / "not_found.json").read_bytes(), None


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
            status, body, link = _answer(parts.path, parse_qs(parts.query))
        etag = f'W/"{hashlib.sha256(body).hexdigest()[:40]}"'
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
