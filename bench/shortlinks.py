"""Short links: the redirect path against a validated JSON create, on one server, interleaved.

    bash ci/services.sh .venv/bin/python bench/shortlinks.py            # PostgreSQL, throwaway
    bash ci/services.sh .venv/bin/python bench/shortlinks.py --rounds 3 --duration 5 --workers 2

Target (issue 16): `GET /s/{code}` answers at least 5x the rate of `POST /api/v1/shortlinks/links`
(authenticated, body validated, one INSERT and commit). All run against the real app
(core.app), the redirect on a link without a visit limit (its fast path; clicks buffered in
memory and flushed every SHORTLINKS_CLICK_FLUSH_SECONDS): once as configured by default (the
link's target remembered for SHORTLINKS_REDIRECT_CACHE_SECONDS, so nearly every redirect reads
nothing) and once on a second server with that cache off (one indexed read per redirect).
Each round runs every scenario, reversing the order every other round; the report gives medians
of the rounds (req/s, p50/p99 latency, server CPU per request) and the ratios, plus the load
average, since the machine is shared.
Bounded: rounds x 2 scenarios x duration per worker count.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import run_wrk, server_environment, start_server, tree_cpu_seconds  # noqa: E402

POST_SCRIPT = ROOT / "bench" / "wrk" / "post_shortlink.lua"


def seed(env: dict[str, str]) -> tuple[str, str]:
    """A benchmark account and one link of its own; returns (access token, the link's code)."""
    os.environ.update(env)
    from bench.accounts import benchmark_account
    from services import shortlinks

    with benchmark_account("Shortlinks") as (session, actor, token):
        link = shortlinks.create_link(
            session, actor, target_url="https://shop.example.com/offers/spring"
        )
        return token, link.code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--workers", default="1,2")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed (apt-get install wrk)", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        print("run through ci/services.sh: the benchmark uses PostgreSQL", file=sys.stderr)
        return 2
    var_dir = tempfile.mkdtemp(prefix="trellis-bench-")
    env = server_environment(var_dir)
    token, code = seed(env)
    # name -> (server, path, POST?); "uncached" runs with SHORTLINKS_REDIRECT_CACHE_SECONDS=0,
    # so every redirect reads its link from the database.
    scenarios = {
        "create (POST /api/v1/shortlinks/links)": ("cached", "/api/v1/shortlinks/links", True),
        "redirect (GET /s/{code})": ("cached", f"/s/{code}", False),
        "redirect, link cache off": ("uncached", f"/s/{code}", False),
    }
    environments = {"cached": env, "uncached": {**env, "SHORTLINKS_REDIRECT_CACHE_SECONDS": "0"}}
    lines = []
    try:
        for workers in [int(w) for w in args.workers.split(",")]:
            servers = {key: start_server_app(workers, e) for key, e in environments.items()}
            results: dict[str, list[tuple[float, float, float, float]]] = {s: [] for s in scenarios}
            loads = []
            try:
                for round_number in range(1, args.rounds + 1):
                    order = list(scenarios) if round_number % 2 else list(reversed(scenarios))
                    for name in order:
                        server, path, post = scenarios[name]
                        process, base = servers[server]
                        loads.append(os.getloadavg()[0])
                        before = tree_cpu_seconds(process.pid)
                        result = run_wrk(
                            base + path, token, post=post, duration=args.duration,
                            connections=args.connections, script=POST_SCRIPT,
                        )  # fmt: skip
                        cpu = tree_cpu_seconds(process.pid) - before
                        if result["errors"]:
                            probe = _probe(base + path, token, post=post)
                            raise RuntimeError(f"{name}: {result['errors']} failed: {probe}")
                        cpu_us = cpu * 1e6 / max(result["requests"], 1)
                        results[name].append(
                            (result["rps"], result["p50_ms"], result["p99_ms"], cpu_us)
                        )
                        print(
                            f"workers={workers} round={round_number} {name:40} "
                            f"{result['rps']:8.0f} req/s p50={result['p50_ms']:.1f}ms "
                            f"p99={result['p99_ms']:.1f}ms cpu={cpu_us:.0f}µs",
                            flush=True,
                        )
            finally:
                for process, _ in servers.values():
                    process.terminate()
                    process.wait(timeout=30)
            medians = {
                name: [statistics.median(sample[i] for sample in samples) for i in range(4)]
                for name, samples in results.items()
            }
            create, redirect, uncached = medians.values()
            for name, (rps, p50, p99, cpu_us) in medians.items():
                lines.append(
                    f"| {workers} | {name} | {rps:.0f} | {p50:.1f} / {p99:.1f} | {cpu_us:.0f} |"
                )
            lines.append(
                f"| {workers} | **redirect ÷ create** | **{redirect[0] / create[0]:.1f}x** "
                f"| | {create[3] / redirect[3]:.1f}x less CPU per redirect |"
            )
            lines.append(
                f"| {workers} | **redirect, cache off ÷ create** "
                f"| **{uncached[0] / create[0]:.1f}x** "
                f"| | {create[3] / uncached[3]:.1f}x less CPU per redirect |"
            )
            lines.append(
                f"| {workers} | load average (1 min) during the runs | "
                f"{min(loads):.1f} to {max(loads):.1f} | | |"
            )
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)
    command = "bash ci/services.sh .venv/bin/python bench/shortlinks.py " + " ".join(
        f"--{key} {value}" for key, value in vars(args).items()
    )
    print(
        f"\nMeasured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC: {args.rounds} interleaved rounds of "
        f"{args.duration} s per scenario, wrk with 2 threads and {args.connections} connections, "
        f"medians of the rounds. Command: `{command}`\n\n"
        "| workers | scenario | req/s | p50 / p99 ms | server CPU µs/req |\n"
        "|---|---|---|---|---|\n" + "\n".join(lines)
    )
    return 0


def _probe(url: str, token: str, *, post: bool) -> str:
    """One request of a failing scenario, to say why it fails."""
    import httpx

    headers = {"Authorization": f"Bearer {token}"}
    if post:
        body = POST_SCRIPT.read_text().split("wrk.body = '", 1)[1].split("'", 1)[0]
        headers["Content-Type"] = "application/json"
        answer = httpx.post(url, content=body, headers=headers)
    else:
        answer = httpx.get(url, headers=headers)
    return f"{answer.status_code} {answer.text[:300]}"


def start_server_app(workers: int, env: dict[str, str]):  # type: ignore[no-untyped-def]
    """The real app (not bench/app.py's): uvicorn core.app:create_app."""
    from bench import run

    run.SERVERS.setdefault("app", ["core.app:create_app", "--factory"])
    return start_server("app", workers, env)


if __name__ == "__main__":
    raise SystemExit(main())
