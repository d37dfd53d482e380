"""One user's notification stream: what was missed, read from the database, then what arrives
live on the user's channel, with no gap and no duplicate at the seam, for a bounded time.

    events(user_id, after_id=N) yields READY once it is subscribed, then, in id order:
        the notifications with an id above N (the replay, in batches from the database),
        then each live notification with an id above the last one yielded,
        and HEARTBEAT whenever the stream has been quiet for the heartbeat interval;
    it ends at the stream's deadline, or when the live subscription fell behind (`Resync`):
    either way the client reconnects with the last id it saw and misses nothing.

No gap: the subscription is taken BEFORE the database is read, so a notification committed while
the replay runs is both in the replay and in the subscription's queue; the queue's copy is skipped
(its id is not above the last one yielded). Ids reach the channel in increasing order per user
(`notify` commits a user's notifications one at a time), so skipping by id loses nothing.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from typing import Any

import anyio
import structlog

from core import realtime
from core.db import transaction
from services.notifications import CREATED, channel, replay
from services.notifications.settings import notifications_settings

log = structlog.get_logger("trellis.notifications")

#: Yielded once the stream is subscribed: whatever commits from then on reaches it.
READY = "ready"
#: Yielded when the stream has been quiet for the heartbeat interval.
HEARTBEAT = "heartbeat"
#: Notifications read from the database per query while replaying.
REPLAY_BATCH = 200


def _replay(user_id: uuid.UUID, after_id: int) -> list[dict[str, Any]]:
    with transaction(write=False) as session:
        return replay(session, user_id=user_id, after_id=after_id, limit=REPLAY_BATCH)


async def events(
    user_id: uuid.UUID, *, after_id: int | None
) -> AsyncIterator[dict[str, Any] | str]:
    """READY, the user's notifications after `after_id` (None: only those from now on), then live
    ones, with HEARTBEATs, until the stream's deadline (module docstring)."""
    settings = notifications_settings()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.notifications_stream_max_seconds
    heartbeat = settings.notifications_stream_heartbeat_seconds
    notification: Any
    async with realtime.subscribe(
        channel(user_id), max_queue=settings.notifications_stream_queue
    ) as live:
        yield READY
        last = after_id
        if after_id is not None:
            replayed = after_id
            while True:
                batch = await anyio.to_thread.run_sync(_replay, user_id, replayed)
                for item in batch:
                    yield item
                    last = replayed = item["id"]
                if len(batch) < REPLAY_BATCH or loop.time() >= deadline:
                    break
        while (remaining := deadline - loop.time()) > 0:
            try:
                message = await asyncio.wait_for(anext(live), min(heartbeat, remaining))
            except TimeoutError:
                if deadline - loop.time() > 0:
                    yield HEARTBEAT
                continue
            except realtime.Resync as exc:
                log.info(
                    "notification stream ends to resync", user_id=str(user_id), reason=exc.reason
                )
                return
            notification = message.get("notification")
            if message.get("type") != CREATED or not isinstance(notification, dict):
                continue
            if last is not None and notification["id"] <= last:
                continue
            last = notification["id"]
            yield notification
