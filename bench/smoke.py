"""The bench smoke of `make test`: framework-only CPU per request against a committed baseline.

    .venv/bin/python bench/smoke.py                      # compare; exit 1 on a regression > 25 %
    bash ci/services.sh .venv/bin/python bench/smoke.py --account-cache      # the same, with Redis
    make bench-baseline REASON="what moved it and why"   # measure again and rewrite the baseline

Three framework-only requests (bench/app.py: get one task, list 20, create; authenticated, request
and response validation on, fixed data so no table is read but the caller's account) go through
the whole ASGI stack in process (bench/inprocess.py), and so do the same requests to the FastAPI
twin (bench/peers/fastapi_twin.py: the same fixed data, JWT check and account read, with Pydantic).
Both apps run in one process; short slices of each alternate, and the figure compared is Trellis's
CPU per request divided by the twin's, the median over the slices (issue 13 wants it at or below
1.0). A regression must show in two measurements in a row to fail the stage.

Two modes, each with its own baseline: `embedded` (no Redis: the account is read from the
database on every request, as in the twin) and `account cache` (`--account-cache`, with the
REDIS_URL of ci/services.sh: the account check answers from services/identity/account_cache.py),
so neither the default path nor the cache's gain can be lost silently.

Why a ratio: on a shared 2-core machine the absolute CPU µs of the same request move by up to 2x
from one minute to the next (cache and core contention count as CPU time), but they move alike
for two apps measured within a second of each other in one process. A change that makes
Trellis's own path 25 % dearer moves the ratio by 25 %; a busy machine does not.

The baseline (bench/smoke-baseline.json) changes only through `make bench-baseline`, in the same
commit as the change that moved it, with the reason in the file: a faster path lowers the baseline
so that the gain cannot be lost silently either.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
BASELINE = ROOT / "bench" / "smoke-baseline.json"
TOLERANCE = 1.25  # a ratio above baseline times this fails
TASK = "/api/v1/bench/tasks/00000000-0000-0000-0000-000000000001"
SCENARIOS: dict[str, tuple[str, str, str, bytes]] = {
    # name: (method, path, query, body)
    "get one task": ("GET", TASK, "", b""),
    "list 20 tasks": ("GET", "/api/v1/bench/tasks", "limit=20", b""),
    "create task": ("POST", "/api/v1/bench/tasks", "", b'{"title": "Smoke task"}'),
}


def _environment(account_cache: bool) -> None:
    var = tempfile.mkdtemp(prefix="trellis-bench-smoke-")
    os.environ["TRELLIS_VAR_DIR"] = var
    os.environ["DATABASE_URL"] = f"sqlite:///{var}/smoke.db"
    if account_cache:
        if not os.environ.get("REDIS_URL"):
            raise SystemExit("--account-cache needs REDIS_URL (bash ci/services.sh ...)")
        os.environ["IDENTITY_ACCOUNT_CACHE"] = "on"
    else:
        os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("JWT_SIGNING_KEYS", "smoke:" + "s" * 48)
    os.environ["LOG_LEVEL"] = "WARNING"


async def _slices(slices: int, requests: int) -> dict[str, dict[str, list[float]]]:
    from contextlib import AsyncExitStack

    from bench.accounts import benchmark_account
    from bench.app import create_bench_app
    from bench.inprocess import Replayer, request_scope
    from bench.peers.fastapi_twin import app as twin

    with benchmark_account("Smoke") as (_session, _actor, token):
        pass
    apps = {"trellis": create_bench_app(), "twin": twin}
    samples: dict[str, dict[str, list[float]]] = {
        name: {app: [] for app in apps} for name in SCENARIOS
    }
    async with AsyncExitStack() as running:
        for app in apps.values():
            await running.enter_async_context(app.router.lifespan_context(app))
        if os.environ.get("REDIS_URL"):  # measure the cache as served: its listener subscribed
            from services.identity import account_cache

            assert account_cache.wait_until_listening(10), "the account listener did not subscribe"
        for name, (method, path, query, body) in SCENARIOS.items():
            headers = {"Authorization": f"Bearer {token}"}
            if body:
                headers |= {"Content-Type": "application/json", "Content-Length": str(len(body))}
            scope = request_scope(method, path, query=query, headers=headers)
            replayers = {app_name: Replayer(app, scope, body) for app_name, app in apps.items()}
            for replayer in replayers.values():
                await replayer.cpu_us(50)  # warm up
            # Short slices, alternating which app goes first: both see the same machine.
            for number in range(slices):
                order = list(replayers) if number % 2 else list(reversed(replayers))
                for app_name in order:
                    samples[name][app_name].append(await replayers[app_name].cpu_us(requests))
            for app_name, replayer in replayers.items():
                assert replayer.statuses <= {200, 201}, (name, app_name, replayer.statuses)
    return samples


def measure(slices: int, requests: int) -> dict[str, dict[str, float]]:
    """Per scenario: median CPU µs of each app and the median of the per-slice ratios."""
    samples = asyncio.run(_slices(slices, requests))
    figures = {}
    for name, runs in samples.items():
        ratios = [t / f for t, f in zip(runs["trellis"], runs["twin"], strict=True)]
        figures[name] = {
            "trellis_us": round(statistics.median(runs["trellis"])),
            "twin_us": round(statistics.median(runs["twin"])),
            "ratio": round(statistics.median(ratios), 3),
        }
    return figures


def regressions(
    figures: dict[str, dict[str, float]], baseline: dict[str, dict[str, float]]
) -> list[str]:
    """The scenarios whose ratio exceeds the baseline's by more than the tolerance; a scenario
    missing from the baseline is one (a new scenario comes with a new baseline)."""
    return [
        name
        for name, figure in figures.items()
        if name not in baseline or figure["ratio"] > baseline[name]["ratio"] * TOLERANCE
    ]


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--slices", type=int, default=15)
    parser.add_argument("--requests", type=int, default=40, help="per app, scenario and slice")
    parser.add_argument("--write-baseline", metavar="REASON", help="rewrite the baseline")
    parser.add_argument(
        "--account-cache", action="store_true", help="with REDIS_URL: the cached account check"
    )
    args = parser.parse_args()
    _environment(args.account_cache)
    mode = "account cache" if args.account_cache else "embedded"
    modes = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    if args.write_baseline:
        # The median of three measurements: the baseline is what later runs are held to.
        runs = [measure(args.slices, args.requests) for _ in range(3)]
        figures = {
            name: {key: statistics.median(run[name][key] for run in runs) for key in runs[0][name]}
            for name in runs[0]
        }
        modes[mode] = {
            "measured": datetime.now(UTC).date().isoformat(),
            "reason": args.write_baseline,
            "scenarios": figures,
        }
        BASELINE.write_text(json.dumps(modes, indent=2, ensure_ascii=False) + "\n")
        print(f"bench smoke: {mode} baseline written to {BASELINE.relative_to(ROOT)}")
    else:
        figures = measure(args.slices, args.requests)
    known = modes.get(mode, {}).get("scenarios", {})
    print(f"\nbench smoke, {mode}:")
    print("| scenario | Trellis CPU µs | FastAPI twin CPU µs | ratio | baseline ratio | limit |")
    print("|---|---|---|---|---|---|")
    failed = regressions(figures, known)
    if failed:
        # A regression must show twice: a second measurement, and only what fails both counts.
        print(f"bench smoke: {', '.join(failed)} over the limit; measuring again to confirm")
        again = measure(args.slices, args.requests)
        failed = [name for name in regressions(again, known) if name in failed]
        figures = {name: again[name] if name in failed else figures[name] for name in figures}
    for name, figure in figures.items():
        base = known.get(name, {}).get("ratio", float("nan"))
        verdict = " ← regression" if name in failed else ""
        print(
            f"| {name} | {figure['trellis_us']} | {figure['twin_us']} | {figure['ratio']:.2f}"
            f" | {base:.2f} | {base * TOLERANCE:.2f}{verdict} |"
        )
    if failed:
        print(
            f"bench smoke: {', '.join(failed)} cost more than {TOLERANCE:.2f} times the baseline"
            " ratio; find the cause (bench/README.md), or if the cost is intended, run"
            ' `make bench-baseline REASON="…"` and commit the baseline with the change.'
        )
        return 1
    print("bench smoke: within the baseline")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
