"""ETags and If-Match: optimistic concurrency for editable resources.

A resource's ETag is its integer `version` in quotes. Services lock the row (`FOR UPDATE`), call
`check_if_match` and then bump the version, so of several writers holding the same ETag exactly one
wins and the others get 412 without changing anything.
"""

from __future__ import annotations

from typing import Any

from core.db import utcnow
from core.errors import PreconditionFailed


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


def bump_version(row: Any) -> None:
    """Records a write: the next ETag (`version`) and the time of the change (`updated_at`)."""
    row.version += 1
    row.updated_at = utcnow()
