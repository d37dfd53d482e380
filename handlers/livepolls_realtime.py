"""The live results socket of a poll (spec/asyncapi/livepolls.yaml, channel `livepollsPoll`):
a snapshot on connect, then coalesced count updates and the close (services.livepolls)."""

from __future__ import annotations

import asyncio
import contextlib
import uuid
from typing import Any

from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket

from core import sockets
from core.errors import NotFound
from core.sockets import CloseCode, Closing
from handlers._livepolls import reader
from services import livepolls, polls
from services import realtime as realtime_service

PATH = "/api/v1/livepolls/{poll_id}/socket"


async def _socket(websocket: WebSocket) -> None:
    socket = await sockets.open_socket(websocket)
    if socket is None:
        return
    try:
        poll_id = uuid.UUID(websocket.path_params["poll_id"])
        read = reader(socket.actor, poll_id)
        await read()
    except (ValueError, NotFound):
        await socket.close(CloseCode.NOT_FOUND, "poll-not-found")
        return
    settings = livepolls.livepolls_settings()
    loop = asyncio.get_running_loop()
    view = livepolls.LiveView(read, window=settings.livepolls_coalesce_ms / 1000, clock=loop.time)
    sender: asyncio.Task[None] | None = None

    async def send_due() -> None:
        try:
            while True:
                message = await view.next()
                if message is not None:  # never, without a timeout
                    await socket.send(message)
        except livepolls.Ended:
            await socket.close(CloseCode.NOT_FOUND, "poll-not-found")

    async def ready() -> None:
        nonlocal sender
        await socket.send(await view.snapshot())
        sender = asyncio.create_task(send_due())

    async def outgoing(message: dict[str, Any]) -> dict[str, Any] | None:
        view.offer(message)
        if view.ended is not None:
            raise Closing(CloseCode.NOT_FOUND, "poll-deleted")
        return None  # what is due goes out from send_due, coalesced

    try:
        await sockets.run_socket(
            socket,
            channel=polls.channel(poll_id),
            limits=realtime_service.socket_limits(queue=settings.livepolls_queue),
            outgoing=outgoing,
            ready=ready,
        )
    except livepolls.Ended:  # the poll went between the handshake and the snapshot
        await socket.close(CloseCode.NOT_FOUND, "poll-not-found")
    finally:
        if sender is not None:
            sender.cancel()
            with contextlib.suppress(BaseException):
                await sender


ROUTES = [WebSocketRoute(PATH, _socket)]
