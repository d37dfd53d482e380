from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from typing import Any

from starlette.responses import StreamingResponse

from core import sse
from core.security import optional_actor
from handlers._livepolls import reader
from services import livepolls, polls
from services.livepolls import HEARTBEAT, READY


async def _event_stream(
    source: AsyncIterator[dict[str, Any] | str], retry_ms: int
) -> AsyncIterator[bytes]:
    async for item in source:
        if item == READY:
            yield sse.retry(retry_ms)
        elif item == HEARTBEAT:
            yield sse.KEEP_ALIVE
        elif isinstance(item, dict):
            yield sse.event(item, id=item["version"], name=item["type"])


async def stream_livepoll(poll_id: str) -> StreamingResponse:
    actor, poll = optional_actor(), uuid.UUID(poll_id)
    read = reader(actor, poll)
    await read()  # an unknown poll is a 404 before the stream starts
    source = livepolls.events(read, channel=polls.channel(poll))
    return sse.stream(_event_stream(source, livepolls.livepolls_settings().livepolls_retry_ms))
