"""A rates provider on 127.0.0.1 replaying recorded Frankfurter answers (recorded/), counting
the calls it gets, and misbehaving on request: down (503), garbage (200 that is not a
snapshot), silent (answers nothing until the test ends), or slow (a delay before answering, so
concurrent requests overlap one call)."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.support.upstream import loopback_reachable, serving

RECORDED = Path(__file__).parent / "recorded"


@dataclass
class Provider:
    """The replay server's state, shared with the test."""

    url: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    #: request path (`/latest`, `/2024-01-05`) -> down | garbage | silent
    broken: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    released: threading.Event = field(default_factory=threading.Event)
    answered: threading.Event = field(default_factory=threading.Event)

    def reset(self) -> None:
        self.hits.clear()
        self.broken.clear()
        self.delay = 0.0
        self.released.set()  # frees handlers still holding a silent answer
        self.released = threading.Event()
        self.answered = threading.Event()


PROVIDER = Provider()


class _Replay(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        base = parse_qs(parts.query).get("base", ["EUR"])[0]
        PROVIDER.hits[f"{parts.path}?base={base}"] += 1
        how = PROVIDER.broken.get(parts.path)
        if PROVIDER.delay:
            PROVIDER.released.wait(PROVIDER.delay)  # a slow provider, released early at reset
        if how == "silent":
            PROVIDER.released.wait(30)
            return
        name = f"{parts.path.strip('/')}_{base}.json"
        if how == "down":
            status, body = 503, b'{"message":"service unavailable"}'
        elif how == "garbage":
            status, body = 200, b"<html>maintenance</html>"
        elif "/" not in name and (RECORDED / name).is_file():
            status, body = 200, (RECORDED / name).read_bytes()
        else:
            status, body = 404, (RECORDED / "not_found.json").read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        PROVIDER.answered.set()


@pytest.fixture(scope="session")
def provider_server() -> Iterator[str]:
    with serving(_Replay) as base:
        yield base


@pytest.fixture
def provider(provider_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Provider]:
    """The replay provider, reachable as RATES_BASE_URL, no retries, counts reset."""
    from services.rates import forget_failures, wait_for_refreshes

    PROVIDER.reset()
    forget_failures()
    PROVIDER.url = provider_server
    with loopback_reachable(monkeypatch, OUTBOUND_RETRIES="0", RATES_BASE_URL=provider_server):
        yield PROVIDER
        PROVIDER.released.set()
        wait_for_refreshes()
        forget_failures()
