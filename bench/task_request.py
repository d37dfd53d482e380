"""One tasks request with its database work (bench/run.py's "DB" scenarios: get one task, list 20
tasks) replayed in process: CPU, Python calls, statements and round trips per request.

    bash ci/services.sh .venv/bin/python bench/task_request.py                 # get one task
    bash ci/services.sh .venv/bin/python bench/task_request.py --list          # list 20 tasks
    bash ci/services.sh .venv/bin/python bench/task_request.py --create        # create a task
    bash ci/services.sh valgrind --tool=callgrind .venv/bin/python bench/task_request.py \\
        --requests 100          # minus the same with --requests 0: instructions per request

The account signs in as bench/run.py's does (200 tasks) and, with REDIS_URL, through the account
cache (its listener subscribed), so what is left per request is the framework path and the
request's unit of work. Python calls come from a deterministic cProfile of a batch (worker-thread
hops run inline there so the handler is counted); statements from SQLAlchemy's
`before_cursor_execute`; round trips from libpq's trace of every pooled connection (one per
simple Query or extended-protocol Sync the client sends). CPU is the best of three batches (noisy
on a shared machine). Run from a source tree (its working directory first on the import path) to
measure that tree. `--profile FILE` keeps the profile (`python -m pstats FILE`).
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import os
import pstats
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, os.getcwd())


def _environment() -> Path:
    var = Path(tempfile.mkdtemp(prefix="trellis-task-request-"))
    os.environ["TRELLIS_VAR_DIR"] = str(var)
    if not os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        raise SystemExit("needs PostgreSQL: bash ci/services.sh .venv/bin/python ...")
    if os.environ.get("REDIS_URL"):
        os.environ["IDENTITY_ACCOUNT_CACHE"] = "on"
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "b" * 48)
    os.environ["LOG_LEVEL"] = "WARNING"
    return var


def _seed() -> tuple[str, str]:
    from bench.accounts import benchmark_account
    from services import tasks

    with benchmark_account("TaskRequest") as (session, actor, token):
        ids = [
            tasks.create_task(session, actor, title=f"Seeded {n}", notes="seed").id
            for n in range(200)
        ]
    return token, str(ids[0])


class _Wire:
    """Counts what the app sends PostgreSQL: statements (SQLAlchemy) and round trips (libpq)."""

    def __init__(self, var: Path) -> None:
        from sqlalchemy import event
        from sqlalchemy.engine import Engine
        from sqlalchemy.pool import Pool

        from core.db import dispose_engine

        self.statements = 0
        self.trace = open(var / "libpq.trace", "w+")  # noqa: SIM115 (read at the end)
        # Every engine and pool: on PostgreSQL reads go through the autocommit pool, beside the
        # transactions' one. Pooled connections opened from now on are traced.
        dispose_engine()
        event.listen(Pool, "connect", self._on_connect)
        event.listen(Engine, "before_cursor_execute", self._on_execute)

    def _on_connect(self, dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.pgconn.trace(self.trace.fileno())

    def _on_execute(self, *_: Any) -> None:
        self.statements += 1

    def round_trips(self) -> int:
        self.trace.flush()
        self.trace.seek(0)
        return sum(
            1
            for line in self.trace
            if "\tF\t" in line and ("\tQuery\t" in line or line.rstrip().endswith("\tSync"))
        )


#: The body bench/wrk/post_task.lua posts (bench/run.py's "create task" scenarios).
CREATE_BODY = (
    b'{"title": "Benchmark task", "notes": "Created by wrk.", "due_at": "2026-03-01T17:00:00Z"}'
)


async def _replay(
    path: str, query: str, requests: int, profile: str | None, var: Path, *, create: bool = False
) -> str:

    from bench.inprocess import Replayer, handlers_inline, request_scope
    from core.app import create_app

    token, task_id = _seed()
    wire = _Wire(var)
    app = create_app()
    headers = {"Authorization": f"Bearer {token}"}
    if create:
        headers |= {"Content-Type": "application/json", "Content-Length": str(len(CREATE_BODY))}
    method = "POST" if create else "GET"
    scope = request_scope(method, path.format(task_id=task_id), query=query, headers=headers)
    replayer = Replayer(app, scope, CREATE_BODY if create else b"")
    async with app.router.lifespan_context(app):
        if os.environ.get("REDIS_URL"):  # the cache as served: its listener subscribed
            from services.identity import account_cache

            assert account_cache.wait_until_listening(10), "the account listener did not subscribe"
        await replayer.cpu_us(50)  # warm up (caches, pool)
        statements, trips = wire.statements, wire.round_trips()
        cpu = min([await replayer.cpu_us(requests) for _ in range(3)]) if requests else 0.0
        statements = (wire.statements - statements) / max(3 * requests, 1)
        trips = (wire.round_trips() - trips) / max(3 * requests, 1)
        profiler = cProfile.Profile(time.process_time)
        with handlers_inline():
            profiler.enable()
            await replayer.cpu_us(requests)
            profiler.disable()
    assert replayer.statuses == {201 if create else 200}, replayer.statuses
    stats = pstats.Stats(profiler)
    if profile:
        stats.dump_stats(profile)
    calls = stats.total_calls / max(requests, 1)
    return (
        f"{path}?{query}: {cpu:.0f} µs CPU, {calls:.0f} Python calls, "
        f"{statements:.2f} statements, {trips:.2f} round trips per request"
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--list", action="store_true", help="GET /api/v1/tasks?limit=20")
    parser.add_argument("--create", action="store_true", help="POST /api/v1/tasks")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--profile", metavar="FILE", help="keep the cProfile of a batch")
    args = parser.parse_args()
    var = _environment()
    import bench.inprocess  # noqa: F401  (this tree's measuring code, imported first)

    path, query = ("/api/v1/tasks", "limit=20") if args.list else ("/api/v1/tasks/{task_id}", "")
    if args.create:
        path, query = "/api/v1/tasks", ""
    replay = _replay(path, query, args.requests, args.profile, var, create=args.create)
    print(asyncio.run(replay))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
