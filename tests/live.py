"""A real uvicorn server on loopback, for tests that need concurrent clients over HTTP."""

from __future__ import annotations

import asyncio
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
import pytest
import uvicorn

from core.serving import HTTP_PROTOCOL
from tests.providers import live_provider_settings


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextmanager
def serve(env: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> Iterator[str]:
    """A 2-worker uvicorn server on loopback over this run's database and Redis, with `env` added
    to the environment and `args` to uvicorn's command line; yields its base URL. (A fixture using
    it must be named `live_server...`: tests/conftest.py then empties every table after each test,
    since another process wrote them.)"""
    port = _free_port()
    metrics_dir = tempfile.mkdtemp(prefix="trellis-metrics-")
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "core.app:create_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "2",
            "--log-level",
            "warning",
            # As `trellis serve` runs (cli/__init__.py).
            "--http",
            HTTP_PROTOCOL,
            *args,
        ],
        env={
            **os.environ,
            "LOG_LEVEL": "WARNING",
            "PROMETHEUS_MULTIPROC_DIR": metrics_dir,
            **(env or {}),
        },
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    # Generous: two workers importing the app on a loaded 2-core machine took over 30 s.
    deadline = time.monotonic() + 120
    try:
        while True:
            if process.poll() is not None:
                raise RuntimeError("the live server exited during startup")
            try:
                status = httpx.get(f"{base}/health", timeout=1).status_code
                if status == 200:
                    break
                raise RuntimeError(f"the live server answers /health with {status}")
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)  # polling a socket that has no readiness event to await
        yield base
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        shutil.rmtree(metrics_dir, ignore_errors=True)


@contextmanager
def in_this_process(app: Any, **config: Any) -> Iterator[str]:
    """`app` under uvicorn in a thread of this process, on a free loopback port, with uvicorn's
    `config` (core.serving's protocol unless it says otherwise); yields `127.0.0.1:<port>`."""
    port = _free_port()
    config = {"http": HTTP_PROTOCOL, "log_level": "warning", **config}
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, **config))
    thread = threading.Thread(target=server.run, name="test-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:  # uvicorn offers no event to await across threads
        assert thread.is_alive(), "the test server exited during startup"
        assert time.monotonic() < deadline, "the test server did not start"
        time.sleep(0.01)
    try:
        yield f"127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(15)


def loopback_provider_settings(**settings: str) -> dict[str, str]:
    """A live server's settings for a row whose provider is a replay server on loopback."""
    return {"OUTBOUND_ALLOW_LOOPBACK": "1", "OUTBOUND_RETRIES": "0", **settings}


def all_at_once(
    base: str,
    path: str,
    headers: dict[str, str],
    clients: int,
    *,
    method: str = "GET",
    json: Any = None,
) -> list[httpx.Response]:
    """`clients` concurrent requests (GET, or `method` with a `json` body) of `path`, one
    connection each; their answers."""

    async def run() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=clients)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
            return await asyncio.gather(
                *(http.request(method, path, headers=headers, json=json) for _ in range(clients))
            )

    return asyncio.run(run())


@pytest.fixture(scope="session")
def live_server(replay_server: str) -> Iterator[str]:
    """The session's shared live server; its providers (rates, weather, GitHub) answer from
    the replay server of tests/providers.py, which the tests steer."""
    with serve(live_provider_settings(replay_server)) as base:
        yield base
