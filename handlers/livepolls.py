from __future__ import annotations

import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import anyio.to_thread
from starlette.responses import StreamingResponse

from core import sse
from core.db import transaction
from core.security import Actor, optional_actor
from services import livepolls, polls
from services.livepolls import HEARTBEAT, READY, PollState


def poll_state(actor: Actor | None, poll_id: uuid.UUID) -> PollState:
    """The poll under the polls row's read rules (NotFound when gone), as a watcher sees it."""
    with transaction(write=False) as session:
        view = polls.get_poll(session, actor, poll_id=poll_id)
        poll, tally = view.poll, view.tally
        results = None
        if tally is not None:
            results = {
                "ballots": tally.ballots,
                "options": [
                    {"option_id": str(option.id), "votes": tally.votes.get(option.id, 0)}
                    for option in poll.options
                ],
            }
        return PollState(
            poll_id=poll.id,
            status=view.status,
            version=poll.votes_version,
            results_visible=view.results_visible,
            results=results,
            closes_at=poll.closes_at,
        )


def reader(actor: Actor | None, poll_id: uuid.UUID) -> Callable[[], Awaitable[PollState]]:
    async def read() -> PollState:
        return await anyio.to_thread.run_sync(poll_state, actor, poll_id)

    return read


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
