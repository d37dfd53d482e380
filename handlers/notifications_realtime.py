"""The notification socket (spec/asyncapi/notifications.yaml, channel `notificationsSocket`): the
WebSocket twin of GET /notifications/stream, plus marking read from the same connection.

    /api/v1/notifications/socket?after=<last id seen>
        server: `ready` {unread_count, last_id} once subscribed, then every notification with an
                id above `after` (oldest first, read from the database), then live ones, each as
                `notification.created`; `unread_count` answers `read` / `read_all`, `error`
                answers a `read` of a notification that is not yours (the socket stays open)
        client: `read` {id}, `read_all` {up_to_id?}, `heartbeat`

No gap, no duplicate: run_socket subscribes to `notifications:<user_id>` BEFORE `ready` reads the
database, and a live notification is sent only when its id is above the last one sent (ids reach
the channel in increasing order per user, services.notifications.notify), as the SSE stream does.
"""

from __future__ import annotations

import uuid
from typing import Any

import anyio.to_thread
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

from core import sockets
from core.db import transaction
from core.security import Actor
from core.sockets import CloseCode, Closing
from services import notifications
from services import realtime as realtime_service
from services.notifications import CREATED, NotificationNotFound
from services.notifications.stream import REPLAY_BATCH

PATH = "/api/v1/notifications/socket"
#: The biggest message a client sends here (`{"type": "read", "id": ...}` is ~30 bytes).
MAX_MESSAGE_BYTES = 512
#: The largest id a client may name (PostgreSQL's bigint).
MAX_ID = 2**63 - 1


def _counted(actor: Actor) -> dict[str, Any]:
    with transaction(write=False) as session:
        count = notifications.unread_count(session, actor)
    return {"unread_count": count.unread, "last_id": count.last_id}


def _replay(user_id: uuid.UUID, after_id: int) -> list[dict[str, Any]]:
    with transaction(write=False) as session:
        return notifications.replay(session, user_id=user_id, after_id=after_id, limit=REPLAY_BATCH)


def _read_one(actor: Actor, notification_id: int) -> dict[str, Any]:
    try:
        with transaction(write=True) as session:
            notifications.mark_read(session, actor, notification_id=notification_id, read=True)
    except NotificationNotFound as missing:
        return {
            "type": "error",
            "problem": missing.type,
            "detail": f"No notification {notification_id}.",
            "id": notification_id,
        }
    return {"type": "unread_count", **_counted(actor), "marked": [notification_id]}


def _read_up_to(actor: Actor, up_to_id: int) -> dict[str, Any]:
    with transaction(write=True) as session:
        marked = notifications.mark_read_up_to(session, actor, up_to_id=up_to_id)
    return {"type": "unread_count", **_counted(actor), "up_to_id": up_to_id, "count": marked}


def _id(message: dict[str, Any], key: str) -> int:
    value = message.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= MAX_ID:
        raise Closing(CloseCode.INVALID_MESSAGE, f"{key}-not-an-id")
    return value


def _after(websocket: WebSocket) -> int | None:
    raw = websocket.query_params.get("after")
    if raw is None or raw == "":
        return None
    if not raw.isascii() or not raw.isdigit() or len(raw) > 19 or int(raw) > MAX_ID:
        raise ValueError(raw)
    return int(raw)


async def _socket(websocket: WebSocket) -> None:
    socket = await sockets.open_socket(websocket)
    if socket is None:
        return
    try:
        after = _after(websocket)
    except ValueError:
        await socket.close(CloseCode.INVALID_MESSAGE, "after-not-an-id")
        return
    actor = socket.actor
    # The last id sent on this socket (None: nothing yet); live copies at or below it are skipped.
    cursor = sockets.StreamCursor(after)
    seen: dict[str, int | None] = {"last_id": None}

    async def replayed(after_id: int, _below: int | None) -> list[dict[str, Any]]:
        return await anyio.to_thread.run_sync(_replay, actor.user_id, after_id)

    async def send_notification(item: dict[str, Any]) -> None:
        await socket.send({"type": CREATED, "notification": item})

    async def ready() -> None:
        counted = await anyio.to_thread.run_sync(_counted, actor)
        seen["last_id"] = counted["last_id"]
        await socket.send({"type": "ready", **counted})
        if after is not None:
            await cursor.catch_up(replayed, send_notification, batch_size=REPLAY_BATCH)

    async def outgoing(message: dict[str, Any]) -> dict[str, Any] | None:
        item = message.get("notification")
        if message.get("type") != CREATED or not isinstance(item, dict):
            return None
        return {"type": CREATED, "notification": item} if cursor.admit(item["id"]) else None

    async def incoming(message: dict[str, Any]) -> None:
        kind = message.get("type")
        if kind == "heartbeat":
            return
        if kind == "read":
            answer = await anyio.to_thread.run_sync(_read_one, actor, _id(message, "id"))
        elif kind == "read_all":
            if message.get("up_to_id") is not None:
                up_to = _id(message, "up_to_id")
            else:
                # What this socket has shown: what it sent, else what `ready` counted.
                up_to = max(cursor.last or 0, seen["last_id"] or 0)
            answer = await anyio.to_thread.run_sync(_read_up_to, actor, up_to)
        else:
            raise Closing(CloseCode.INVALID_MESSAGE, "unknown-type")
        await socket.send(answer)

    await sockets.run_socket(
        socket,
        channel=notifications.channel(actor.user_id),
        limits=realtime_service.socket_limits(max_message_bytes=MAX_MESSAGE_BYTES),
        incoming=incoming,
        outgoing=outgoing,
        ready=ready,
    )


ROUTES = [WebSocketRoute(PATH, _socket)]
