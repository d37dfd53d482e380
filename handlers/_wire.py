"""Wire shapes shared by several tags' handlers."""

from __future__ import annotations

from typing import Any

from core.http import iso


def audit_event_json(event: Any) -> dict[str, Any]:
    return {
        "id": str(event.id),
        "actor_id": str(event.actor_id) if event.actor_id else None,
        "action": event.action,
        "target_type": event.target_type,
        "target_id": event.target_id,
        "details": event.details,
        "created_at": iso(event.created_at),
    }
