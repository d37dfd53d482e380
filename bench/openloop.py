"""Latency measured open-loop: Trellis and its FastAPI twin at 25, 50 and 75 % of saturation.

    sudo apt-get install wrk
    .venv/bin/pip install -r requirements/bench.txt        # matplotlib, for the plot
    bash ci/services.sh .venv/bin/python bench/openloop.py [--duration 10] [--workers 1]

Closed-loop p99 (wrk with 32 connections, bench/run.py) measures the queue those connections
build, not the service: on a 2-core machine every request waits behind 31 others. Here, per
scenario and server:

1. saturation: wrk, closed loop, 32 connections for `--duration` seconds → the rate the server
   sustains (requests/s);
2. open loop: bench/loadgen.py offers 25 %, 50 % and 75 % of that rate for `--duration` seconds,
   as Poisson arrivals on keep-alive connections (a new one whenever all are busy), so a slow
   answer never holds back the next request (hey was used first: its workers' tickers fire
   together, which offers bursts, not a rate; bench/RESULTS.md). A run whose generator fell
   behind its own schedule by more than LATE_LIMIT_MS at p99 is flagged "short";
3. every answer's time, from its request written to its last byte read → p50, p99, p99.9, and the
   errors (non-2xx or no answer within 5 s).

Writes bench/openloop-<workers>w.json, a Markdown table on stdout (for bench/RESULTS.md), and the
plot of latency against offered load for both servers, bench/openloop-<workers>w.png. Bounded:
scenarios x servers x (1 + 3 loads) x duration. Both servers, the generators and PostgreSQL share
the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import (  # noqa: E402
    SCENARIOS,
    SERVERS,
    run_wrk,
    seed,
    server_environment,
    start_server,
)

BENCH = ROOT / "bench"
LOADS = (0.25, 0.50, 0.75)
# A run whose generator fell behind its schedule by more than this (p99) is flagged.
LATE_LIMIT_MS = 3.0
POST_BODY = '{"title": "Open-loop task", "notes": "bench"}'
# The target of issue 13: p99 at 50 % load, get-one and list-20 on PostgreSQL, 1 worker.
TARGET_MS = 10.0


def percentile(sorted_values: list[float], share: float) -> float:
    """Nearest-rank percentile of an ascending list."""
    rank = max(round(share * len(sorted_values) + 0.5) - 1, 0)
    return sorted_values[min(rank, len(sorted_values) - 1)]


def run_open_loop(
    url: str, token: str, *, post: bool, rate: float, duration: int
) -> dict[str, Any]:
    """bench/loadgen.py in its own process: Poisson arrivals at `rate`, latency per answer."""
    command = [
        sys.executable, str(BENCH / "loadgen.py"), url, "--rate", f"{rate:.1f}",
        "--duration", str(duration), "-H", f"Authorization: Bearer {token}",
    ]  # fmt: skip
    if post:
        command += ["--body", POST_BODY]
    run = json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)
    statuses: dict[str, int] = run["statuses"]
    return {
        "offered_rps": rate,
        "achieved_rps": run["achieved_rps"],
        # The generator itself ran late (CPU-starved): it did not offer what it says.
        "short": run["late_p99_ms"] > LATE_LIMIT_MS,
        "late_p99_ms": run["late_p99_ms"],
        "p50_ms": run["p50_ms"],
        "p99_ms": run["p99_ms"],
        "p999_ms": run["p999_ms"],
        "requests": sum(statuses.values()),
        "statuses": statuses,
        "errors": sum(n for status, n in statuses.items() if not status.startswith("2")),
    }


def plot(results: list[dict[str, object]], workers: int, path: Path) -> bool:
    """Latency (p50, p99, p99.9) against offered load, a panel per scenario; False without
    matplotlib."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed (requirements/bench.txt): no plot", file=sys.stderr)
        return False
    scenarios = [s.name for s in SCENARIOS]
    figure, axes = plt.subplots(2, 3, figsize=(15, 8), sharex=True)
    for axis, scenario in zip(axes.flat, scenarios, strict=True):
        for server, colour in zip(SERVERS, ("tab:blue", "tab:orange"), strict=True):
            points = [r for r in results if r["scenario"] == scenario and r["server"] == server]
            loads = [float(r["load"]) * 100 for r in points]  # type: ignore[arg-type]
            for key, style in (("p50_ms", ":"), ("p99_ms", "-"), ("p999_ms", "--")):
                values = [float(r[key]) for r in points]  # type: ignore[arg-type]
                label = f"{server} {key.removesuffix('_ms').replace('p999', 'p99.9')}"
                axis.plot(loads, values, style, color=colour, marker="o", label=label)
        axis.axhline(TARGET_MS, color="grey", linewidth=0.8)
        axis.set_title(scenario, fontsize=10)
        axis.set_yscale("log")
        axis.set_xlabel("offered load, % of the server's saturation rate")
        axis.set_ylabel("latency, ms")
    axes.flat[0].legend(fontsize=7)
    figure.suptitle(f"Open-loop latency, {workers} worker(s), PostgreSQL (bench/openloop.py)")
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    return True


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--duration", type=int, default=10, help="seconds per run")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--scenarios", help="comma-separated names (default: all six)")
    args = parser.parse_args()
    for tool in ("wrk",):
        if not shutil.which(tool):
            print(f"{tool} is not installed (apt-get install {tool})", file=sys.stderr)
            return 2
    if not os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        print("run through ci/services.sh: the benchmark uses PostgreSQL", file=sys.stderr)
        return 2
    chosen = set(args.scenarios.split(",")) if args.scenarios else None
    scenarios = [s for s in SCENARIOS if chosen is None or s.name in chosen]
    var_dir = tempfile.mkdtemp(prefix="trellis-openloop-")
    env = server_environment(var_dir)
    token, task_id = seed(env)
    results: list[dict[str, object]] = []
    running = {name: start_server(name, args.workers, env) for name in SERVERS}
    try:
        for scenario in scenarios:
            for name, (_process, base) in running.items():
                url = base + scenario.path.format(task_id=task_id)
                saturation = run_wrk(
                    url, token, post=scenario.post, duration=args.duration, connections=32
                )["rps"]
                for load in LOADS:
                    row = run_open_loop(
                        url, token, post=scenario.post, rate=saturation * load,
                        duration=args.duration,
                    )  # fmt: skip
                    row |= {"scenario": scenario.name, "server": name, "load": load}
                    row["saturation_rps"] = saturation
                    results.append(row)
                    flag = "  (generator fell short)" if row["short"] else ""
                    print(
                        f"{name:8} {scenario.name:32} {load:4.0%} of {saturation:6.0f} req/s: "
                        f"p50={row['p50_ms']:.1f} p99={row['p99_ms']:.1f} "
                        f"p99.9={row['p999_ms']:.1f} ms errors={row['errors']}{flag}",
                        flush=True,
                    )
    finally:
        for process, _ in running.values():
            process.terminate()
            process.wait(timeout=30)
        shutil.rmtree(var_dir, ignore_errors=True)
    (BENCH / f"openloop-{args.workers}w.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\n{args.workers} worker(s), {args.duration} s per run, PostgreSQL\n")
    print("| scenario | server | saturation req/s | load | p50 ms | p99 ms | p99.9 ms | errors |")
    print("|---|---|---|---|---|---|---|---|")
    for row in results:
        print(
            f"| {row['scenario']} | {row['server']} | {float(row['saturation_rps']):.0f} "  # type: ignore[arg-type]
            f"| {float(row['load']):.0%}{' (short)' if row['short'] else ''} "  # type: ignore[arg-type]
            f"| {row['p50_ms']:.1f} | {row['p99_ms']:.1f} | {row['p999_ms']:.1f} "
            f"| {row['errors']} |"
        )
    if len(scenarios) == len(SCENARIOS):
        plot(results, args.workers, BENCH / f"openloop-{args.workers}w.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
