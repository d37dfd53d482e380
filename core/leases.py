"""Claiming a row of background work for one worker: one conditional UPDATE with a lease.

Background rows (outbox messages, uploaded files, imports, and the rows that come after them)
carry `status`, `attempts`, `lease_expires_at` and `updated_at`. A worker takes one with
`claim_row`: a single UPDATE that moves the row to its running status, counts the attempt and
sets the lease, but only while the row is claimable — in one of its ready statuses, or running
under a lease that has expired (its worker died), and under the attempt limit. Two workers racing
for one row cannot both win: the database applies the UPDATE's condition to the row it locks, so
the second finds it no longer claimable and gets None. A worker then commits its work fenced by
the attempt number it claimed, so a worker whose lease ran out cannot overwrite its successor.

Keyed leases (`take_keyed_lease`, `release_keyed_lease`, `hold_keyed_lease`) are the same idea for a
cache entry that one caller at a time may refresh from a provider (rates snapshots, GitHub
profiles). The lease row has `key`, `holder`, `leased_until`, `refreshed_at` and `failure`. A taker
names the `refreshed_at` it read (`seen`): once another caller has stored a newer entry, the
lease is not taken again for the refresh that has already happened. A failed refresh keeps the
lease until a given time with the failure written on it, so callers meanwhile get the same
answer without asking the provider again.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import String, and_, or_, update
from sqlalchemy.orm import Mapped, Session, mapped_column
from sqlalchemy.sql.elements import ColumnElement

from core.rows import insert_ignoring_duplicates


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


class KeyedLeaseRow:
    """The columns of a keyed lease table (mix into a model that declares `key`, its primary
    key)."""

    holder: Mapped[str] = mapped_column(String(36))
    leased_until: Mapped[datetime]
    #: When the holder of the last lease stored its refreshed entry: a caller that read an
    #: older value cannot take the lease again for a refresh that has already happened.
    refreshed_at: Mapped[datetime | None]
    #: Why the last refresh failed (the domain's word for it), else None.
    failure: Mapped[str | None] = mapped_column(String(20))


def take_keyed_lease(
    session: Session, model: Any, *, key: str, seen: datetime | None, until: datetime, now: datetime
) -> str | None:
    """The right to refresh `key` until `until`: a holder id, or None when another caller holds
    it or has refreshed the entry since the caller read the lease's `refreshed_at` (`seen`)."""
    holder = str(uuid.uuid4())
    if insert_ignoring_duplicates(session, model, key=key, holder=holder, leased_until=until):
        return holder
    # One statement decides: concurrent takers queue on the row, and each re-checks the
    # condition against the winner's committed values (PostgreSQL's READ COMMITTED re-check;
    # SQLite runs write transactions one at a time).
    taken = session.execute(
        update(model)
        .where(
            model.key == key,
            model.leased_until <= now,
            model.refreshed_at.is_not_distinct_from(seen),
        )
        .values(holder=holder, leased_until=until, failure=None)
        .returning(model.key)
    ).first()
    return holder if taken is not None else None


def release_keyed_lease(
    session: Session, model: Any, *, key: str, holder: str, refreshed_at: datetime
) -> None:
    """Ends the holder's lease on `key` after it stored the entry it refreshed at `refreshed_at`."""
    session.execute(
        update(model)
        .where(model.key == key, model.holder == holder)
        .values(leased_until=refreshed_at, refreshed_at=refreshed_at, failure=None)
    )


def hold_keyed_lease(
    session: Session, model: Any, *, key: str, holder: str, until: datetime, failure: str
) -> None:
    """Keeps the holder's lease on `key` until `until`, with why its refresh failed."""
    session.execute(
        update(model)
        .where(model.key == key, model.holder == holder)
        .values(leased_until=until, failure=failure)
    )
