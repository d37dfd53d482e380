"""What both live results handlers (the SSE operation, the socket) read: the poll under the polls
row's read rules, as services.livepolls.PollState."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

import anyio.to_thread

from core.db import transaction
from core.security import Actor
from services import polls
from services.livepolls import PollState


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
