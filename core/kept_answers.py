"""Answers kept per process and dropped the moment what they show changes in any process.

For public reads that every client repeats and that change far less often than they are read
(the Conduit facade's tags, its anonymous article pages): each app process keeps the bytes of
the answers it gave, by request, and a `KeptAnswers` drops them all when a change is made:

  writers       `changed(session)`: once the transaction commits, this process drops its answers
                and a message goes out on the realtime fan-out's channel (core.realtime, a Redis
                PUBLISH) before the writer's own request answers; `announce_change()` does both
                at once, for a change made outside any unit of work
  listeners     every process's follower task, on its serving loop, is subscribed to the channel
                and drops the answers when a message arrives; it counts as listening only while
                the fan-out is connected and its subscription stands (a `Resync`, the connection
                lost, ends it: everything is dropped and nothing is kept until it is back)
  readers       `cached(key)` gives an answer only while listening and younger than the max age;
                otherwise the request is answered as usual, and `store` keeps that answer only
                if nothing was heard since `generation()` was taken before its reads (a change
                racing with the read drops it)

Why it is exact: a change commits, then is published before its request answers, so the message
is in every process's socket before anyone can act on that answer, and each follower drops the
answers as soon as its loop reads it (a request racing with that delivery, in the same loop turn,
can still get the old answer: microseconds). What a lost message (Redis unreachable at that
moment, the writer killed in between) or a silently dead connection can leave stale is bounded by
the max age. Without REDIS_URL nothing is kept: there is no channel between processes.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from cachetools import LRUCache
from sqlalchemy import event
from sqlalchemy.orm import Session

from core import realtime
from core.settings import get_settings


@dataclass(frozen=True)
class _Answer:
    #: time.monotonic() just before the reads it came from.
    read_at: float
    #: The bytes of a response, or what a handler builds responses from (shared: never changed).
    value: Any


class KeptAnswers:
    """One family of kept answers and its channel (see the module)."""

    def __init__(self, channel: str, max_age: Callable[[], float], *, size: int) -> None:
        #: The realtime channel of changes (messages carry nothing).
        self.channel = channel
        #: Seconds an answer may be given at most (a setting's value; 0: nothing is kept).
        self.max_age = max_age
        self._pending = f"trellis.kept_answers.{channel}"
        self._lock = threading.Lock()
        self._answers: LRUCache[bytes, _Answer] = LRUCache(maxsize=size)
        #: Moved by every change made or heard, and when listening starts or ends.
        self._generation = 0
        self._listening = False
        #: (the fan-out's `connected` event it follows, the task) of this process's follower.
        self._follower: tuple[asyncio.Event, asyncio.Task[None]] | None = None
        #: Notified each time the follower hears a change, and set while it listens (tests wait
        #: on them instead of sleeping).
        self.heard = threading.Condition()
        self.heard_count = 0
        self.listening_now = threading.Event()
        event.listen(Session, "after_commit", self._announce_after_commit)
        event.listen(Session, "after_rollback", self._nothing_after_rollback)

    # ---- writers ------------------------------------------------------------------------------

    def changed(self, session: Session) -> None:
        """What the answers show changes in `session`: once it commits, every process drops
        them (one message per transaction, however many changes it made)."""
        session.info[self._pending] = True

    def announce_change(self) -> None:
        """Drops every process's answers now: what they show was changed outside the services
        (bulk SQL, the tests' cleanup)."""
        self.forget()
        realtime.publish_now(self.channel, {})

    def forget(self) -> None:
        """Drops this process's answers (a change made or heard here)."""
        with self._lock:
            self._generation += 1
            self._answers.clear()

    def _announce_after_commit(self, session: Session) -> None:
        if session.info.pop(self._pending, False):
            self.announce_change()

    def _nothing_after_rollback(self, session: Session) -> None:
        session.info.pop(self._pending, None)

    # ---- readers ------------------------------------------------------------------------------

    def cached(self, key: bytes) -> Any:
        """The answer kept for `key` while it can be trusted (from any thread); None: answer as
        usual. Nothing is kept until `follow()` has run on the serving loop."""
        if not self._listening:
            return None
        with self._lock:
            answer = self._answers.get(key)
        if answer is None or time.monotonic() - answer.read_at >= self.max_age():
            return None
        return answer.value

    def generation(self) -> int | None:
        """Taken before the reads of an answer, for `store`; None when nothing may be kept."""
        if not self._listening or self.max_age() <= 0:
            return None
        return self._generation

    def store(self, key: bytes, value: Any, *, since: int, read_at: float) -> None:
        """Keeps the answer read at `read_at` unless a change was made or heard since `since`."""
        with self._lock:
            if self._listening and self._generation == since:
                self._answers[key] = _Answer(read_at, value)

    # ---- the follower, on the serving loop ----------------------------------------------------

    def _set_listening(self, value: bool) -> None:
        with self._lock:
            self._listening = value
            self._generation += 1
            self._answers.clear()
        (self.listening_now.set if value else self.listening_now.clear)()

    def follow(self) -> None:
        """Starts this process's follower, once per fan-out (with REDIS_URL): call it on the
        serving loop, before `cached`, on every request that may be answered from it."""
        connected = realtime.connected()
        if connected is None or not get_settings().redis_url:
            return
        follower = self._follower
        if follower is not None and follower[0] is connected and not follower[1].done():
            return
        task = asyncio.get_running_loop().create_task(self._run(connected))
        self._follower = (connected, task)

    def _heard(self, _message: dict[str, Any]) -> None:
        self.forget()
        with self.heard:
            self.heard_count += 1
            self.heard.notify_all()

    async def _run(self, connected: asyncio.Event) -> None:
        while realtime.connected() is connected:
            await connected.wait()
            try:
                async with realtime.subscribe(self.channel, on_message=self._heard) as messages:
                    self._set_listening(True)
                    async for _message in messages:  # each is handed to _heard; this waits
                        pass  # for the subscription's end (Resync)
            except realtime.Resync:
                pass  # the fan-out lost its connection (or the app stops): wait for it again
            except RuntimeError:
                return  # the app's lifespan ended
            finally:
                self._set_listening(False)
