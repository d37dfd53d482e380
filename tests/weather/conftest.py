"""A forecast provider on 127.0.0.1 replaying a recorded Open-Meteo answer (recorded/), counting
the calls per point, and misbehaving on request: down (503), garbage (200 that is not a
forecast), refused (400 with Open-Meteo's error body) or silent (no answer until the test
ends)."""

from __future__ import annotations

import json
import threading
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import jobs.outbox  # noqa: F401 - installs the outbox's after-commit dispatcher, as the app does
from tests.support.upstream import loopback_reachable, serving

RECORDED = Path(__file__).parent / "recorded"
#: The first hour of the recorded forecast: the sweep's "now" in the tests.
START = datetime(2026, 12, 3, tzinfo=UTC)


@dataclass
class Provider:
    """The replay server's state, shared with the test."""

    url: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    #: down | garbage | refused | silent, for every point
    broken: str | None = None
    released: threading.Event = field(default_factory=threading.Event)

    def reset(self) -> None:
        self.hits.clear()
        self.broken = None
        self.released.set()  # frees handlers still holding a silent answer
        self.released = threading.Event()


PROVIDER = Provider()


class _Replay(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        query = parse_qs(parts.query)
        point = f"{query['latitude'][0]},{query['longitude'][0]}"
        PROVIDER.hits[point] += 1
        if PROVIDER.broken == "silent":
            PROVIDER.released.wait(30)
            return
        if parts.path != "/v1/forecast" or PROVIDER.broken == "refused":
            status, body = 400, (RECORDED / "bad_request.json").read_bytes()
        elif PROVIDER.broken == "down":
            status, body = 503, b"<html>503 Service Temporarily Unavailable</html>"
        elif PROVIDER.broken == "garbage":
            status, body = 200, b'{"hourly": {"time": ["yesterday"]}}'
        else:
            answer = json.loads((RECORDED / "forecast.json").read_bytes())
            answer["latitude"] = float(query["latitude"][0])
            answer["longitude"] = float(query["longitude"][0])
            status, body = 200, json.dumps(answer).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


@pytest.fixture(scope="session")
def provider_server() -> Iterator[str]:
    with serving(_Replay) as base:
        yield base


@pytest.fixture
def provider(provider_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Provider]:
    """The replay provider, reachable as WEATHER_PROVIDER_URL, no retries, counts reset."""
    PROVIDER.reset()
    PROVIDER.url = provider_server
    with loopback_reachable(
        monkeypatch,
        OUTBOUND_RETRIES="0",
        OUTBOUND_READ_TIMEOUT_SECONDS="0.2",
        WEATHER_PROVIDER_URL=provider_server,
    ):
        yield PROVIDER
        PROVIDER.released.set()
