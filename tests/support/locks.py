"""Waiting for another transaction to block on a lock (tests of races between transactions)."""

from __future__ import annotations

import time

from sqlalchemy import text

from core import db
from core.db import get_engine, transaction

# This database's backends only: pg_locks is the whole cluster's, and the other test workers'
# databases have waits of their own. (A row lock is waited for on a transaction id, a lock with
# no database of its own: the waiting backend's database is what tells.)
_WAITS_HERE = text(
    "SELECT count(*) FROM pg_locks AS l JOIN pg_stat_activity AS a ON a.pid = l.pid"
    " WHERE NOT l.granted AND a.datname = current_database()"
)


def _lock_waits() -> int:
    with transaction(write=False) as session:
        return int(session.scalar(_WAITS_HERE) or 0)


_ACTIVITY_HERE = text(
    "SELECT state, wait_event_type, wait_event, left(query, 80) FROM pg_stat_activity"
    " WHERE datname = current_database() AND pid <> pg_backend_pid()"
)


def _situation() -> str:
    """What the pools and this database's other backends were doing, for a wait that never
    came (a request stuck before its statement, such as on a pool's checkout, looks the same)."""
    pools = [
        f"{name} pool: {engine.pool.status()}"  # type: ignore[attr-defined]
        for name, engine in (("transactions", db._engine), ("autocommit", db._autocommit_engine))
        if engine is not None
    ]
    with transaction(write=False) as session:
        backends = [tuple(row) for row in session.execute(_ACTIVITY_HERE)]
    return "; ".join(pools) + f"; other backends: {backends}"


def until_a_transaction_waits_for_a_lock() -> None:
    """On PostgreSQL, returns once another transaction is blocked on a lock (pg_locks is polled:
    another connection's wait raises no event here). SQLite serialises writers: no wait."""
    if get_engine().dialect.name != "postgresql":
        return
    deadline = time.monotonic() + 10
    while _lock_waits() == 0:
        if time.monotonic() >= deadline:
            raise AssertionError(f"no transaction started waiting for a lock ({_situation()})")
        time.sleep(0.01)
