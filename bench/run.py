"""Load benchmark: Trellis against its FastAPI twin, interleaved, with wrk (Debian package).

    bash ci/services.sh .venv/bin/python bench/run.py            # PostgreSQL + Redis, throwaway
    bash ci/services.sh .venv/bin/python bench/run.py --rounds 3 --duration 5 --workers 1,2

For each worker count both servers run side by side on loopback, against the same database. Every
round runs every scenario on both servers, alternating which goes first; the report gives the
median of the rounds for requests/s, p50 and p99 latency (wrk --latency) and server CPU time per
request (user + system time of the server's process tree, from /proc, divided by requests). It
prints the Markdown table for bench/RESULTS.md and writes the raw samples to `--output`
(bench/results.json). Bounded: rounds x scenarios x servers x duration.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

BENCH = ROOT / "bench"
POST_SCRIPT = BENCH / "wrk" / "post_task.lua"
CLK_TCK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Scenario:
    name: str
    path: str
    post: bool = False


SCENARIOS = [
    Scenario("create task (DB)", "/api/v1/tasks", post=True),
    Scenario("list 20 tasks (DB)", "/api/v1/tasks?limit=20"),
    Scenario("get one task (DB)", "/api/v1/tasks/{task_id}"),
    Scenario("create task (framework only)", "/api/v1/bench/tasks", post=True),
    Scenario("list 20 tasks (framework only)", "/api/v1/bench/tasks?limit=20"),
    Scenario("get one task (framework only)", "/api/v1/bench/tasks/{task_id}"),
]

SERVERS = {
    # As `trellis serve` runs it: on core.serving's protocol (a head and its body in one write).
    "trellis": ["bench.app:create_bench_app", "--factory", "--http", "core.serving:HttpProtocol"],
    "fastapi": ["bench.peers.fastapi_twin:app"],
}


@dataclass
class Sample:
    server: str
    workers: int
    scenario: str
    round: int
    requests: int
    rps: float
    p50_ms: float
    p99_ms: float
    cpu_us_per_request: float
    errors: int


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def tree_cpu_seconds(pid: int) -> float:
    """User + system CPU of a process and all its descendants (uvicorn's worker processes)."""
    total = 0.0
    pending = [pid]
    while pending:
        current = pending.pop()
        try:
            fields = Path(f"/proc/{current}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / CLK_TCK
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue
    return total


def start_server(
    name: str, workers: int, env: dict[str, str]
) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    command = [
        sys.executable, "-m", "uvicorn", *SERVERS[name],
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--log-level", "warning", "--no-access-log",
        # As `trellis serve` runs without TRUSTED_PROXIES (cli/__init__.py): no proxy-headers
        # layer, which would otherwise trust wrk's loopback address and read its headers.
        "--no-proxy-headers",
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"{name} exited during startup")
        try:
            if httpx.get(f"{base}/openapi.json", timeout=1).status_code < 500:
                return process, base
        except httpx.TransportError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.1)  # no readiness event to await on a socket we do not own


def _millis(text: str) -> float:
    value, unit = re.fullmatch(r"([\d.]+)(us|ms|s)", text).groups()  # type: ignore[union-attr]
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def run_wrk(
    url: str,
    token: str,
    *,
    post: bool,
    duration: int,
    connections: int,
    script: Path = POST_SCRIPT,
) -> dict[str, float]:
    command = [
        "wrk", "--latency", "-t", "2", "-c", str(connections), "-d", f"{duration}s",
        "--timeout", "5s", "-H", f"Authorization: Bearer {token}",
    ]  # fmt: skip
    if post:
        command += ["-s", str(script)]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout
    latency = dict(
        re.findall(r"^\s*(50|99)(?:\.0+)?%\s+([\d.]+(?:us|ms|s))\s*$", output, re.MULTILINE)
    )
    if set(latency) != {"50", "99"}:
        raise RuntimeError(f"cannot read wrk's latency distribution:\n{output}")
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: .*?timeout (\d+)", output)
    return {
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),  # type: ignore[union-attr]
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),  # type: ignore[union-attr]
        "p50_ms": _millis(latency["50"]),
        "p99_ms": _millis(latency["99"]),
        "errors": (int(errors.group(1)) if errors else 0)
        + (int(socket_errors.group(1)) if socket_errors else 0),
    }


def server_environment(var_dir: str) -> dict[str, str]:
    """The environment both benchmarked servers and the seeding run in: this process's (the
    database from ci/services.sh) with a scratch data directory and long-lived tokens."""
    return {
        **os.environ,
        "TRELLIS_VAR_DIR": var_dir,
        "LOG_LEVEL": "WARNING",
        "ACCESS_TOKEN_TTL_SECONDS": "7200",
        "JWT_SIGNING_KEYS": os.environ.get("JWT_SIGNING_KEYS") or "bench:" + "b" * 48,
        "PYTHONPATH": str(ROOT),
    }


def seed(env: dict[str, str]) -> tuple[str, str]:
    """A benchmark user with 200 tasks; returns (access token, one task id)."""
    os.environ.update(env)
    from bench.accounts import benchmark_account
    from services import tasks

    with benchmark_account("Bench") as (session, actor, token):
        first = None
        for number in range(200):
            task = tasks.create_task(session, actor, title=f"Seeded {number}", notes="seed")
            first = first or task
        assert first is not None
        return token, str(first.id)


def summarise(samples: list[Sample]) -> list[dict[str, object]]:
    rows = []
    keys = sorted({(s.workers, s.scenario) for s in samples}, key=lambda k: (k[0], _order(k[1])))
    for workers, scenario in keys:
        row: dict[str, object] = {"workers": workers, "scenario": scenario}
        for server in SERVERS:
            mine = [
                s
                for s in samples
                if (s.workers, s.scenario, s.server) == (workers, scenario, server)
            ]
            row[server] = {
                "rps": statistics.median(s.rps for s in mine),
                "p50_ms": statistics.median(s.p50_ms for s in mine),
                "p99_ms": statistics.median(s.p99_ms for s in mine),
                "cpu_us": statistics.median(s.cpu_us_per_request for s in mine),
                "errors": sum(s.errors for s in mine),
            }
        rows.append(row)
    return rows


def _order(scenario: str) -> int:
    return [s.name for s in SCENARIOS].index(scenario)


def report(rows: list[dict[str, object]], args: argparse.Namespace, command: str) -> str:
    lines = [
        "| workers | scenario | Trellis req/s | FastAPI req/s | ratio | Trellis p50 / p99 ms "
        "| FastAPI p50 / p99 ms | Trellis CPU µs/req | FastAPI CPU µs/req | errors |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in rows:
        t, f = row["trellis"], row["fastapi"]
        assert isinstance(t, dict) and isinstance(f, dict)
        lines.append(
            f"| {row['workers']} | {row['scenario']} | {t['rps']:.0f} | {f['rps']:.0f} "
            f"| {t['rps'] / f['rps']:.2f}x | {t['p50_ms']:.1f} / {t['p99_ms']:.1f} "
            f"| {f['p50_ms']:.1f} / {f['p99_ms']:.1f} | {t['cpu_us']:.0f} | {f['cpu_us']:.0f} "
            f"| {t['errors'] + f['errors']} |"
        )
    header = (
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {args.rounds} interleaved rounds of "
        f"{args.duration} s per scenario and server, wrk with 2 threads and {args.connections} "
        f"connections, medians of the rounds. Command: `{command}`"
    )
    return header + "\n\n" + "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--output", default=str(BENCH / "results.json"))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        print("run through ci/services.sh: the benchmark uses PostgreSQL", file=sys.stderr)
        return 2
    var_dir = tempfile.mkdtemp(prefix="trellis-bench-")
    env = server_environment(var_dir)
    token, task_id = seed(env)
    samples: list[Sample] = []
    try:
        for workers in [int(w) for w in args.workers.split(",")]:
            running = {name: start_server(name, workers, env) for name in SERVERS}
            try:
                for round_number in range(1, args.rounds + 1):
                    order = list(SERVERS) if round_number % 2 else list(reversed(SERVERS))
                    for scenario in SCENARIOS:
                        for name in order:
                            process, base = running[name]
                            before = tree_cpu_seconds(process.pid)
                            result = run_wrk(
                                base + scenario.path.format(task_id=task_id),
                                token,
                                post=scenario.post,
                                duration=args.duration,
                                connections=args.connections,
                            )
                            cpu = tree_cpu_seconds(process.pid) - before
                            sample = Sample(
                                server=name,
                                workers=workers,
                                scenario=scenario.name,
                                round=round_number,
                                requests=int(result["requests"]),
                                rps=result["rps"],
                                p50_ms=result["p50_ms"],
                                p99_ms=result["p99_ms"],
                                cpu_us_per_request=cpu * 1e6 / max(result["requests"], 1),
                                errors=int(result["errors"]),
                            )
                            samples.append(sample)
                            print(
                                f"workers={workers} round={round_number} {name:8} "
                                f"{scenario.name:32} {sample.rps:8.0f} req/s "
                                f"p50={sample.p50_ms:.1f}ms p99={sample.p99_ms:.1f}ms "
                                f"cpu={sample.cpu_us_per_request:.0f}µs errors={sample.errors}",
                                flush=True,
                            )
            finally:
                for process, _ in running.values():
                    process.terminate()
                    process.wait(timeout=30)
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    rows = summarise(samples)
    command = "bash ci/services.sh .venv/bin/python bench/run.py " + " ".join(
        f"--{key} {value}" for key, value in vars(args).items() if key != "output"
    )
    Path(args.output).write_text(
        json.dumps({"samples": [asdict(s) for s in samples], "summary": rows}, indent=2) + "\n"
    )
    print(report(rows, args, command))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
