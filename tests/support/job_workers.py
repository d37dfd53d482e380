"""Real `trellis worker` processes for tests, and a wait for what they do.

`start_worker` (a fixture, registered in tests/conftest.py) starts `trellis worker --workers 2`
in the test's environment (its database, job queue and settings) and stops every one it started
at the end of the test: SIGINT first, so huey finishes the jobs it is running, then SIGKILL after
15 s.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@pytest.fixture
def start_worker() -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    started: list[subprocess.Popen[bytes]] = []
    logs = ExitStack()

    def start() -> subprocess.Popen[bytes]:
        log = logs.enter_context(tempfile.TemporaryFile())  # noqa: SIM115 - the stack closes it
        process = subprocess.Popen(
            [sys.executable, "-m", "cli", "worker", "--workers", "2"],
            cwd=ROOT,
            env=dict(os.environ),
            stdout=log,
            stderr=subprocess.STDOUT,
            # SIGINT as a shell gives it: a test runner's process may ignore SIGINT, and an
            # ignored disposition survives exec, so a SIGINT sent while the worker still starts
            # (before its handlers exist) was dropped and the worker ran on until killed.
            preexec_fn=_default_sigint,
        )
        started.append(process)
        return process

    yield start
    for process in started:  # all at once: each takes a second or two to stop
        if process.poll() is None:
            process.send_signal(signal.SIGINT)  # huey: finish the running jobs, then exit
    for process in started:
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    logs.close()


def wait_until(condition: Callable[[], bool], timeout: float = 20) -> None:
    """Polls `condition` (a database row another process writes has no event to await)."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
