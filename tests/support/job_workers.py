"""Real `trellis worker` processes for tests of background jobs.

`start_worker()` starts `python -m cli worker --workers 2` in the test's environment (its
database, its job queue: the SQLite job file or its Redis database, its settings); every worker
started is stopped gracefully (SIGINT: huey finishes the running jobs) at the end of the test.
tests/conftest.py loads this module as a plugin, so the fixture is available everywhere.
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


@pytest.fixture
def start_worker() -> Iterator[Callable[[], subprocess.Popen[bytes]]]:
    """`trellis worker --workers 2` in the test's environment (database, queue, settings)."""
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
        )
        started.append(process)
        return process

    yield start
    for process in started:
        process.send_signal(signal.SIGINT)  # huey: finish the running jobs, then exit
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
    logs.close()


def wait_until(condition: Callable[[], bool], timeout: float = 20) -> None:
    """Polls `condition` (a database row or a queue has no event to await) until it holds."""
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)
