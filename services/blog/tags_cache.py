"""The Conduit facade's tags answer, kept per process and dropped the moment tag popularity
changes in any process.

Tags are read on every page of a RealWorld client, and their answer changes only when a post is
published, unpublished, retagged or deleted with tags (services/blog/counts.py moves
`blog_tags.posts_count` then). So each app process keeps the answer's bytes, and:

  writers       `tags_changed(session)` (counts.py calls it): once the transaction commits, this
                process drops its answer and a message goes out on the realtime fan-out's
                CHANNEL (core.realtime, a Redis PUBLISH) before the writer's own request answers
  listeners     every process's follower task, on its serving loop, is subscribed to CHANNEL and
                drops the answer when a message arrives; it counts as listening only while the
                fan-out is connected and its subscription stands (a `Resync`, the connection
                lost, ends it: the answer is dropped and nothing is kept until it is back)
  readers       `cached_answer()` gives the answer only while listening and younger than
                BLOG_TAGS_CACHE_SECONDS; else the tags are read, and `store` keeps the result
                only if nothing was heard since `generation()` was taken before that read (a
                change racing with the read drops it)

Why it is exact: a change commits, then is published before its request answers, so the message
is in every process's socket before anyone can act on that answer, and each follower drops the
answer as soon as its loop reads it (a request racing with that delivery, in the same loop turn,
can still get the old answer: microseconds). What a lost message (Redis unreachable at that
moment, the writer killed in between) or a silently dead connection can leave stale is bounded by
BLOG_TAGS_CACHE_SECONDS. Without REDIS_URL nothing is kept (no channel between processes).
"""

from __future__ import annotations

import asyncio
import threading
import time
from dataclasses import dataclass

from sqlalchemy import event
from sqlalchemy.orm import Session

from core import realtime
from core.settings import get_settings
from services.blog.settings import blog_settings

#: The realtime channel of tag popularity changes (messages carry nothing).
CHANNEL = "blog-tags-changed"
_PENDING = "trellis.blog.tags_changed"


@dataclass(frozen=True)
class _Answer:
    #: time.monotonic() just before the read it came from.
    read_at: float
    body: bytes


_lock = threading.Lock()
_answer: _Answer | None = None
#: Moved by every change made or heard, and when listening starts or ends.
_generation = 0
_listening = False
#: (the fan-out's `connected` event it follows, the task) of this process's follower.
_follower: tuple[asyncio.Event, asyncio.Task[None]] | None = None
#: Notified each time the follower hears a change, and set while it listens (tests wait on
#: them instead of sleeping).
heard = threading.Condition()
heard_count = 0
listening_now = threading.Event()


# ---- writers ----------------------------------------------------------------------------------


def tags_changed(session: Session) -> None:
    """Tag popularity changes in `session`: once it commits, every process drops its answer."""
    if not session.info.get(_PENDING):
        session.info[_PENDING] = True
        realtime.publish_after_commit(session, CHANNEL, {})


@event.listens_for(Session, "after_commit")
def _forget_after_commit(session: Session) -> None:
    if session.info.pop(_PENDING, False):
        forget()


@event.listens_for(Session, "after_rollback")
def _nothing_after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)


def announce_change() -> None:
    """Drops every process's answer now: tag counts were changed outside the services (bulk SQL,
    the tests' cleanup)."""
    forget()
    realtime.publish_now(CHANNEL, {})


def forget() -> None:
    """Drops this process's answer (a change made or heard here)."""
    global _answer, _generation
    with _lock:
        _generation += 1
        _answer = None


# ---- readers, on the serving loop -------------------------------------------------------------


def cached_answer() -> bytes | None:
    """The answer's bytes while they can be trusted (see the module), starting the follower on
    first use; None: read the tags."""
    _follow()
    answer = _answer
    if answer is None or not _listening:
        return None
    if time.monotonic() - answer.read_at >= blog_settings().tags_cache_seconds:
        return None
    return answer.body


def generation() -> int | None:
    """Taken before reading the tags, for `store`; None when nothing may be kept now."""
    if not _listening or blog_settings().tags_cache_seconds <= 0:
        return None
    return _generation


def store(body: bytes, *, since: int, read_at: float) -> None:
    """Keeps the answer read at `read_at` unless a change was made or heard since `since`."""
    global _answer
    with _lock:
        if _listening and _generation == since:
            _answer = _Answer(read_at, body)


def _set_listening(value: bool) -> None:
    global _listening, _answer, _generation
    with _lock:
        _listening = value
        _generation += 1
        _answer = None
    (listening_now.set if value else listening_now.clear)()


def _follow() -> None:
    """Starts this process's follower on the serving loop, once per fan-out (with REDIS_URL)."""
    global _follower
    connected = realtime.connected()
    if connected is None or not get_settings().redis_url:
        return
    if _follower is not None and _follower[0] is connected and not _follower[1].done():
        return
    _follower = (connected, asyncio.get_running_loop().create_task(_run(connected)))


async def _run(connected: asyncio.Event) -> None:
    global heard_count
    while realtime.connected() is connected:
        await connected.wait()
        try:
            async with realtime.subscribe(CHANNEL) as messages:
                _set_listening(True)
                async for _message in messages:
                    forget()
                    with heard:
                        heard_count += 1
                        heard.notify_all()
        except realtime.Resync:
            pass  # the fan-out lost its connection (or the app stops): wait for it again
        except RuntimeError:
            return  # the app's lifespan ended
        finally:
            _set_listening(False)


def listening() -> bool:
    """The follower is subscribed and the fan-out connected: answers may be kept."""
    return _listening
