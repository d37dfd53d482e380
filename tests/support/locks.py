"""Waiting for another transaction to block on a lock (tests of races between transactions)."""

from __future__ import annotations

import time

from sqlalchemy import text

from core.db import get_engine, transaction


def _lock_waits() -> int:
    with transaction(write=False) as session:
        return int(session.scalar(text("SELECT count(*) FROM pg_locks WHERE NOT granted")) or 0)


def until_a_transaction_waits_for_a_lock() -> None:
    """On PostgreSQL, returns once another transaction is blocked on a lock (pg_locks is polled:
    another connection's wait raises no event here). SQLite serialises writers: no wait."""
    if get_engine().dialect.name != "postgresql":
        return
    deadline = time.monotonic() + 10
    while _lock_waits() == 0:
        assert time.monotonic() < deadline, "no transaction started waiting for a lock"
        time.sleep(0.01)
