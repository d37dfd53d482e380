"""An open-loop HTTP load generator: requests leave on a schedule, whatever the answers do.

    python bench/loadgen.py URL --rate 300 --duration 10 [-H 'Name: value'] [--body JSON]

Prints one JSON object: every answer's latency in ms (from the moment its request was written),
its status, and how late the generator itself was against the schedule.

Why not hey: `hey -c 64 -q r` starts 64 workers whose tickers fire together, so the offered load
is a burst of 64 requests at once, r times a second; at 25 % of a server's saturation the burst
queues behind itself and p50 measured the burst (213 ms for a 4 ms request, bench/RESULTS.md).
Here arrivals are a Poisson process (exponential gaps, fixed seed) at the offered rate; each
request is written on an idle keep-alive connection (a new one when all are busy), so a slow
answer never delays the next send. If the generator falls behind its own schedule (CPU
starvation), `late_p99_ms` says by how much and the run is flagged instead of silently offering
less.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import random
import sys
import time
from urllib.parse import urlsplit

TIMEOUT_SECONDS = 5.0
#: uvicorn closes a keep-alive connection idle for 5 s; one idle longer is dropped, not reused
#: (reusing it raced the server's close and counted a reset as the server's error).
IDLE_LIMIT_SECONDS = 4.0


class Generator:
    def __init__(self, url: str, headers: list[str], body: str | None) -> None:
        parts = urlsplit(url)
        if parts.scheme != "http" or parts.hostname is None:
            raise SystemExit("only http:// URLs (loopback servers)")
        self.host, self.port = parts.hostname, parts.port or 80
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        lines = [
            f"{'POST' if body is not None else 'GET'} {target} HTTP/1.1",
            f"Host: {parts.netloc}",
            *headers,
        ]
        payload = b""
        if body is not None:
            payload = body.encode()
            lines += ["Content-Type: application/json", f"Content-Length: {len(payload)}"]
        self.request = ("\r\n".join(lines) + "\r\n\r\n").encode() + payload
        self.idle: list[tuple[asyncio.StreamReader, asyncio.StreamWriter, float]] = []
        self.latencies: list[float] = []
        self.statuses: dict[str, int] = {}
        self.lateness: list[float] = []
        self.connections = 0

    async def one(self) -> None:
        try:
            reader, writer = await self._connection()
            sent = time.perf_counter()
            writer.write(self.request)
            status = await asyncio.wait_for(self._answer(reader), TIMEOUT_SECONDS)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, ValueError):
            self.statuses["error"] = self.statuses.get("error", 0) + 1
            return
        self.latencies.append((time.perf_counter() - sent) * 1000)
        self.statuses[status] = self.statuses.get(status, 0) + 1
        self.idle.append((reader, writer, time.perf_counter()))

    async def _connection(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        """The most recently idle connection still inside the server's keep-alive, else a new
        one."""
        now = time.perf_counter()
        while self.idle:
            reader, writer, since = self.idle.pop()
            if now - since < IDLE_LIMIT_SECONDS:
                return reader, writer
            writer.close()
        self.connections += 1
        return await asyncio.open_connection(self.host, self.port)

    @staticmethod
    async def _answer(reader: asyncio.StreamReader) -> str:
        head = await reader.readuntil(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        status = lines[0].split(" ", 2)[1]
        length = 0
        for line in lines[1:]:
            name, _, value = line.partition(":")
            if name.strip().lower() == "content-length":
                length = int(value)
        if length:
            await reader.readexactly(length)
        return status

    async def run(self, rate: float, duration: float, seed: int) -> None:
        pace = random.Random(seed)
        loop = asyncio.get_running_loop()
        tasks: set[asyncio.Task[None]] = set()
        start = loop.time() + 0.05
        due = start
        while due < start + duration:
            delay = due - loop.time()
            if delay > 0:
                await asyncio.sleep(delay)
            self.lateness.append(max(loop.time() - due, 0.0) * 1000)
            task = asyncio.create_task(self.one())
            tasks.add(task)
            task.add_done_callback(tasks.discard)
            due += pace.expovariate(rate)
        if tasks:
            await asyncio.wait(tasks, timeout=TIMEOUT_SECONDS + 1)
        for _reader, writer, _since in self.idle:
            writer.close()


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list (0 for an empty one)."""
    if not sorted_values:
        return 0.0
    rank = max(round(share * len(sorted_values) + 0.5) - 1, 0)
    return sorted_values[min(rank, len(sorted_values) - 1)]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("url")
    parser.add_argument("--rate", type=float, required=True, help="requests per second offered")
    parser.add_argument("--duration", type=float, default=10.0, help="seconds")
    parser.add_argument("-H", dest="headers", action="append", default=[])
    parser.add_argument("--body", help="a JSON body: the request is a POST")
    parser.add_argument("--seed", type=int, default=20261202)
    args = parser.parse_args()
    generator = Generator(args.url, args.headers, args.body)
    asyncio.run(generator.run(args.rate, args.duration, args.seed))
    latencies = sorted(generator.latencies)
    lateness = sorted(generator.lateness)
    json.dump(
        {
            "offered_rps": args.rate,
            "sent": len(lateness),
            "achieved_rps": len(lateness) / args.duration,
            "p50_ms": percentile(latencies, 0.50),
            "p99_ms": percentile(latencies, 0.99),
            "p999_ms": percentile(latencies, 0.999),
            "late_p99_ms": percentile(lateness, 0.99),
            "statuses": generator.statuses,
            "connections": generator.connections,
        },
        sys.stdout,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
