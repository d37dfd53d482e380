from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, NoContent, created, page_json, with_etag
from services import presence
from services.presence import PresenceRoom


def _room_json(room: PresenceRoom) -> dict[str, Any]:
    return {
        "id": str(room.id),
        "name": room.name,
        "owner_id": str(room.owner_id),
        "member_ids": [str(member.user_id) for member in room.members],
        "created_at": room.created_at.isoformat(),
        "updated_at": room.updated_at.isoformat(),
    }


def list_presence_rooms(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = presence.list_rooms(session, current_actor(), limit=limit, cursor=cursor)
        return page_json(page, _room_json)


@idempotent
def create_presence_room(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        room = presence.create_room(
            session, current_actor(), name=body["name"], members=body.get("members")
        )
        return created(_room_json(room), room.version, "presence", "rooms", room.id)


def get_presence_room(room_id: str) -> Answer:
    with transaction(write=False) as session:
        room = presence.get_room(session, current_actor(), room_id=uuid.UUID(room_id))
        return with_etag(_room_json(room), room.version)


def delete_presence_room(room_id: str) -> NoContent:
    with transaction(write=True) as session:
        presence.delete_room(session, current_actor(), room_id=uuid.UUID(room_id))
    return None, 204


def list_presence_room_participants(room_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        entries = presence.participants(session, current_actor(), room_id=uuid.UUID(room_id))
    return {"items": entries}
