"""CPU per request through the whole ASGI stack, in process (no sockets, no client).

Shared by the benchmarks that compare the cost of one request shape across trees or contract
sizes: the request is replayed against the app inside its lifespan, so what is measured is the
application's own work (middleware, routing, security, validation, handler, database), not a load
generator or the kernel.
"""

from __future__ import annotations

import contextlib
import json
import statistics
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@contextlib.contextmanager
def handlers_inline() -> Iterator[None]:
    """`def` handlers (core.threads) and AnyIO's blocking calls run on the loop's own thread,
    for the span of the block: cProfile follows one thread, and sees them only there."""
    import anyio.to_thread

    from core import threads

    async def inline(function: Any, *args: Any, **kwargs: Any) -> Any:
        kwargs.pop("abandon_on_cancel", None)
        kwargs.pop("limiter", None)
        return function(*args, **kwargs)

    saved = anyio.to_thread.run_sync, threads.run_in_thread
    anyio.to_thread.run_sync = threads.run_in_thread = inline  # type: ignore[assignment]
    try:
        yield
    finally:
        anyio.to_thread.run_sync, threads.run_in_thread = saved  # type: ignore[assignment]


def get_request(
    path: str, *, query: str = "", headers: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The ASGI scope of `GET path?query` from a loopback client."""
    return request_scope("GET", path, query=query, headers=headers)


def request_scope(
    method: str, path: str, *, query: str = "", headers: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The ASGI scope of `method path?query` from a loopback client."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": query.encode(),
        "root_path": "",
        "headers": [(b"host", b"127.0.0.1")]
        + [(name.lower().encode(), value.encode()) for name, value in (headers or {}).items()],
        "client": ("127.0.0.1", 50000),
        "server": ("127.0.0.1", 8000),
    }


@dataclass
class Measurement:
    startup_s: float  # seconds of lifespan startup
    cpu_us: float  # median CPU µs per request over the batches
    statuses: set[int] = field(default_factory=set)
    answer_bytes: int = 0  # size of the last answer's body


class Replayer:
    """Sends one request to an app again and again, recording its answers' statuses and the size
    of the last one. The app's lifespan must be running (`app.router.lifespan_context`)."""

    def __init__(self, app: Any, scope: dict[str, Any], body: bytes = b"") -> None:
        self.app, self.scope, self.body = app, scope, body
        self.statuses: set[int] = set()
        self.answer_bytes = 0

    async def _receive(self) -> dict[str, Any]:
        return {"type": "http.request", "body": self.body, "more_body": False}

    async def _send(self, message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            self.statuses.add(message["status"])
            self.answer_bytes = 0
        elif message["type"] == "http.response.body":
            self.answer_bytes += len(message.get("body", b""))

    async def cpu_us(self, requests: int) -> float:
        """CPU µs per request (every thread of this process) over `requests` requests."""
        cpu = time.process_time()
        for _ in range(requests):
            await self.app(dict(self.scope), self._receive, self._send)
        return (time.process_time() - cpu) / requests * 1e6


async def cpu_per_request(
    app: Any,
    scope: dict[str, Any],
    *,
    requests: int,
    warmup: int = 100,
    batches: int = 10,
    body: bytes = b"",
) -> Measurement:
    """Starts the app's lifespan, replays `scope` (with `body`) `warmup` times, then `requests`
    times in `batches` timed batches; the median batch is the answer (one slow batch from the
    machine does not move it)."""
    replayer = Replayer(app, scope, body)
    started = time.perf_counter()
    async with app.router.lifespan_context(app):
        startup = time.perf_counter() - started
        await replayer.cpu_us(warmup)
        per_batch = max(requests // batches, 1)
        timings = [await replayer.cpu_us(per_batch) for _ in range(batches)]
    return Measurement(
        startup, statistics.median(timings), replayer.statuses, replayer.answer_bytes
    )


def print_median_table(
    header: Sequence[str],
    samples: Mapping[Any, Iterable[Mapping[str, float]]],
    columns: Sequence[tuple[str, str]],
) -> None:
    """A Markdown table: one row per key of `samples` (a tuple key fills several cells), then the
    median over the rounds of each (field, format) in `columns`."""
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for key, rounds in samples.items():
        runs = list(rounds)
        cells = [str(part) for part in (key if isinstance(key, tuple) else (key,))]
        for name, spec in columns:
            cells.append(format(statistics.median(run[name] for run in runs), spec))
        print("| " + " | ".join(cells) + " |")


def interleaved_rounds(
    script: str, trees: Mapping[str, Path], *, rounds: int, arguments: Sequence[str]
) -> dict[str, list[dict[str, float]]]:
    """Runs `script --child TREE *arguments` in a fresh process per tree and round, the trees
    taking turns so that they share the machine's conditions; each run prints its measurement as
    one JSON line, last. Answers tree name -> the rounds' measurements."""
    samples: dict[str, list[dict[str, float]]] = {name: [] for name in trees}
    for _ in range(rounds):
        for name, tree in trees.items():
            command = [sys.executable, script, "--child", str(tree), *arguments]
            # In the tree: alembic.ini's `prepend_sys_path = .` puts the working directory first.
            out = subprocess.run(command, cwd=tree, check=True, capture_output=True, text=True)
            samples[name].append(json.loads(out.stdout.splitlines()[-1]))
    return samples
