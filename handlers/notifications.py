from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, created, page_json, with_etag
from services import notifications
from services.notifications import NotificationsItem


def _item_json(item: NotificationsItem) -> dict[str, Any]:
    return {
        "id": str(item.id),
        "name": item.name,
        "created_at": item.created_at.isoformat(),
        "updated_at": item.updated_at.isoformat(),
    }


def list_notifications_items(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = notifications.list_items(session, current_actor(), limit=limit, cursor=cursor)
        return page_json(page, _item_json)


@idempotent
def create_notifications_item(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        item = notifications.create_item(session, current_actor(), name=body["name"])
        return created(_item_json(item), item.version, "notifications", "items", item.id)


def get_notifications_item(item_id: str) -> Answer:
    with transaction(write=False) as session:
        item = notifications.get_item(session, current_actor(), item_id=uuid.UUID(item_id))
        return with_etag(_item_json(item), item.version)
