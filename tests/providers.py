"""One replay server on 127.0.0.1 for every third party the integration rows call.

Each row registers the answers of its provider under a path prefix (`@route("rates")` serves
`/rates/...`, the prefix stripped before the row's function sees the path; `@route("")` serves
every other path, for a site whose pages use root-relative addresses), and keeps the
provider's state in a `Replay` (calls counted, misbehaviour switched on by the test). The server
starts once per test process (`replay_server`), so in-process tests and the session's shared
live server (tests/live.py, started with `live_provider_settings`) reach the same providers:
a test switches a provider's behaviour and both see it, without a server of its own.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from typing import TypeVar

import pytest

from tests.support.upstream import loopback_reachable, serving

Route = Callable[[BaseHTTPRequestHandler], None]
ROUTES: dict[str, Route] = {}
#: Each row's provider base URL setting, with the prefix its answers are served under.
PROVIDER_URLS = {
    "RATES_BASE_URL": "rates",
    "WEATHER_PROVIDER_URL": "weather",
    "GHSTATS_BASE_URL": "github",
}


def route(prefix: str) -> Callable[[Route], Route]:
    """Serves `/<prefix>/...` with the decorated function (the request, its path without the
    prefix)."""

    def register(answer: Route) -> Route:
        ROUTES[prefix] = answer
        return answer

    return register


@dataclass
class Replay:
    """A provider's state, shared by the replay server's threads and the test."""

    url: str = ""
    hits: Counter[str] = field(default_factory=Counter)
    #: what misbehaves (a row's own keys: a path, "*") -> how (down, garbage, silent, ...)
    broken: dict[str, str] = field(default_factory=dict)
    #: seconds every answer waits (released early at reset), so concurrent calls overlap
    delay: float = 0.0
    released: threading.Event = field(default_factory=threading.Event)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def reset(self) -> None:
        self.hits.clear()
        self.broken.clear()
        self.delay = 0.0
        self.released.set()  # frees handlers still holding a silent or slow answer
        self.released = threading.Event()

    def count(self, key: str) -> None:
        with self.lock:
            self.hits[key] += 1

    def wait(self) -> None:
        if self.delay:
            self.released.wait(self.delay)

    @property
    def calls(self) -> int:
        return sum(self.hits.values())


def send(
    request: BaseHTTPRequestHandler,
    status: int,
    body: bytes = b"",
    content_type: str = "application/json",
    headers: dict[str, str] | None = None,
) -> None:
    request.send_response(status)
    request.send_header("Content-Type", content_type)
    for name, value in (headers or {}).items():
        request.send_header(name, value)
    request.send_header("Content-Length", str(len(body)))
    request.end_headers()
    request.wfile.write(body)


class _Dispatch(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        prefix, _, rest = self.path.lstrip("/").partition("/")
        if prefix in ROUTES:
            self.path = f"/{rest}"
            ROUTES[prefix](self)
        elif "" in ROUTES:
            ROUTES[""](self)
        else:
            send(self, 404, b"no such provider", "text/plain")


@pytest.fixture(scope="session")
def replay_server() -> Iterator[str]:
    """The replay server's base URL; a provider answers under `<base>/<prefix>`."""
    with serving(_Dispatch) as base:
        yield base


def live_provider_settings(base: str) -> dict[str, str]:
    """A live server's settings pointing every provider at the replay server `base`."""
    urls = {name: f"{base}/{prefix}" for name, prefix in PROVIDER_URLS.items()}
    # Feeds are addressed by their own URLs; a test refreshes them as often as it needs.
    return {
        "OUTBOUND_ALLOW_LOOPBACK": "1",
        "OUTBOUND_RETRIES": "0",
        "FEEDS_MIN_REFRESH_SECONDS": "0",
        **urls,
    }


State = TypeVar("State", bound=Replay)


@contextmanager
def replaying(
    state: State, base: str, prefix: str, monkeypatch: pytest.MonkeyPatch, **settings: str
) -> Iterator[State]:
    """The provider `state` answering under `<base>/<prefix>`, reset, reachable in process
    (loopback allowed, no retries, `settings` added; "{url}" in a value is the provider's URL)."""
    state.reset()
    state.url = f"{base}/{prefix}"
    values = {name: value.format(url=state.url) for name, value in settings.items()}
    with loopback_reachable(monkeypatch, OUTBOUND_RETRIES="0", **values):
        try:
            yield state
        finally:
            state.released.set()
