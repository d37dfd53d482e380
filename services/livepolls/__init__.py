"""Live poll results: what one watcher of a poll is sent, and when.

The polls row publishes, after each committed ballot change, `VOTES_CHANGED` on `polls:<id>` with
the poll's `votes_version` and the counts it saw under the poll's row lock (services.polls): the
message with the highest version carries the exact counts. A watcher (a WebSocket or an SSE
stream) is one `LiveView`:

    snapshot()        reads the poll (the caller's `read`, under the polls row's own read rules)
                      and gives the first message: counts (or none, when hidden) and version
    offer(message)    a channel message, folded in at once (never awaits):
                        VOTES_CHANGED  the watcher's `Coalescer` keeps the newest version only
                        POLL_CHANGED   the poll itself changed (closed, rescheduled): read again
                        POLL_DELETED   the watch ends
    next()            waits for what is due: a re-read poll (`snapshot`, or `closed` with the
                      counts once it closes, by its owner or by its closing time), or the pending
                      counts (`update`) when the watcher's window allows

Coalescing: the coalescer sends a change at once when nothing was sent in the last window, else
holds only the newest one and sends it when the window ends, so a watcher gets at most one update
per LIVEPOLLS_COALESCE_MS however fast votes arrive, and the last one it gets is the newest
version there is. Versions only go up: a message at or below the newest version the watcher has
(from the snapshot or an update; channel messages may arrive out of order across processes) is
dropped. Every process folds the channel's messages into its own watchers, so this holds with
several processes behind the Redis fan-out.

Visibility follows the polls row: counts hidden until close (results_visibility AFTER_CLOSE, and
not the owner) are never sent before the poll closes: such a watcher gets a snapshot without
results, no updates, then `closed` with the counts.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from core import realtime
from core.db import utcnow
from core.errors import NotFound
from services.livepolls.settings import LivepollsSettings, livepolls_settings

__all__ = [
    "Coalescer",
    "Ended",
    "LiveView",
    "LivepollsSettings",
    "PollState",
    "events",
    "livepolls_settings",
]

CLOSED = "CLOSED"
#: Yielded by `events` once subscribed, before the snapshot (the SSE `retry:` hint goes then).
READY = "ready"
#: Yielded by `events` when the stream was quiet for the heartbeat interval.
HEARTBEAT = "heartbeat"
#: A close is read a little after the closing time, so the poll reads as closed by then.
_CLOSE_MARGIN = 0.005


@dataclass(frozen=True)
class PollState:
    """A poll as one watcher may see it: `results` (`{ballots, options}`) None when hidden."""

    poll_id: uuid.UUID
    status: str
    version: int
    results_visible: bool
    results: dict[str, Any] | None
    closes_at: datetime | None


class Ended(Exception):
    """The watch is over: the poll is gone (`not-found`) or the watcher fell behind (`resync`)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class Coalescer:
    """One watcher's pending counts: the newest version only, sent at most once per window."""

    def __init__(self, window: float, clock: Callable[[], float] = time.monotonic) -> None:
        self.window = window
        self.clock = clock
        #: The newest version the watcher has (sent, or the snapshot's).
        self.version = -1
        self.pending: dict[str, Any] | None = None
        self._sent_at = -math.inf

    def offer(self, message: dict[str, Any]) -> bool:
        """Keeps `message` (a dict with `version`) if it is the newest yet; False if stale."""
        newest = self.version if self.pending is None else self.pending["version"]
        if message["version"] <= newest:
            return False
        self.pending = message
        return True

    def wait(self) -> float | None:
        """Seconds until the pending message may be sent (0: now); None when none is pending."""
        if self.pending is None:
            return None
        return max(0.0, self._sent_at + self.window - self.clock())

    def take(self) -> dict[str, Any] | None:
        """The pending message if it may be sent now (counted as sent), else None."""
        if self.pending is None or self.wait() != 0:
            return None
        message, self.pending = self.pending, None
        self.version = message["version"]
        self._sent_at = self.clock()
        return message

    def reset(self, version: int) -> None:
        """The watcher was just sent `version` another way (a snapshot): older ones are stale."""
        self.version = max(self.version, version)
        if self.pending is not None and self.pending["version"] <= self.version:
            self.pending = None


def _results(message: dict[str, Any]) -> dict[str, Any]:
    return {"ballots": message["ballots"], "options": message["options"]}


class LiveView:
    """One watcher of one poll (module docstring); `read` gives the poll as this watcher may see
    it and raises NotFound once it may not."""

    def __init__(
        self,
        read: Callable[[], Awaitable[PollState]],
        *,
        window: float,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utcnow,
    ) -> None:
        self._read = read
        self._now = now
        self.coalescer = Coalescer(window, clock)
        self.visible = False
        self.closed = False
        self.closes_at: datetime | None = None
        self.ended: str | None = None
        self._stale = False
        self._wake = asyncio.Event()

    async def snapshot(self) -> dict[str, Any]:
        """The poll now, as the first message."""
        return self._message("snapshot", await self._state())

    async def _reload(self) -> dict[str, Any]:
        """The poll read again: `closed` (with the counts) when it closed since, else a
        `snapshot`."""
        was_closed = self.closed
        state = await self._state()
        return self._message("closed" if self.closed and not was_closed else "snapshot", state)

    async def _state(self) -> PollState:
        try:
            state = await self._read()
        except NotFound:
            self.end("not-found")
            raise Ended("not-found") from None
        self.closed = state.status == CLOSED
        self.visible = state.results_visible
        self.closes_at = None if self.closed else state.closes_at
        self.coalescer.reset(state.version)
        return state

    def _message(self, kind: str, state: PollState) -> dict[str, Any]:
        message: dict[str, Any] = {
            "type": kind,
            "poll_id": str(state.poll_id),
            "version": state.version,
            "results": state.results,
        }
        if kind == "snapshot":
            message["status"] = state.status
            message["results_visible"] = state.results_visible
        return message

    def end(self, reason: str) -> None:
        if self.ended is None:
            self.ended = reason
        self._wake.set()

    def offer(self, message: dict[str, Any]) -> None:
        """Folds one message of the poll's channel into what this watcher is due."""
        kind = message.get("type")
        if kind == "VOTES_CHANGED":
            if self.visible and self.coalescer.offer(message):
                self._wake.set()
        elif kind == "POLL_CHANGED":
            self._stale = True
            self._wake.set()
        elif kind == "POLL_DELETED":
            self.end("not-found")

    async def feed(self, live: AsyncIterator[dict[str, Any]]) -> None:
        """Offers every message of a subscription; ends the watch when it fell behind."""
        try:
            async for message in live:
                self.offer(message)
        except realtime.Resync:
            self.end("resync")

    def _until_close(self) -> float | None:
        if self.closes_at is None:
            return None
        return (self.closes_at - self._now()).total_seconds() + _CLOSE_MARGIN

    async def next(self, timeout: float | None = None) -> dict[str, Any] | None:
        """The next message due to this watcher; None when `timeout` seconds pass without one.
        Raises Ended when the watch is over."""
        clock = self.coalescer.clock
        deadline = None if timeout is None else clock() + timeout
        while True:
            if self.ended is not None:
                raise Ended(self.ended)
            until_close = self._until_close()
            if self._stale or (until_close is not None and until_close <= 0):
                self._stale = False
                return await self._reload()
            message = self.coalescer.take()
            if message is not None:
                return {
                    "type": "update",
                    "poll_id": message["poll_id"],
                    "version": message["version"],
                    "results": _results(message),
                }
            waits = [w for w in (self.coalescer.wait(), until_close) if w is not None]
            if deadline is not None:
                left = deadline - clock()
                if left <= 0:
                    return None
                waits.append(left)
            self._wake.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), min(waits) if waits else None)


async def events(
    read: Callable[[], Awaitable[PollState]], *, channel: str
) -> AsyncIterator[dict[str, Any] | str]:
    """One SSE watch: READY once subscribed, the snapshot, then what `LiveView.next` gives, with
    HEARTBEATs, until LIVEPOLLS_STREAM_MAX_SECONDS pass or the watch ends."""
    settings = livepolls_settings()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + settings.livepolls_stream_max_seconds
    heartbeat = settings.livepolls_heartbeat_seconds
    async with realtime.subscribe(channel, max_queue=settings.livepolls_queue) as live:
        view = LiveView(read, window=settings.livepolls_coalesce_ms / 1000, clock=loop.time)
        feeder = asyncio.create_task(view.feed(live))
        try:
            yield READY
            yield await view.snapshot()
            while (remaining := deadline - loop.time()) > 0:
                message = await view.next(timeout=min(heartbeat, remaining))
                if message is not None:
                    yield message
                elif deadline - loop.time() > 0:
                    yield HEARTBEAT
        except Ended:
            return
        finally:
            feeder.cancel()
            with contextlib.suppress(BaseException):
                await feeder
