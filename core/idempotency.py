"""Idempotency-Key for POST handlers (`@idempotent`).

The first request with a key claims it by inserting a row in the request's own transaction before
the work runs, and stores the response in that row when the work is done; both commit together, so
the work and its record cannot disagree. A concurrent duplicate blocks on the unique key until the
first commits (PostgreSQL) or waits for the write lock (SQLite), then replays the stored response.
A replay within the TTL returns the same status, body and headers plus `Idempotent-Replayed: true`;
the same key with a different body is a 422. Keys are scoped per caller and per operation.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Callable
from datetime import timedelta
from typing import Any

import orjson
from connexion import request
from connexion.context import operation
from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from core.callout import joinable
from core.db import transaction, utcnow
from core.errors import RuleViolated
from core.security import current_actor
from core.settings import get_settings
from db.models.core import IdempotencyRecord

HEADER = "Idempotency-Key"
_REPLAYED_HEADERS = ("ETag", "Location")


class IdempotencyKeyReused(RuleViolated):
    type = "/problems/idempotency-key-reused"
    title = "Idempotency-Key reused"


def _fingerprint(body: Any) -> str:
    return hashlib.sha256(orjson.dumps(body, option=orjson.OPT_SORT_KEYS)).hexdigest()


def _unpack(result: Any) -> tuple[Any, int, dict[str, str]]:
    if isinstance(result, tuple):
        data = result[0]
        status = result[1] if len(result) > 1 else 200
        headers = dict(result[2]) if len(result) > 2 else {}
        return data, status, headers
    return result, 200, {}


def _replay(record: IdempotencyRecord, fingerprint: str) -> tuple[Any, int, dict[str, str]]:
    if record.request_hash != fingerprint:
        raise IdempotencyKeyReused("This Idempotency-Key was used with a different request body.")
    headers = orjson.loads(record.response_headers)
    headers["Idempotent-Replayed"] = "true"
    return orjson.loads(record.response_body), record.status_code, headers


def idempotent(handler: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(handler)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        key = request.headers.get(HEADER)
        if key is None:
            return handler(*args, **kwargs)
        principal = str(current_actor().user_id)
        operation_id = operation.operation_id
        fingerprint = _fingerprint(kwargs.get("body"))
        where = (
            IdempotencyRecord.principal == principal,
            IdempotencyRecord.operation_id == operation_id,
            IdempotencyRecord.key == key,
        )
        try:
            with transaction(write=True) as session:
                joinable(session)  # the work commits with the key's record, calls included
                now = utcnow()
                record = session.scalars(select(IdempotencyRecord).where(*where)).first()
                if record is not None and record.expires_at > now:
                    return _replay(record, fingerprint)
                if record is not None:
                    session.execute(
                        delete(IdempotencyRecord).where(IdempotencyRecord.id == record.id)
                    )
                record = IdempotencyRecord(
                    principal=principal,
                    operation_id=operation_id,
                    key=key,
                    request_hash=fingerprint,
                    status_code=0,
                    response_body=b"null",
                    created_at=now,
                    expires_at=now + timedelta(seconds=get_settings().idempotency_ttl_seconds),
                )
                session.add(record)
                session.flush()  # claims the key; a concurrent duplicate waits here
                data, status, headers = _unpack(handler(*args, **kwargs))
                record.status_code = status
                record.response_body = orjson.dumps(data)
                record.response_headers = orjson.dumps(
                    {k: v for k, v in headers.items() if k in _REPLAYED_HEADERS}
                ).decode()
                return data, status, headers
        except IntegrityError:
            # Another request with this key committed first: answer what it answered.
            with transaction(write=True) as session:
                record = session.scalars(select(IdempotencyRecord).where(*where)).one()
                return _replay(record, fingerprint)

    return wrapper
