"""Local stand-ins for third-party servers: an HTTP server on 127.0.0.1 and the settings that
let guarded outbound calls (core.outbound) reach it. Rows that call providers replay their
recorded answers through these."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from core.settings import get_settings


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that stops reading (what size caps and deadlines do) is not news


@contextmanager
def serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[str]:
    """Serves `handler` on a free loopback port; yields its base URL."""
    server = QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def loopback_reachable(monkeypatch: pytest.MonkeyPatch, **settings: str) -> Iterator[None]:
    """OUTBOUND_ALLOW_LOOPBACK=1 plus `settings` (environment names) for the block."""
    monkeypatch.setenv("OUTBOUND_ALLOW_LOOPBACK", "1")
    for name, value in settings.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    try:
        yield
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
