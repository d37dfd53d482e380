"""Claiming a row of background work for one worker: one conditional UPDATE with a lease.

Background rows (outbox messages, uploaded files, imports, and the rows that come after them)
carry `status`, `attempts`, `lease_expires_at` and `updated_at`. A worker takes one with
`claim_row`: a single UPDATE that moves the row to its running status, counts the attempt and
sets the lease, but only while the row is claimable — in one of its ready statuses, or running
under a lease that has expired (its worker died), and under the attempt limit. Two workers racing
for one row cannot both win: the database applies the UPDATE's condition to the row it locks, so
the second finds it no longer claimable and gets None. A worker then commits its work fenced by
the attempt number it claimed, so a worker whose lease ran out cannot overwrite its successor.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, or_, update
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement


def claim_row(
    session: Session,
    model: Any,
    row_id: uuid.UUID,
    *,
    ready: Iterable[str],
    running: str,
    max_attempts: int,
    lease_seconds: float,
    now: datetime,
    also_claimable: ColumnElement[bool] | None = None,
    values: Mapping[str, Any] | None = None,
    returning: Iterable[Any] = (),
) -> tuple[Any, ...] | None:
    """Claims `model`'s row `row_id` (see the module docstring): (attempt number,
    *returning) when this call won it, None when it was not claimable. `also_claimable` adds a
    condition under which the row may be taken too (a failed message due for its retry); `values`
    are set along with the claim."""
    claimable = [
        model.status.in_(list(ready)),
        and_(model.status == running, model.lease_expires_at < now),
    ]
    if also_claimable is not None:
        claimable.append(also_claimable)
    statement = (
        update(model)
        .where(model.id == row_id, or_(*claimable), model.attempts < max_attempts)
        .values(
            status=running,
            attempts=model.attempts + 1,
            lease_expires_at=now + timedelta(seconds=lease_seconds),
            updated_at=now,
            **(values or {}),
        )
        .returning(model.attempts, *returning)
        .execution_options(synchronize_session=False)
    )
    found = session.execute(statement).first()
    return None if found is None else tuple(found)
