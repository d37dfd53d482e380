"""The rates provider on the replay server (tests/providers.py, under `/rates`): recorded
Frankfurter answers (recorded/), the calls counted, and misbehaving on request: down (503),
garbage (200 that is not a snapshot), silent (answers nothing until the test ends), or slow
(`delay`, so concurrent requests overlap one call)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.providers import Replay, replaying, route, send

RECORDED = Path(__file__).parent / "recorded"


@dataclass
class Provider(Replay):
    """Hits are keyed `<path>?base=<base>`; `broken` by request path (`/latest`)."""

    answered: threading.Event = field(default_factory=threading.Event)

    def reset(self) -> None:
        super().reset()
        self.answered = threading.Event()


PROVIDER = Provider()


@route("rates")
def _answer(request: BaseHTTPRequestHandler) -> None:
    parts = urlsplit(request.path)
    base = parse_qs(parts.query).get("base", ["EUR"])[0]
    PROVIDER.count(f"{parts.path}?base={base}")
    how = PROVIDER.broken.get(parts.path)
    PROVIDER.wait()
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
    send(request, status, body)
    PROVIDER.answered.set()


@pytest.fixture
def provider(replay_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Provider]:
    """The replay provider, reachable as RATES_BASE_URL, no retries, counts reset."""
    from services.rates import forget_failures, wait_for_refreshes

    forget_failures()
    with replaying(PROVIDER, replay_server, "rates", monkeypatch, RATES_BASE_URL="{url}"):
        yield PROVIDER
        PROVIDER.released.set()
        wait_for_refreshes()
        forget_failures()
