from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, NoContent, api_path, created, page_json, with_etag
from services import chat
from services.chat import ChatRoom, RoomView


def _room_json(room: ChatRoom, unread_count: int) -> dict[str, Any]:
    return {
        "id": str(room.id),
        "name": room.name,
        "kind": room.kind,
        "owner_id": str(room.owner_id),
        "receipts": room.receipts,
        "last_message_id": room.last_message_id,
        "unread_count": unread_count,
        "created_at": room.created_at.isoformat(),
        "updated_at": room.updated_at.isoformat(),
    }


def _view_json(view: RoomView) -> dict[str, Any]:
    return _room_json(view.room, view.unread_count)


def _member_json(member: chat.MemberView) -> dict[str, Any]:
    seen = member.last_seen_at
    return {
        "user_id": str(member.user_id),
        "display_name": member.display_name,
        "online": member.online,
        "last_seen_at": seen.isoformat() if seen else None,
        "last_read_id": member.last_read_id,
        "delivered_id": member.delivered_id,
    }


def list_chat_rooms(
    limit: int = 20, cursor: str | None = None, q: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = chat.list_rooms(session, current_actor(), q=q, limit=limit, cursor=cursor)
        return page_json(page, _view_json)


@idempotent
def create_chat_room(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        room = chat.create_room(
            session,
            current_actor(),
            name=body["name"],
            member_ids=[uuid.UUID(user_id) for user_id in body.get("member_ids", [])],
            receipts=body.get("receipts", True),
        )
        return created(_room_json(room, 0), room.version, "chat", "rooms", room.id)


def open_chat_direct_room(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        actor = current_actor()
        room, new = chat.open_direct_room(session, actor, user_id=uuid.UUID(body["user_id"]))
        view = chat.room_view(session, actor, room=room)
        if new:
            return created(_view_json(view), room.version, "chat", "rooms", room.id)
        return with_etag(_view_json(view), room.version)


def get_chat_room(room_id: str) -> Answer:
    with transaction(write=False) as session:
        actor = current_actor()
        room = chat.get_room(session, actor, room_id=uuid.UUID(room_id))
        return with_etag(_view_json(chat.room_view(session, actor, room=room)), room.version)


def update_chat_room(room_id: str, body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        actor = current_actor()
        room = chat.update_room(
            session,
            actor,
            room_id=uuid.UUID(room_id),
            name=body.get("name"),
            receipts=body.get("receipts"),
        )
        return with_etag(_view_json(chat.room_view(session, actor, room=room)), room.version)


def delete_chat_room(room_id: str) -> NoContent:
    with transaction(write=True) as session:
        chat.delete_room(session, current_actor(), room_id=uuid.UUID(room_id))
    return None, 204


def list_chat_members(room_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        listed = chat.members(session, current_actor(), room_id=uuid.UUID(room_id))
    return {"items": [_member_json(member) for member in listed]}


def put_chat_member(room_id: str, user_id: str) -> NoContent:
    with transaction(write=True) as session:
        chat.add_member(
            session, current_actor(), room_id=uuid.UUID(room_id), user_id=uuid.UUID(user_id)
        )
    return None, 204


def delete_chat_member(room_id: str, user_id: str) -> NoContent:
    with transaction(write=True) as session:
        chat.remove_member(
            session, current_actor(), room_id=uuid.UUID(room_id), user_id=uuid.UUID(user_id)
        )
    return None, 204


def list_chat_messages(
    room_id: str, before: int | None = None, after: int | None = None, limit: int = 50
) -> dict[str, Any]:
    with transaction(write=False) as session:
        items, more = chat.list_messages(
            session,
            current_actor(),
            room_id=uuid.UUID(room_id),
            before=before,
            after=after,
            limit=limit,
        )
        return {"items": [chat.message_json(item) for item in items], "has_more": more}


@idempotent
def create_chat_message(room_id: str, body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        message = chat.post_message(
            session, current_actor(), room_id=uuid.UUID(room_id), body=body["body"]
        )
        location = api_path("chat", "rooms", room_id, "messages") + f"?after={message.id - 1}"
        return chat.message_json(message), 201, {"Location": location}


def put_chat_read_mark(room_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        last_read_id, unread = chat.mark_read(
            session, current_actor(), room_id=uuid.UUID(room_id), message_id=body["message_id"]
        )
    return {"last_read_id": last_read_id, "unread_count": unread}


def put_chat_delivered_mark(room_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        delivered_id = chat.mark_delivered(
            session, current_actor(), room_id=uuid.UUID(room_id), up_to_id=body["up_to_id"]
        )
    return {"delivered_id": delivered_id}
