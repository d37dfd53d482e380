"""A real uvicorn server on loopback, for tests that need concurrent clients over HTTP."""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_server(extra_env: dict[str, str] | None = None) -> Iterator[str]:
    """A 2-worker uvicorn server of this app on a free loopback port, with `extra_env` added to
    its environment; yields its base URL and stops it on exit."""
    port = _free_port()
    metrics_dir = tempfile.mkdtemp(prefix="trellis-metrics-")
    env = {**os.environ, "LOG_LEVEL": "WARNING", "PROMETHEUS_MULTIPROC_DIR": metrics_dir}
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
        ],
        env={**env, **(extra_env or {})},
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90  # a loaded CI machine starts two workers slowly
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
        process.wait(timeout=10)
        shutil.rmtree(metrics_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def live_server() -> Iterator[str]:
    with running_server() as base:
        yield base
