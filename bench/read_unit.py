"""What one read unit of work costs in the app process, layer by layer, on PostgreSQL: the same
`SELECT 1` sent through each layer the request path adds, CPU per call (time.process_time over
many calls, after a warm-up), and the thread hop a `def` handler takes.

    bash ci/services.sh .venv/bin/python bench/read_unit.py [--calls 4000]

Layers, each including the ones above it:
  psycopg          a psycopg connection in autocommit: cursor, execute, fetch
  pool             checked out of and back into a SQLAlchemy pool of an AUTOCOMMIT engine
  connection       through `engine.connect()` (SQLAlchemy's Connection)
  session          a Session on that engine, the statement as a core.compiled.CompiledSelect,
                   commit and close
  guarded session  the same with the app's read-only guard (core.db `_guard_reads`) and option
  transaction      `core.db.transaction(write=False)`, as every read handler runs it (the
                   engine's default isolation, switched to AUTOCOMMIT per checkout and back)
  read connection  `core.db.read_connection()`: the same engine and options, no Session
  thread hop       anyio.to_thread.run_sync of a function that does nothing (no database), and
                   core.threads.run_in_thread (the `def` handlers' hop) of the same

Bounded: calls x layers, one process.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def _per_call(function: Callable[[], object], calls: int) -> float:
    for _ in range(min(300, calls)):
        function()
    started = time.process_time()
    for _ in range(calls):
        function()
    return (time.process_time() - started) / calls * 1e6


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--calls", type=int, default=4000)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgresql"):
        print("run through ci/services.sh: the layers are PostgreSQL's", file=sys.stderr)
        return 2
    os.environ["TRELLIS_VAR_DIR"] = tempfile.mkdtemp(prefix="trellis-read-unit-")
    os.environ.setdefault("JWT_SIGNING_KEYS", "bench:" + "b" * 48)

    import anyio.to_thread
    import psycopg
    import sqlalchemy
    from sqlalchemy import literal, select
    from sqlalchemy.orm import sessionmaker

    from core.compiled import CompiledSelect
    from core.db import READ_ONLY, _guard_reads, read_connection, transaction

    one = CompiledSelect(select(literal(1)))
    direct = psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True)
    engine = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    guarded = sqlalchemy.create_engine(url, isolation_level="AUTOCOMMIT")
    _guard_reads(guarded)
    sessions = sessionmaker(bind=engine, expire_on_commit=False)
    guarded_sessions = sessionmaker(
        bind=guarded.execution_options(**{READ_ONLY: True}), expire_on_commit=False
    )

    def on_psycopg() -> None:
        cursor = direct.cursor()
        cursor.execute("SELECT 1")
        cursor.fetchall()
        cursor.close()

    def through_pool() -> None:
        pooled = engine.pool.connect()
        cursor = pooled.dbapi_connection.cursor()  # type: ignore[union-attr]
        cursor.execute("SELECT 1")
        cursor.fetchall()
        cursor.close()
        pooled.close()

    def through_connection() -> None:
        with engine.connect() as connection:
            cursor = connection.connection.dbapi_connection.cursor()  # type: ignore[union-attr]
            cursor.execute("SELECT 1")
            cursor.fetchall()
            cursor.close()

    def in_session(factory: sessionmaker[sqlalchemy.orm.Session]) -> Callable[[], None]:
        def run() -> None:
            session = factory()
            try:
                one.rows(session, {})
                session.commit()
            finally:
                session.close()

        return run

    def in_transaction() -> None:
        with transaction(write=False) as session:
            one.rows(session, {})

    def on_read_connection() -> None:
        with read_connection() as connection:
            one.rows(connection, {})

    layers = [
        ("psycopg", on_psycopg),
        ("pool", through_pool),
        ("connection", through_connection),
        ("session", in_session(sessions)),
        ("guarded session", in_session(guarded_sessions)),
        ("transaction", in_transaction),
        ("read connection", on_read_connection),
    ]
    print("| layer | CPU µs per call |")
    print("|---|---|")
    for name, function in layers:
        print(f"| {name} | {_per_call(function, args.calls):.0f} |", flush=True)

    from core import threads

    async def hops(hop: Callable[..., Any]) -> float:
        def nothing() -> None:
            return None

        for _ in range(300):
            await hop(nothing)
        started = time.process_time()
        for _ in range(args.calls):
            await hop(nothing)
        return (time.process_time() - started) / args.calls * 1e6

    import uvloop  # the loop uvicorn serves on when it is installed

    for name, hop in (("AnyIO", anyio.to_thread.run_sync), ("core.threads", threads.run_in_thread)):
        print(f"| thread hop, {name} (no database) | {uvloop.run(hops(hop)):.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
