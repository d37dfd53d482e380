"""Waiting for another transaction to block on a lock (tests of races between transactions)."""

from __future__ import annotations

import time

from sqlalchemy import text

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


def until_a_transaction_waits_for_a_lock() -> None:
    """On PostgreSQL, returns once another transaction is blocked on a lock (pg_locks is polled:
    another connection's wait raises no event here). SQLite serialises writers: no wait."""
    if get_engine().dialect.name != "postgresql":
        return
    deadline = time.monotonic() + 10
    while _lock_waits() == 0:
        assert time.monotonic() < deadline, "no transaction started waiting for a lock"
        time.sleep(0.01)
