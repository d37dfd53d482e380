"""One framework-only request (bench/app.py's `bench` route group: fixed data, authentication and
request/response validation on) replayed in process: CPU per request and Python calls per request.

    .venv/bin/python bench/framework_request.py                        # SQLite, account read
    bash ci/services.sh env -u DATABASE_URL .venv/bin/python bench/framework_request.py \\
        --account-cache --profile framework.prof                       # with Redis: the cache

Python function calls per request come from a deterministic cProfile of a batch (the count does
not depend on the machine's load, unlike CPU time): the evidence used for the framework-path
changes of issue 13 point 1 in bench/RESULTS.md. Worker-thread hops (the handler, an account read)
are run inline while profiling, so their calls are counted too. `--profile FILE` keeps the
profile (`python -m pstats FILE`), `--summary FILE` writes its summary as bench/profiles/ keeps them
(own time and calls per request by package, then the top functions by cumulative time).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import io
import os
import pstats
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
TASK = "/api/v1/bench/tasks/00000000-0000-0000-0000-000000000001"


def _environment(account_cache: bool) -> None:
    var = tempfile.mkdtemp(prefix="trellis-framework-request-")
    os.environ["TRELLIS_VAR_DIR"] = var
    os.environ["DATABASE_URL"] = f"sqlite:///{var}/framework.db"
    if account_cache:
        if not os.environ.get("REDIS_URL"):
            raise SystemExit("--account-cache needs REDIS_URL (bash ci/services.sh ...)")
        os.environ["IDENTITY_ACCOUNT_CACHE"] = "on"
    else:
        os.environ.pop("REDIS_URL", None)
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "b" * 48)
    os.environ["LOG_LEVEL"] = "WARNING"


async def _replay(
    path: str, query: str, requests: int, profile: str | None, method: str, body: str
) -> tuple[float, float]:

    from bench.accounts import benchmark_account
    from bench.app import create_bench_app
    from bench.inprocess import Replayer, handlers_inline, request_scope

    with benchmark_account("Framework") as (_session, _actor, token):
        pass
    app = create_bench_app()
    headers = {"Authorization": f"Bearer {token}"}
    if body:
        headers |= {"Content-Type": "application/json", "Content-Length": str(len(body))}
    scope = request_scope(method, path, query=query, headers=headers)
    replayer = Replayer(app, scope, body.encode())
    async with app.router.lifespan_context(app):
        if os.environ.get("REDIS_URL"):  # the cache as served: its listener subscribed
            from services.identity import account_cache

            assert account_cache.wait_until_listening(10), "the account listener did not subscribe"
        await replayer.cpu_us(100)  # warm up (and fill the caches)
        cpu = min([await replayer.cpu_us(requests) for _ in range(3)])
        profiler = cProfile.Profile(time.process_time)
        with handlers_inline():
            profiler.enable()
            await replayer.cpu_us(requests)
            profiler.disable()
    assert replayer.statuses <= {200, 201}, replayer.statuses
    stats = pstats.Stats(profiler)
    if profile:
        stats.dump_stats(profile)
    return cpu, stats.total_calls / requests


def _package(filename: str) -> str:
    root = str(Path(__file__).resolve().parent.parent) + "/"
    if "site-packages/" in filename:
        return filename.split("site-packages/")[1].split("/")[0]
    if filename.startswith(root):
        return "trellis " + filename[len(root) :]
    return Path(filename).name


def write_summary(profile: str, path: str, title: str, requests: int) -> None:
    stats = pstats.Stats(profile)
    own: dict[str, list[float]] = {}
    for (filename, _line, _name), (_, calls, tottime, _, _) in stats.stats.items():  # type: ignore[attr-defined]
        entry = own.setdefault(_package(filename), [0.0, 0.0])
        entry[0] += tottime
        entry[1] += calls
    total = sum(entry[0] for entry in own.values()) or 1.0
    lines = [f"# {title}", "", "## own time and calls by package", ""]
    for package, (tottime, calls) in sorted(own.items(), key=lambda item: -item[1][0])[:20]:
        lines.append(f"{100 * tottime / total:5.1f}% {calls / requests:8.1f} calls/req  {package}")
    out = io.StringIO()
    pstats.Stats(profile, stream=out).sort_stats("cumulative").print_stats(40)
    lines += ["", "## top functions by cumulative time", "", out.getvalue()]
    Path(path).write_text(without_local_paths("\n".join(lines), profile))


def without_local_paths(text: str, profile: str) -> str:
    """The summary as committed: file names relative to this tree, to site-packages or to the
    standard library, not this machine's paths."""
    text = text.replace(profile, Path(profile).name)
    text = re.sub(r"/\S*?/site-packages/", "site-packages/", text)
    text = re.sub(r"/\S*?/lib/python3\.\d+/", "", text)
    return re.sub(r"/\S*?/(bench|core|services|handlers|db|jobs|cli)/", r"\1/", text)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--path", default=TASK)
    parser.add_argument("--query", default="")
    parser.add_argument("--requests", type=int, default=500)
    parser.add_argument("--account-cache", action="store_true", help="with REDIS_URL")
    parser.add_argument("--profile", metavar="FILE", help="keep the cProfile of a batch")
    parser.add_argument("--summary", metavar="FILE", help="write the profile's summary")
    parser.add_argument("--method", default="GET", help="GET, or POST with --body")
    parser.add_argument("--body", default="", help="a JSON body, for --method POST")
    args = parser.parse_args()
    _environment(args.account_cache)
    profile = args.profile or (tempfile.mktemp(suffix=".prof") if args.summary else None)
    cpu, calls = asyncio.run(
        _replay(args.path, args.query, args.requests, profile, args.method, args.body)
    )
    mode = "account cache" if args.account_cache else "account read"
    line = f"{args.method} {args.path}?{args.query} ({mode}): {cpu:.0f} µs CPU"
    print(f"{line}, {calls:.0f} Python calls/request")
    if args.summary and profile:
        write_summary(profile, args.summary, f"{line}, {args.requests} requests", args.requests)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
