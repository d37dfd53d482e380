"""ETags and If-Match: optimistic concurrency for editable resources.

A resource's ETag is its integer `version` in quotes. Every edit runs the same sequence: lock the
row (`core.rows.get_or_404(..., lock=True)`), `check_if_match`, change fields, `bump_version`.
`versioned_write` is that sequence after the lock, `versioned_delete` its counterpart for
deletions. Because the check runs under the row lock, of several writers holding the same ETag
exactly one wins and the others get 412 without changing anything.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Protocol, TypeVar

from sqlalchemy.orm import Session

from core.db import utcnow
from core.errors import PreconditionFailed


class Versioned(Protocol):
    """A row with an ETag: its `version`, bumped with `updated_at` on every write."""

    version: int
    updated_at: datetime


V = TypeVar("V", bound=Versioned)


def etag(version: int) -> str:
    return f'"{version}"'


def check_if_match(if_match: str | None, version: int) -> None:
    """Raises PreconditionFailed unless If-Match is absent, `*`, or lists the current ETag."""
    if if_match is None:
        return
    current = etag(version)
    candidates = [part.strip() for part in if_match.split(",")]
    if "*" in candidates:
        return
    # If-Match uses the strong comparison: weak validators never match (RFC 9110 13.1.1).
    if current not in candidates:
        raise PreconditionFailed(
            "The resource changed since the given ETag; fetch it again.", current_etag=current
        )


def matches_if_none_match(if_none_match: str | None, current: str) -> bool:
    """True when a conditional GET may answer 304: If-None-Match is `*` or lists `current`.

    If-None-Match uses the weak comparison (RFC 9110 13.1.2): `W/"3"` matches `"3"`.
    """
    if not if_none_match:
        return False
    candidates = [part.strip().removeprefix("W/") for part in if_none_match.split(",")]
    return "*" in candidates or current.removeprefix("W/") in candidates


def bump_version(row: Versioned) -> None:
    """Records a write: the next ETag (`version`) and the time of the change (`updated_at`)."""
    row.version += 1
    row.updated_at = utcnow()


@contextmanager
def versioned_write(session: Session, row: V, *, if_match: str | None) -> Iterator[V]:
    """Checks If-Match on a row the caller has locked, lets the block change it, then bumps its
    version and flushes; a block that raises leaves the version as it was."""
    check_if_match(if_match, row.version)
    yield row
    bump_version(row)
    session.flush()


def versioned_delete(session: Session, row: Versioned, *, if_match: str | None) -> None:
    """Deletes a row the caller has locked, if If-Match allows."""
    check_if_match(if_match, row.version)
    session.delete(row)
    session.flush()
