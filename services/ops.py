"""Operations: liveness and readiness reports in the application/health+json format, and the
recorded fingerprints of the secrets the stored data depends on (core.fingerprints)."""

from __future__ import annotations

import time
from typing import Any

from sqlalchemy import Connection, delete, select, text
from sqlalchemy.orm import Session

from core import fingerprints
from core.db import get_engine, utcnow
from core.migrations import current_heads, expected_heads
from core.settings import get_settings
from db.models.core import IdempotencyRecord, SecretFingerprint
from services import identity

VERSION = "1.0.0"


class SchemaNotAtHead(Exception):
    """The database is reachable but needs `trellis migrate`."""


class SecretsDiffer(Exception):
    """The running configuration's secrets are not those the stored data was written with."""


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
    except SecretsDiffer as exc:  # names settings, never values
        entry["status"] = "fail"
        entry["output"] = str(exc)
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

    def secrets() -> None:
        with get_engine().connect() as connection:
            problems = fingerprints.mismatches(
                recorded_fingerprints(connection), fingerprints.current(get_settings())
            )
        if problems:
            raise SecretsDiffer("; ".join(problems))

    _check("database:connectivity", checks, database)
    _check("database:migrations", checks, migrations)
    if checks["database:migrations"][0]["status"] == "pass":
        _check("secrets:fingerprints", checks, secrets)
    failed = any(entry[0]["status"] == "fail" for entry in checks.values())
    return {"status": "fail" if failed else "pass", "version": VERSION, "checks": checks}


def recorded_fingerprints(session: Session | Connection) -> dict[str, str]:
    """{name: fingerprint} of the secrets the stored data was written with."""
    rows = session.execute(select(SecretFingerprint.name, SecretFingerprint.fingerprint))
    return {row.name: row.fingerprint for row in rows}


def record_fingerprints(session: Session) -> list[str]:
    """Records the running secrets' fingerprints not recorded yet; a recorded one never changes."""
    recorded = recorded_fingerprints(session)
    added = [
        SecretFingerprint(name=name, fingerprint=value)
        for name, value in fingerprints.current(get_settings()).items()
        if name not in recorded
    ]
    session.add_all(added)
    session.flush()
    return [row.name for row in added]


def accept_fingerprints(session: Session) -> list[str]:
    """Replaces the recorded fingerprints with the running secrets' (a deliberate rotation)."""
    session.execute(delete(SecretFingerprint))
    return record_fingerprints(session)


def purge_expired(session: Session) -> dict[str, int]:
    """Deletes idempotency records and refresh tokens past their expiry."""
    now = utcnow()
    keys = session.execute(delete(IdempotencyRecord).where(IdempotencyRecord.expires_at <= now))
    tokens = identity.purge_expired_refresh_tokens(session)
    return {"idempotency_keys": keys.rowcount, "refresh_tokens": tokens}  # type: ignore[attr-defined]
