"""The audit trail: one row per security-relevant action, written in the acting transaction."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.pagination import Page, paginate_by_creation
from db.models.core import AuditEvent as AuditEvent  # re-exported for handlers


def record(
    session: Session,
    *,
    actor_id: uuid.UUID | None,
    action: str,
    target_type: str,
    target_id: uuid.UUID | str,
    **details: Any,
) -> None:
    """Adds an event to the trail in the caller's transaction."""
    session.add(
        AuditEvent(
            id=uuid.uuid4(),
            actor_id=actor_id,
            action=action,
            target_type=target_type,
            target_id=str(target_id),
            details=details,
        )
    )


def list_events(
    session: Session,
    *,
    action: str | None = None,
    target_id: str | None = None,
    target_type: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[AuditEvent]:
    """Newest first."""
    query = select(AuditEvent)
    if action:
        query = query.where(AuditEvent.action == action)
    if target_id:
        query = query.where(AuditEvent.target_id == target_id)
    if target_type:
        query = query.where(AuditEvent.target_type == target_type)
    return paginate_by_creation(session, query, kind="audit", limit=limit, cursor=cursor)
