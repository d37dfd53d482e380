"""Operations: liveness and readiness reports in the application/health+json format."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import delete, text
from sqlalchemy.orm import Session

from core.db import get_engine, utcnow
from core.migrations import current_heads, expected_heads
from db.models.core import IdempotencyRecord
from services import identity

VERSION = "1.0.0"


class SchemaNotAtHead(Exception):
    """The database is reachable but needs `trellis migrate`."""


def health_json() -> dict[str, Any]:
    """Liveness: the process answers; no dependency is touched."""
    return {"status": "pass", "version": VERSION}


def _check(name: str, checks: dict[str, Any], probe: Any) -> None:
    started = time.perf_counter()
    entry: dict[str, Any] = {"time": utcnow().isoformat()}
    try:
        output = probe()
        entry["status"] = "pass"
        entry["observedValue"] = round((time.perf_counter() - started) * 1000, 3)
        entry["observedUnit"] = "ms"
        if output:
            entry.update(output)
    except Exception as exc:  # a failing dependency is reported, never raised
        entry["status"] = "fail"
        entry["output"] = type(exc).__name__
    checks[name] = [entry]


def readiness() -> dict[str, Any]:
    """Readiness: the database answers and its schema is at the latest migration."""
    checks: dict[str, Any] = {}

    def database() -> None:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))

    def migrations() -> dict[str, Any] | None:
        with get_engine().connect() as connection:
            if current_heads(connection) != expected_heads():
                raise SchemaNotAtHead()
        return None

    _check("database:connectivity", checks, database)
    _check("database:migrations", checks, migrations)
    failed = any(entry[0]["status"] == "fail" for entry in checks.values())
    return {"status": "fail" if failed else "pass", "version": VERSION, "checks": checks}


def purge_expired(session: Session) -> dict[str, int]:
    """Deletes idempotency records and refresh tokens past their expiry."""
    now = utcnow()
    keys = session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= now))
    tokens = identity.purge_expired_refresh_tokens(session)
    return {"idempotency_keys": keys.rowcount, "refresh_tokens": tokens}  # type: ignore[attr-defined]
