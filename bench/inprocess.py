"""CPU per request through the whole ASGI stack, in process (no sockets, no client).

Shared by the benchmarks that compare the cost of one request shape across trees or contract
sizes: the request is replayed against the app inside its lifespan, so what is measured is the
application's own work (middleware, routing, security, validation, handler, database), not a load
generator or the kernel.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any


def get_request(
    path: str, *, query: str = "", headers: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """The ASGI scope of `GET path?query` from a loopback client."""
    return {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "GET",
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


async def cpu_per_request(
    app: Any, scope: dict[str, Any], *, requests: int, warmup: int = 100, batches: int = 10
) -> Measurement:
    """Replays `scope` `warmup` times, then `requests` times in `batches` timed batches; the
    median batch is the answer (one slow batch from the machine does not move it)."""
    statuses: set[int] = set()
    body = [0]

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.add(message["status"])
            body[0] = 0
        elif message["type"] == "http.response.body":
            body[0] += len(message.get("body", b""))

    started = time.perf_counter()
    async with app.router.lifespan_context(app):
        startup = time.perf_counter() - started
        for _ in range(warmup):
            await app(dict(scope), receive, send)
        per_batch = max(requests // batches, 1)
        timings = []
        for _ in range(batches):
            cpu = time.process_time()
            for _ in range(per_batch):
                await app(dict(scope), receive, send)
            timings.append((time.process_time() - cpu) / per_batch)
    return Measurement(startup, statistics.median(timings) * 1e6, statuses, body[0])


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
