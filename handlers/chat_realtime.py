"""The chat room socket (spec/asyncapi/chat.yaml, channel `chatRoom`).

Resume without gap or duplicate: the socket subscribes to the room's channel first, then sends
the stored messages after the client's `?after=<id>` (or, without it, remembers the room's newest
id), then the live ones, skipping any id it already sent and filling from the database any id it
has not (a room's ids are contiguous, so a gap is visible): core.sockets.StreamCursor. A client
that falls REALTIME_SOCKET_QUEUE messages behind is closed with 4000, reason
`resync after=<last id sent>`."""

from __future__ import annotations

import time
import uuid
from typing import Any

import anyio.to_thread
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

from core import realtime, sockets
from core.db import transaction
from core.errors import DomainError, NotFound
from core.settings import get_settings
from core.sockets import CloseCode, Closing
from services import chat
from services import realtime as realtime_service
from services.chat import online

PATH = "/api/v1/chat/rooms/{room_id}/socket"
MAX_BODY = 4000
INVALID = "/problems/chat/invalid-socket-message"


def _settings() -> chat.ChatSettings:
    return get_settings().section(chat.ChatSettings)


def _position(socket: sockets.Socket, room_id: uuid.UUID) -> int:
    with transaction(write=False) as session:
        return chat.room_position(session, socket.actor, room_id=room_id)


def _stored(room_id: uuid.UUID, after: int, below: int | None) -> list[dict[str, Any]]:
    with transaction(write=False) as session:
        rows = chat.messages_between(session, room_id=room_id, after=after, below=below)
        return [chat.message_json(row) for row in rows]


def _seen(socket: sockets.Socket, room_id: uuid.UUID) -> str:
    with transaction(write=True) as session:
        return chat.seen(session, socket.actor, room_id=room_id).isoformat()


def _post(socket: sockets.Socket, room_id: uuid.UUID, body: str) -> None:
    with transaction(write=True) as session:
        chat.post_message(session, socket.actor, room_id=room_id, body=body)


def _read(socket: sockets.Socket, room_id: uuid.UUID, message_id: int) -> None:
    with transaction(write=True) as session:
        chat.mark_read(session, socket.actor, room_id=room_id, message_id=message_id)


def _delivered(socket: sockets.Socket, room_id: uuid.UUID, up_to_id: int) -> None:
    with transaction(write=True) as session:
        chat.mark_delivered(session, socket.actor, room_id=room_id, up_to_id=up_to_id)


def _after(websocket: WebSocket) -> int | None:
    raw = websocket.query_params.get("after")
    if raw is None:
        return None
    value = int(raw)
    if not 0 <= value <= 2**53 - 1:
        raise ValueError(raw)
    return value


async def _room_socket(websocket: WebSocket) -> None:
    socket = await sockets.open_socket(websocket)
    if socket is None:
        return
    try:
        room_id = uuid.UUID(websocket.path_params["room_id"])
        await anyio.to_thread.run_sync(_position, socket, room_id)
    except (ValueError, NotFound):
        await socket.close(CloseCode.NOT_FOUND, "room-not-found")
        return
    try:
        after = _after(websocket)
    except ValueError:
        await socket.close(CloseCode.INVALID_MESSAGE, "bad-after")
        return
    settings = _settings()
    limits = realtime_service.socket_limits(
        idle_seconds=settings.idle_seconds, max_message_bytes=settings.max_message_bytes
    )
    channel = chat.channel(room_id)
    me = socket.actor.user_id
    mine = str(me)
    cursor = sockets.StreamCursor(after if after is not None else 0)

    def alive() -> None:
        online.connect(me, socket.id, time.time() + settings.idle_seconds)

    async def presence(is_online: bool) -> None:
        seen_at = await anyio.to_thread.run_sync(_seen, socket, room_id)
        await realtime.publish(
            channel,
            {"type": "presence", "user_id": mine, "online": is_online, "last_seen_at": seen_at},
        )

    async def stored(after: int, below: int | None) -> list[dict[str, Any]]:
        return await anyio.to_thread.run_sync(_stored, room_id, after, below)

    async def send_message(message: dict[str, Any]) -> None:
        await socket.send({"type": "message.created", "message": message})

    async def catch_up(below: int | None = None) -> None:
        await cursor.catch_up(stored, send_message, batch_size=chat.MOST_MESSAGES, below=below)

    async def ready() -> None:
        # Subscribed: whatever commits from now on arrives live; what committed before is read.
        try:
            if after is None:
                cursor.last = await anyio.to_thread.run_sync(_position, socket, room_id)
            await anyio.to_thread.run_sync(alive)
            await presence(True)
        except NotFound:  # removed from the room, or it was deleted, since the handshake
            raise Closing(CloseCode.NOT_FOUND, "room-not-found") from None
        await catch_up()
        await socket.send({"type": "synced", "last_message_id": cursor.last})

    async def error(problem: str, detail: str) -> None:
        # Through the channel, so that only the pump ever writes to the socket.
        told = {"type": "error", "problem": problem, "detail": detail, "connection_id": socket.id}
        await realtime.publish(channel, told)

    async def incoming(message: dict[str, Any]) -> None:
        kind = message.get("type")
        await anyio.to_thread.run_sync(alive)
        if kind == "heartbeat":
            return
        if kind == "typing":
            allowed = await anyio.to_thread.run_sync(
                online.allow_typing, room_id, me, settings.typing_seconds
            )
            if allowed:
                await realtime.publish(channel, {"type": "typing", "user_id": mine})
            return
        try:
            if kind == "message":
                body = message.get("body")
                if not isinstance(body, str) or not 1 <= len(body) <= MAX_BODY:
                    await error(INVALID, f"`body` must be text of 1 to {MAX_BODY} characters.")
                    return
                await anyio.to_thread.run_sync(_post, socket, room_id, body)
            elif kind == "read":
                message_id = message.get("message_id")
                if type(message_id) is not int or message_id < 0:
                    await error(INVALID, "`message_id` must be a message id.")
                    return
                await anyio.to_thread.run_sync(_read, socket, room_id, message_id)
            elif kind == "delivered":
                up_to_id = message.get("up_to_id")
                if type(up_to_id) is not int or not 0 <= up_to_id <= 2**53 - 1:
                    await error(INVALID, "`up_to_id` must be a message id.")
                    return
                await anyio.to_thread.run_sync(_delivered, socket, room_id, up_to_id)
            else:
                raise Closing(CloseCode.INVALID_MESSAGE, "unknown-type")
        except DomainError as refused:
            await error(refused.type, refused.detail)

    async def outgoing(event: dict[str, Any]) -> dict[str, Any] | None:
        kind = event.get("type")
        if kind == "message.created":
            message_id = event["message"]["id"]
            if message_id > (cursor.last or 0) + 1:
                # A room's ids have no holes: the ones between were committed but not heard.
                await catch_up(below=message_id)
            return event if cursor.admit(message_id) else None
        if kind == "room-deleted":
            raise Closing(CloseCode.NOT_FOUND, "room-deleted")
        if kind == "member-removed":
            if event["user_id"] == mine:
                raise Closing(CloseCode.NOT_FOUND, "removed")
            return None
        if kind == "error":
            if event.get("connection_id") != socket.id:
                return None
            return {key: value for key, value in event.items() if key != "connection_id"}
        if kind in ("typing", "presence") and event.get("user_id") == mine:
            return None
        return event

    try:
        await sockets.run_socket(
            socket,
            channel=channel,
            limits=limits,
            incoming=incoming,
            outgoing=outgoing,
            ready=ready,
            resume=lambda: str(cursor.last),
        )
    finally:
        # Shielded: a server that cancels the handler must still count the connection gone.
        with anyio.CancelScope(shield=True):
            still = await anyio.to_thread.run_sync(online.disconnect, me, socket.id)
            await presence(still)


ROUTES = [WebSocketRoute(PATH, _room_socket)]
