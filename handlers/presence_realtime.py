"""The presence room socket (spec/asyncapi/presence.yaml, channel `presenceRoom`) and the sweeper
that announces the participants whose heartbeat deadline passed on a process that died."""

from __future__ import annotations

import asyncio
import contextlib
import time
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
import structlog
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

from core import realtime, sockets
from core.db import transaction
from core.errors import NotFound
from core.settings import get_settings
from core.sockets import CloseCode, Closing
from services import presence
from services import realtime as realtime_service
from services.presence import state

log = structlog.get_logger("trellis.presence")

PATH = "/api/v1/presence/rooms/{room_id}/socket"


def _settings() -> presence.PresenceSettings:
    return get_settings().section(presence.PresenceSettings)


def _access(socket: sockets.Socket, room_id: uuid.UUID) -> presence.RoomAccess:
    with transaction(write=False) as session:
        return presence.room_access(session, socket.actor, room_id=room_id)


def _small_object(message: dict[str, Any], key: str) -> dict[str, Any] | None:
    value = message.get(key)
    if value is not None and not isinstance(value, dict):
        raise Closing(CloseCode.INVALID_MESSAGE, f"{key}-not-an-object")
    return value


async def _room_socket(websocket: WebSocket) -> None:
    socket = await sockets.open_socket(websocket)
    if socket is None:
        return
    try:
        room_id = uuid.UUID(websocket.path_params["room_id"])
        access = await anyio.to_thread.run_sync(_access, socket, room_id)
    except (ValueError, NotFound):
        await socket.close(CloseCode.NOT_FOUND, "room-not-found")
        return
    settings = _settings()
    timeout = settings.heartbeat_timeout_seconds
    # The deadline the sweepers read runs one sweep longer than the socket's own idle timeout:
    # a live process closes a silent socket itself (its participant leaves with `timeout`), and
    # only a dead process's entries are left for the sweepers (`expired`). With equal times the
    # two raced, and a sweep could announce a live process's silent participant as expired.
    kept_for = timeout + settings.sweep_seconds
    limits = realtime_service.socket_limits(
        idle_seconds=timeout, max_message_bytes=settings.max_message_bytes
    )
    channel = presence.channel(room_id)
    entry: dict[str, Any] = {
        "connection_id": socket.id,
        "user_id": str(socket.actor.user_id),
        "display_name": access.display_name,
        "joined_at": datetime.now(UTC).isoformat(),
        "cursor": None,
        "selection": None,
    }

    async def join() -> None:
        await anyio.to_thread.run_sync(state.put, room_id, dict(entry), time.time() + kept_for)
        await realtime.publish(channel, {"type": "joined", "participant": dict(entry)})

    async def ready() -> None:
        await join()
        participants = await anyio.to_thread.run_sync(state.present, room_id)
        await socket.send(
            {"type": "snapshot", "connection_id": socket.id, "participants": participants}
        )

    async def incoming(message: dict[str, Any]) -> None:
        kind = message.get("type")
        changes: dict[str, Any] | None = None
        if kind == "cursor":
            changes = {
                "cursor": _small_object(message, "cursor"),
                "selection": _small_object(message, "selection"),
            }
            entry.update(changes)
        elif kind != "heartbeat":
            raise Closing(CloseCode.INVALID_MESSAGE, "unknown-type")
        deadline = time.time() + kept_for
        alive = await anyio.to_thread.run_sync(state.touch, room_id, socket.id, deadline, changes)
        if not alive:
            await join()  # swept meanwhile (a stalled process): back in the room, announced again
        if changes is not None:
            update = {"type": "cursor", "connection_id": socket.id, "user_id": entry["user_id"]}
            await realtime.publish(channel, {**update, **changes})

    async def outgoing(message: dict[str, Any]) -> dict[str, Any] | None:
        if message.get("type") == "room-deleted":
            raise Closing(CloseCode.NOT_FOUND, "room-deleted")
        about = message.get("connection_id") or message.get("participant", {}).get("connection_id")
        return None if about == socket.id else message

    code: CloseCode | None = None
    try:
        code = await sockets.run_socket(
            socket,
            channel=channel,
            limits=limits,
            incoming=incoming,
            outgoing=outgoing,
            ready=ready,
        )
    finally:
        # Shielded: a server that cancels the handler (shutdown, a test client leaving) must
        # still take the connection out of the room and say so.
        with anyio.CancelScope(shield=True):
            gone = await anyio.to_thread.run_sync(state.remove, room_id, socket.id)
            if gone is not None:
                reason = "timeout" if code == CloseCode.HEARTBEAT_TIMEOUT else "closed"
                await realtime.publish(channel, _left(gone, reason))


def _left(entry: dict[str, Any], reason: str) -> dict[str, Any]:
    return {
        "type": "left",
        "connection_id": entry["connection_id"],
        "user_id": entry["user_id"],
        "reason": reason,
    }


async def _sweep_forever(interval: float) -> None:
    while True:
        await asyncio.sleep(interval)
        try:
            gone = await anyio.to_thread.run_sync(state.sweep)
            for room_id, entry in gone:
                await realtime.publish(
                    presence.channel(uuid.UUID(room_id)), _left(entry, "expired")
                )
        except Exception as error:  # a Redis hiccup: the next sweep tries again
            log.warning("presence sweep failed", error=type(error).__name__)


@contextlib.asynccontextmanager
async def _sweeping() -> AsyncIterator[None]:
    # The interval is read once, as the app starts: a loop that read the settings on every turn
    # would read them under whatever environment the moment has (in tests, another test's), and
    # a bad value would end the loop for good.
    task = asyncio.create_task(_sweep_forever(_settings().sweep_seconds))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task


ROUTES = [WebSocketRoute(PATH, _room_socket)]
LIFESPANS = [_sweeping]
