"""Row access every domain service needs, written once.

- `get_or_404(session, Model, id, where=..., missing=...)`: one row by primary key, narrowed by an
  extra condition (the owner, the parent) so someone else's row is indistinguishable from a missing
  one (existence does not leak); `lock=True` takes the row lock (`SELECT ... FOR UPDATE` on
  PostgreSQL; SQLite's write transactions already hold the database lock) before an edit.
- `insert_ignoring_duplicates`: `INSERT ... ON CONFLICT DO NOTHING` in the dialect of the bound
  engine (both dialects spell it alike, but SQLAlchemy builds it from dialect-specific constructs),
  telling whether a row was inserted. A concurrent duplicate waits for the first inserter instead
  of failing, so "favorite twice" and "create the singleton row" are race-free no-ops.
- `assign`: copies the fields a PATCH body carries onto a row, ignoring the ones it leaves out.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any, TypeVar

from sqlalchemy import ColumnElement, inspect, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.errors import DomainError

M = TypeVar("M")


def get_or_404(
    session: Session,
    model: type[M],
    row_id: object,
    *,
    missing: DomainError,
    where: ColumnElement[bool] | None = None,
    lock: bool = False,
) -> M:
    """The row of `model` with this primary key that also matches `where`, else raises `missing`."""
    (key,) = inspect(model).primary_key
    query = select(model).where(key == row_id)
    if where is not None:
        query = query.where(where)
    if lock:
        query = query.with_for_update()
    row = session.scalars(query).first()
    if row is None:
        raise missing
    return row


def insert_ignoring_duplicates(session: Session, model: type[Any], **values: Any) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True when the row is new."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(model).values(**values).on_conflict_do_nothing()
    # RETURNING, not rowcount: psycopg reports -1 for ON CONFLICT inserts.
    primary_key = inspect(model).primary_key
    return session.execute(statement.returning(*primary_key)).first() is not None


def assign(row: object, changes: Mapping[str, Any], fields: Iterable[str]) -> None:
    """Sets each of `fields` that `changes` holds (a partial update leaves the others alone)."""
    for field in fields:
        if field in changes:
            setattr(row, field, changes[field])
