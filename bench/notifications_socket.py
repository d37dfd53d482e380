"""Realtime fan-out under load (issue 17, "Done means"): N concurrent WebSocket clients on ONE
uvicorn process, all connected to the notification socket of one user (/api/v1/notifications/socket,
the real route: handshake authentication, channel subscription, bounded queue, outgoing filter),
while the server publishes timestamped messages on that user's channel through core.realtime
(in process, or through Redis pub/sub when REDIS_URL is set) at a few fixed rates.

    .venv/bin/python bench/notifications_socket.py --clients 1000 --rates 10,25,50 --seconds 5
    bash ci/services.sh env -u DATABASE_URL .venv/bin/python bench/notifications_socket.py ...

Each message carries the server's `time.time()` at publish; a client takes `time.time()` when it
has parsed it (same machine, same clock): the delivery latency, from publish to a client holding
the message, through the fan-out, the socket's queue, the send and the client's own event loop.
Messages per second delivered = every message received by every client during a phase / the
phase's duration (from its first publish to its last delivery). The server process raises its
soft file-descriptor limit to the hard one (inherited from this runner), and so do the clients.

Bounded: at most --clients connections (split over --processes client processes), every phase
--seconds long, and a deadline after which clients, server and runner stop by themselves.
Bench only: the publish route exists in the app built here (`create_bench_app`), never in Trellis.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
PUBLISH_PATH = "/bench/notifications/publish"
SOCKET_PATH = "/api/v1/notifications/socket"


def _raise_fd_limit() -> tuple[int, int]:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return resource.getrlimit(resource.RLIMIT_NOFILE)


# --- the server: Trellis plus one bench-only route --------------------------------------------


def create_bench_app() -> Any:
    """The real app; `POST /bench/notifications/publish?user_id=&first_id=&messages=&rate=`
    publishes `messages` notification messages on the user's channel, `rate` per second, each
    stamped with the publish time, and answers once they are all published."""
    from starlette.requests import Request
    from starlette.responses import JSONResponse
    from starlette.routing import request_response

    from core import realtime
    from core.app import create_app
    from services.notifications import CREATED

    _raise_fd_limit()
    inner = create_app()

    async def publish(request: Request) -> JSONResponse:
        query = request.query_params
        channel = f"notifications:{query['user_id']}"
        first, count, rate = int(query["first_id"]), int(query["messages"]), float(query["rate"])
        loop = asyncio.get_running_loop()
        start = loop.time()
        for n in range(count):
            wait = start + n / rate - loop.time()
            if wait > 0:
                await asyncio.sleep(wait)
            now = time.time()
            notification = {
                "id": first + n,
                "kind": "bench.tick",
                "subject": "tick",
                "payload": {"sent": now},
                "created_at": datetime.fromtimestamp(now, UTC).isoformat(),
                "read_at": None,
            }
            await realtime.publish(channel, {"type": CREATED, "notification": notification})
        published = loop.time() - start
        # Drained: every socket's queue on the channel is empty (all sent, or in socket buffers).
        hub = realtime._current_hub()
        while any(sub._queue.qsize() for sub in hub.channels.get(channel, ())):
            await asyncio.sleep(0.005)
        return JSONResponse({"published": published, "drained": loop.time() - start})

    publish_app = request_response(publish)

    async def app(scope: dict[str, Any], receive: Any, send: Any) -> None:
        if scope["type"] == "http" and scope["path"] == PUBLISH_PATH:
            await publish_app(scope, receive, send)
        else:
            await inner(scope, receive, send)

    return app


# --- the clients ------------------------------------------------------------------------------


async def _clients(
    url: str,
    token: str,
    count: int,
    phases: list[tuple[int, int]],
    deadline: float,
    compression: str | None,
    pipe: Any,
) -> None:
    import websockets

    last_id = phases[-1][1]
    latencies: list[list[float]] = [[] for _ in phases]
    closes: dict[str, int] = {}
    connected = asyncio.Event()
    ready = 0
    opening = asyncio.Semaphore(50)  # handshakes in flight at once, per client process

    def phase_of(item_id: int) -> int:
        for index, (low, high) in enumerate(phases):
            if low <= item_id <= high:
                return index
        return -1

    async def one() -> None:
        nonlocal ready
        try:
            async with opening:
                connection = await websockets.connect(
                    url,
                    subprotocols=["trellis.v1", f"bearer.{token}"],  # type: ignore[list-item]
                    open_timeout=60,
                    ping_interval=None,
                    max_queue=None,
                    compression=compression,
                )
                first = json.loads(await connection.recv())
                assert first["type"] == "ready", first
            ready += 1
            if ready == count:
                connected.set()
            async with connection:
                while time.time() < deadline:
                    try:
                        text = await asyncio.wait_for(connection.recv(), deadline - time.time())
                    except TimeoutError:
                        break
                    received = time.time()
                    item = json.loads(text)["notification"]
                    index = phase_of(item["id"])
                    if index >= 0:
                        latencies[index].append(received - item["payload"]["sent"])
                    if item["id"] >= last_id:
                        break
        except websockets.ConnectionClosed as closed:
            code = str(closed.rcvd.code if closed.rcvd else "none")
            closes[code] = closes.get(code, 0) + 1
        except Exception as error:  # a refused or timed-out handshake: counted, not fatal
            closes[type(error).__name__] = closes.get(type(error).__name__, 0) + 1

    tasks = [asyncio.create_task(one()) for _ in range(count)]
    started = time.time()
    try:
        await asyncio.wait_for(connected.wait(), max(1.0, deadline - time.time()))
        pipe.send(("connected", ready, time.time() - started))
    except TimeoutError:
        pipe.send(("connected", ready, time.time() - started))
    await asyncio.gather(*tasks)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    pipe.send(("done", latencies, closes, usage.ru_utime + usage.ru_stime))


def _client_process(*args: Any) -> None:
    _raise_fd_limit()
    asyncio.run(_clients(*args))


# --- the runner -------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _percentile(values: list[float], fraction: float) -> float:
    if not values:
        return float("nan")
    return values[min(len(values) - 1, int(fraction * len(values)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clients", type=int, default=1000)
    parser.add_argument("--processes", type=int, default=2, help="client processes")
    parser.add_argument("--rates", default="10,25,50", help="messages per second per phase")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each phase")
    parser.add_argument("--deadline", type=float, default=240.0, help="the whole run, seconds")
    parser.add_argument(
        "--compression",
        choices=["deflate", "none"],
        default="deflate",
        help="permessage-deflate offered by the clients (browsers offer it)",
    )
    parser.add_argument("--ws", default="auto", help="uvicorn's WebSocket implementation")
    parser.add_argument("--json", help="write the results to this file as well")
    options = parser.parse_args()
    rates = [float(rate) for rate in options.rates.split(",")]
    soft, _hard = _raise_fd_limit()
    needed = options.clients + 200
    if soft < needed:
        sys.exit(f"the file-descriptor limit ({soft}) is below {needed}: raise the hard limit")

    scratch = tempfile.mkdtemp(prefix="trellis-bench-ws-")
    os.environ.setdefault("TRELLIS_VAR_DIR", scratch)
    os.environ["LOG_LEVEL"] = "WARNING"
    sys.path.insert(0, str(ROOT))
    from bench.accounts import benchmark_account

    with benchmark_account("Sockets") as (_session, actor, token):
        user_id = actor.user_id
    port = _free_port()
    env = {**os.environ, "TRELLIS_VAR_DIR": os.environ["TRELLIS_VAR_DIR"], "LOG_LEVEL": "WARNING"}
    # Clients do not send anything; a queue above a phase's burst keeps a slow moment from
    # closing sockets (4000) so the latency shows instead.
    env.setdefault("REALTIME_SOCKET_QUEUE", "1024")
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "uvicorn",
            "bench.notifications_socket:create_bench_app",
            "--factory",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--workers",
            "1",
            "--log-level",
            "warning",
            "--backlog",
            "4096",
            "--ws",
            options.ws,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    started = time.time()
    deadline = started + options.deadline
    results: dict[str, Any] = {
        "clients": options.clients,
        "client_processes": options.processes,
        "fan_out": "redis" if os.environ.get("REDIS_URL") else "in-process",
        "database": "postgresql"
        if "postgresql" in os.environ.get("DATABASE_URL", "")
        else "sqlite",
        "fd_limit": soft,
        "compression": options.compression,
        "ws": options.ws,
        "load_average_at_start": os.getloadavg()[0],
        "phases": [],
    }
    processes: list[Any] = []
    try:
        while True:
            if server.poll() is not None:
                sys.exit("the server exited during startup")
            try:
                with urllib.request.urlopen(f"{base}/health", timeout=1) as answer:
                    if answer.status == 200:
                        break
            except OSError:
                if time.time() > started + 120:
                    sys.exit("the server did not start within 120 s")
                time.sleep(0.2)
        phases: list[tuple[int, int]] = []
        next_id = 1
        for rate in rates:
            count = max(1, int(rate * options.seconds))
            phases.append((next_id, next_id + count - 1))
            next_id += count
        context = multiprocessing.get_context("spawn")
        compression = None if options.compression == "none" else "deflate"
        url = f"ws://127.0.0.1:{port}{SOCKET_PATH}"
        share = [options.clients // options.processes] * options.processes
        share[0] += options.clients - sum(share)
        pipes = []
        for count in share:
            mine, theirs = context.Pipe()
            process = context.Process(
                target=_client_process,
                args=(url, token, count, phases, deadline - 5, compression, theirs),
            )
            process.start()
            processes.append(process)
            pipes.append(mine)
        connected, connect_seconds = 0, 0.0
        for pipe in pipes:
            _, ready, seconds = pipe.recv()
            connected += ready
            connect_seconds = max(connect_seconds, seconds)
        results["connected"] = connected
        results["connect_seconds"] = round(connect_seconds, 2)
        print(f"{connected} of {options.clients} clients connected in {connect_seconds:.1f} s")
        drained: list[float] = []
        server_cpu: list[float] = []
        for rate, (low, high) in zip(rates, phases, strict=True):
            query = f"user_id={user_id}&first_id={low}&messages={high - low + 1}&rate={rate}"
            request = urllib.request.Request(f"{base}{PUBLISH_PATH}?{query}", method="POST")
            cpu = _cpu_seconds(server.pid)
            bound = max(30.0, deadline - time.time() - 10)
            with urllib.request.urlopen(request, timeout=bound) as answer:
                drained.append(json.load(answer)["drained"])
            server_cpu.append(_cpu_seconds(server.pid) - cpu)
            time.sleep(0.5)  # the clients read what is still in their sockets' buffers
        all_latencies: list[list[float]] = [[] for _ in phases]
        closes: dict[str, int] = {}
        client_cpu = 0.0
        for pipe in pipes:
            _, latencies, closed, cpu_seconds = pipe.recv()
            client_cpu += cpu_seconds
            for index, values in enumerate(latencies):
                all_latencies[index].extend(values)
            for code, n in closed.items():
                closes[code] = closes.get(code, 0) + n
        results["closes"] = closes
        deliveries = sum(len(values) for values in all_latencies)
        results["client_cpu_us_per_delivery"] = round(client_cpu / max(1, deliveries) * 1e6, 1)
        for index, rate in enumerate(rates):
            low, high = phases[index]
            values = sorted(all_latencies[index])
            expected = connected * (high - low + 1)
            # The phase lasts from its first publish until every socket's queue is empty.
            duration = drained[index]
            phase = {
                "rate_per_second": rate,
                "messages_published": high - low + 1,
                "deliveries_expected": expected,
                "deliveries": len(values),
                "delivered_per_second": round(len(values) / duration) if values else 0,
                "latency_ms_p50": round(_percentile(values, 0.50) * 1000, 1),
                "latency_ms_p99": round(_percentile(values, 0.99) * 1000, 1),
                "latency_ms_max": round(values[-1] * 1000, 1) if values else None,
                "server_cpu_us_per_delivery": round(
                    server_cpu[index] / max(1, len(values)) * 1e6, 1
                ),
            }
            results["phases"].append(phase)
            print(json.dumps(phase))
        print(json.dumps({key: results[key] for key in results if key != "phases"}))
        if options.json:
            Path(options.json).write_text(json.dumps(results, indent=2) + "\n")
    finally:
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    main()
