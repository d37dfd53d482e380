"""Realtime fan-out: a message published in any app process reaches the subscribers of every one.

    publish_after_commit(session, channel, message)
                        what services call (from worker threads): the message leaves once the
                        transaction has committed, never for a rolled-back one
    publish(channel, message)
                        the same at once, on the event loop (streaming handlers)
    subscribe(channel, max_queue=...)
                        an async context manager giving a `Subscription`: an async iterator of
                        the channel's messages (dicts), on the serving event loop
    serving()           the app's lifespan context: the loop that serves, and with REDIS_URL the
                        process's listener

Backends. Without REDIS_URL (the embedded default) a message reaches the subscribers of this
process only, which is every subscriber when one process serves. With REDIS_URL, `publish`
is one PUBLISH on `trellis:rt:<db>:<channel>` (<db>: the Redis database REDIS_URL names, since
pub/sub is shared by every database of a server); each process holds one pub/sub connection
subscribed to the `trellis:rt:<db>:*` pattern and hands each message to its own subscribers of
that channel, so a process receives every channel's traffic (fine for a handful of processes;
documented in docs/architecture.md). Nothing works on one process only when several run.

Delivery is at most once, and never silent about a gap. A subscriber's queue is bounded: one that
falls `max_queue` messages behind is dropped, and its iterator raises `Resync` (the connection
is closed with a resume cursor; realtime rows persist what they publish and clients resume from
the last id they saw). When the Redis listener loses its connection, every subscriber of the
process gets `Resync` too, since messages published meanwhile are gone; the listener reconnects
with backoff. A publish that cannot reach Redis is logged and dropped, for the same reason.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
import contextvars
import functools
import os
import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

import orjson
import redis
import redis.asyncio
import structlog
from sqlalchemy import event
from sqlalchemy.orm import Session

from core import redis_client
from core.redis_client import get_redis
from core.settings import get_settings

log = structlog.get_logger("trellis.realtime")
_T = TypeVar("_T")

PREFIX = "trellis:rt:"
#: How many messages a subscriber may fall behind before it is dropped.
DEFAULT_MAX_QUEUE = 256
_RECONNECT_FIRST_SECONDS, _RECONNECT_MOST_SECONDS = 0.1, 5.0
#: The reason of the Resync every subscriber gets when the app stops (sockets close with 1001).
STOPPING = "the server is stopping"


class Resync(Exception):
    """The subscription missed messages (it fell behind, or the fan-out lost its connection): the
    consumer must reload what it shows from the persisted source, then subscribe again."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


_DONE = object()


@dataclass(eq=False)
class Subscription:
    """One consumer of one channel: an async iterator of its messages, or with `on_message` a
    function called with each message as it arrives (then iterating only waits for the end)."""

    channel: str
    max_queue: int
    on_message: Callable[[dict[str, Any]], None] | None = None
    _queue: asyncio.Queue[Any] = field(init=False)
    _gap: str | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        # One slot more than max_queue, so the gap itself always fits behind the messages.
        self._queue = asyncio.Queue(self.max_queue + 1)

    def _deliver(self, message: dict[str, Any]) -> None:
        if self._gap is not None:
            return
        if self.on_message is not None:
            try:
                self.on_message(message)
            except Exception:  # a consumer's bug ends its subscription, not the listener
                log.exception("realtime consumer failed", channel=self.channel)
                self._interrupt("its consumer failed")
            return
        if self._queue.qsize() >= self.max_queue:
            self._interrupt(f"fell more than {self.max_queue} messages behind")
            return
        self._queue.put_nowait(message)

    def _interrupt(self, reason: str) -> None:
        if self._gap is None:
            self._gap = reason
            self._queue.put_nowait(_DONE)

    def __aiter__(self) -> Subscription:
        return self

    async def __anext__(self) -> dict[str, Any]:
        item = await self._queue.get()
        if item is _DONE:
            raise Resync(self._gap or "interrupted")
        return item  # type: ignore[no-any-return]


class _Hub:
    """The subscriptions of this process, by channel; lives on the serving loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.loop = loop
        self.channels: dict[str, set[Subscription]] = {}
        #: Set while this process hears every process's messages (see `connected`).
        self.connected = asyncio.Event()
        #: The listener's connection while it is subscribed (RESP3: it can PUBLISH too).
        self.frames: _Frames | None = None

    def deliver(self, channel: str, message: dict[str, Any]) -> None:
        for subscription in list(self.channels.get(channel, ())):
            subscription._deliver(message)

    def interrupt_all(self, reason: str) -> None:
        for subscriptions in self.channels.values():
            for subscription in subscriptions:
                subscription._interrupt(reason)


_hub: _Hub | None = None
_lock = threading.Lock()


def _current_hub() -> _Hub:
    if _hub is None:
        raise RuntimeError("realtime is used outside the app's lifespan (core.realtime.serving)")
    return _hub


def channel_prefix() -> str:
    """`trellis:rt:<db>:`, where <db> is the database REDIS_URL names: a Redis server's pub/sub is
    shared by all its databases, so two apps on one server with their own databases (or the
    test workers, one database each) would otherwise hear each other's messages."""
    return prefix_for(get_settings().redis_url)


@functools.cache
def prefix_for(url: str | None) -> str:
    """The channel prefix of apps whose REDIS_URL is `url` (see `channel_prefix`)."""
    database = redis.connection.parse_url(url).get("db", 0) if url else 0  # type: ignore[no-untyped-call]
    return f"{PREFIX}{database}:"


def _encode(channel: str, message: dict[str, Any]) -> bytes:
    return orjson.dumps({"channel": channel, "message": message})


def _send(channel: str, message: dict[str, Any]) -> None:
    """Publish from any thread: through Redis when configured, else to this process's loop."""
    if get_settings().redis_url:
        collected = _COLLECTED.get()
        hub = _hub
        if collected is not None and hub is not None and hub.frames is not None:
            collected.append((channel_prefix() + channel, _encode(channel, message)))
            return
        try:
            redis_client.publish(channel_prefix() + channel, _encode(channel, message))
        except redis.RedisError as exc:
            log.warning("realtime publish lost", channel=channel, error=type(exc).__name__)
        return
    hub = _hub
    if hub is None:
        return  # no app serves in this process (a CLI, a job): nobody here can be listening
    try:
        running = asyncio.get_running_loop()
    except RuntimeError:
        running = None
    if running is hub.loop:
        hub.deliver(channel, message)
    else:
        hub.loop.call_soon_threadsafe(hub.deliver, channel, message)


async def publish(channel: str, message: dict[str, Any]) -> None:
    """Publish now (on the event loop); the Redis round trip runs off the loop."""
    if get_settings().redis_url:
        await asyncio.to_thread(_send, channel, message)
    else:
        _send(channel, message)


def publish_now(channel: str, message: dict[str, Any]) -> None:
    """Publish at once from a thread that is not the serving loop (blocking with Redis); for a
    change made outside any transaction of ours. Lost, and logged, when Redis does not answer."""
    _send(channel, message)


#: While a request's handler runs in its thread: the (Redis channel, data) of what it publishes,
#: sent by `publishing_after` on the serving loop once the thread is done.
_COLLECTED: contextvars.ContextVar[list[tuple[str, bytes]] | None] = contextvars.ContextVar(
    "trellis.realtime.collected", default=None
)
#: How long a request waits for Redis to confirm what it published before answering anyway.
PUBLISH_TIMEOUT_SECONDS = 5.0


async def publishing_after(call: Awaitable[_T]) -> _T:
    """Awaits `call` (a coroutine that runs a handler in a worker thread, in a copy of this
    context), then publishes what the handler published from its thread, before returning.

    In the thread a publish is only collected: once the thread is done, the serving loop sends
    every collected PUBLISH in one write on the listener's own connection (RESP3 lets a
    subscribed connection publish) and waits for Redis's replies there. Each message is thus
    published before the request answers, as before, and the reply comes in the same read as
    the process's own copy of the message, which it hears anyway; the thread no longer blocks on
    a round trip to Redis of its own (bench/RESULTS.md, change 30). Without the listener's
    connection (no Redis, RESP2, not subscribed yet) the thread's PUBLISH goes out at once, as
    it always did. A publish Redis does not confirm within PUBLISH_TIMEOUT_SECONDS is logged and
    counts as lost, as one that cannot reach Redis always has."""
    collected: list[tuple[str, bytes]] = []
    token = _COLLECTED.set(collected)
    try:
        return await call
    finally:
        _COLLECTED.reset(token)
        if collected:
            await _publish_collected(collected)


async def _publish_collected(collected: list[tuple[str, bytes]]) -> None:
    hub = _hub
    frames = hub.frames if hub is not None else None
    if frames is None:  # the listener lost its connection meanwhile: as a thread would
        await asyncio.to_thread(_publish_blocking, collected)
        return
    try:
        await frames.publish(collected, PUBLISH_TIMEOUT_SECONDS)
    except (redis.RedisError, OSError, TimeoutError) as exc:
        log.warning("realtime publish lost", messages=len(collected), error=type(exc).__name__)


def _publish_blocking(collected: list[tuple[str, bytes]]) -> None:
    client = get_redis()
    if client is None:
        return
    try:
        with client.pipeline(transaction=False) as pipe:
            for channel, data in collected:
                pipe.publish(channel, data)
            pipe.execute()
    except redis.RedisError as exc:
        log.warning("realtime publish lost", messages=len(collected), error=type(exc).__name__)


_PENDING_KEY = "trellis.realtime.pending"


def publish_after_commit(session: Session, channel: str, message: dict[str, Any]) -> None:
    """Publish once `session`'s transaction commits; dropped if it rolls back."""
    pending: list[tuple[str, dict[str, Any]]] | None = session.info.get(_PENDING_KEY)
    if pending is None:
        pending = session.info[_PENDING_KEY] = []
    if not event.contains(session, "after_commit", _flush):
        event.listen(session, "after_commit", _flush)
        # A real rollback (not a savepoint's) ends the transaction the messages belonged to.
        event.listen(session, "after_rollback", _discard)
    pending.append((channel, message))


def _flush(session: Session) -> None:
    pending: list[tuple[str, dict[str, Any]]] = session.info.pop(_PENDING_KEY, [])
    collecting = _COLLECTED.get() is not None
    client = (
        get_redis() if len(pending) > 1 and get_settings().redis_url and not collecting else None
    )
    if client is None:
        for channel, message in pending:
            _send(channel, message)
        return
    # Several messages of one transaction: one round trip to Redis instead of one each, in the
    # order they were published.
    try:
        with client.pipeline(transaction=False) as pipe:
            for channel, message in pending:
                pipe.publish(channel_prefix() + channel, _encode(channel, message))
            pipe.execute()
    except redis.RedisError as exc:
        log.warning("realtime publish lost", messages=len(pending), error=type(exc).__name__)


def _discard(session: Session) -> None:
    session.info.pop(_PENDING_KEY, None)


@contextlib.asynccontextmanager
async def subscribe(
    channel: str,
    *,
    max_queue: int = DEFAULT_MAX_QUEUE,
    on_message: Callable[[dict[str, Any]], None] | None = None,
) -> AsyncIterator[Subscription]:
    """Receive the channel's messages published from now on, until the block ends. With
    `on_message` each is handed to it on the serving loop as it is read (a function that must be
    quick and not block; one that raises ends the subscription with `Resync`), which saves a
    consumer task's wake-up per message; iterating the subscription then only raises `Resync`."""
    hub = _current_hub()
    subscription = Subscription(channel, max_queue, on_message)
    hub.channels.setdefault(channel, set()).add(subscription)
    try:
        yield subscription
    finally:
        subscriptions = hub.channels.get(channel)
        if subscriptions is not None:
            subscriptions.discard(subscription)
            if not subscriptions:
                del hub.channels[channel]


def connected() -> asyncio.Event | None:
    """The serving loop's event that is set while a message published in any process reaches
    this one's subscribers (with REDIS_URL: the listener is subscribed; without: always, since
    nothing reaches other processes anyway); None outside the app's lifespan. Use it on the
    serving loop. A subscriber that must not miss a message treats its `Resync` as the end of
    that guarantee and waits for this event again."""
    hub = _hub
    return hub.connected if hub is not None else None


def listener_name() -> str:
    """The Redis client name of this process's listener (`CLIENT LIST` shows it)."""
    return f"trellis-realtime-{os.getpid()}"


async def _listen(hub: _Hub, url: str, connected: asyncio.Event, stopping: asyncio.Event) -> None:
    """The process's one pub/sub connection: every channel's messages to local subscribers."""
    delay = _RECONNECT_FIRST_SECONDS
    while not stopping.is_set():
        client = redis.asyncio.Redis.from_url(
            url, socket_connect_timeout=2, client_name=listener_name()
        )
        pubsub = client.pubsub(ignore_subscribe_messages=True)
        try:
            await pubsub.psubscribe(channel_prefix() + "*")
            connected.set()
            delay = _RECONNECT_FIRST_SECONDS
            # redis-py connected and subscribed; from here on the connection's transport hands
            # its bytes to a `_Frames` protocol, which delivers each message as it is read, in
            # the loop's callback for the socket: no stream, no await per message, no task to
            # wake (redis-py's own parsing, an await per line and a retry wrapper per read, cost
            # about twice the CPU of reading the frames, and a stream reader in between cost a
            # task switch per message: bench/pubsub_receive.py). Every write is heard by every
            # process, the writer's own included. The bytes redis-py's stream had already read
            # (its private buffer) go first. A redis-py that renames its stream's attributes
            # leaves the listener without messages, which every test of tests/core/
            # test_realtime.py that goes through Redis would see.
            frames = _Frames(hub)
            _take_over(pubsub, frames)
            if getattr(pubsub.connection, "protocol", 2) == 3:  # RESP2 refuses it: PUBLISH
                hub.frames = frames  # from a subscribed connection (publishing_after)
            try:
                await frames.lost
            finally:
                if hub.frames is frames:
                    hub.frames = None
        except (redis.RedisError, OSError) as exc:
            # redis-py may turn the cancellation of a blocked read into a ConnectionError: a
            # stop is told by `stopping`, not by the exception's type.
            if stopping.is_set():
                return
            log.warning("realtime listener lost Redis", error=type(exc).__name__)
            if connected.is_set():
                connected.clear()
                hub.interrupt_all("the fan-out lost its Redis connection")
        finally:
            with contextlib.suppress(Exception):
                await pubsub.aclose()  # type: ignore[no-untyped-call]
                await client.aclose()
        # Backoff before reconnecting; a stop ends the wait at once.
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stopping.wait(), delay)
        delay = min(delay * 2, _RECONNECT_MOST_SECONDS)


class _Frames(asyncio.Protocol):
    """The pub/sub connection's protocol once subscribed: each pattern message's data to the
    hub as soon as its frame is whole (the subscription's confirmations are skipped). `lost` is
    settled when the connection ends (closed, or an error reply: redis.ConnectionError)."""

    def __init__(self, hub: _Hub) -> None:
        self._hub = hub
        self._buffer = b""
        self.lost: asyncio.Future[None] = hub.loop.create_future()
        self._transport: asyncio.Transport | None = None
        #: The PUBLISH batches sent on this connection whose replies are still to come, in
        #: order: [replies still to come, the batch's future, the first error replied, the
        #: batch's timeout].
        self._batches: collections.deque[list[Any]] = collections.deque()

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self._transport = transport  # type: ignore[assignment]

    def publish(self, collected: list[tuple[str, bytes]], timeout: float) -> asyncio.Future[None]:
        """Sends a PUBLISH of each (channel, data) in one write; the future is settled when
        Redis has replied to all of them (or failed: an error reply, the connection lost, no
        reply within `timeout` seconds)."""
        transport = self._transport
        done: asyncio.Future[None] = self._hub.loop.create_future()
        if transport is None or transport.is_closing() or self.lost.done():
            done.set_exception(redis.ConnectionError("the pub/sub connection is closed"))
            return done
        transport.write(b"".join(_publish_command(channel, data) for channel, data in collected))
        # The timeout is cancelled where the batch ends (`_replied`, `_end`): a done callback on
        # the future would cost the loop a callback of its own per batch.
        timer = self._hub.loop.call_later(timeout, _time_out, done)
        self._batches.append([len(collected), done, None, timer])
        return done

    def data_received(self, data: bytes) -> None:
        if self.lost.done():
            return  # the stream broke (or ended): nothing after that is read as a message
        buffer = self._buffer + data if self._buffer else data
        start = 0
        try:
            while start < len(buffer):
                kind = buffer[start : start + 1]
                if kind in (b":", b"-"):  # a PUBLISH's reply: its receivers, or an error
                    end = buffer.find(b"\r\n", start)
                    if end < 0:
                        break
                    self._replied(buffer[start + 1 : end] if kind == b"-" else None)
                    start = end + 2
                    continue
                frame = _frame(buffer, start)
                if frame is None:
                    break
                parts, start = frame
                if parts[0] == b"pmessage" and len(parts) == 4:
                    envelope = orjson.loads(parts[3])
                    self._hub.deliver(envelope["channel"], envelope["message"])
        except (redis.ConnectionError, orjson.JSONDecodeError, KeyError, TypeError) as exc:
            self._end(redis.ConnectionError(f"unreadable pub/sub message: {exc}"))
            return
        self._buffer = buffer[start:]

    def _replied(self, error: bytes | None) -> None:
        if not self._batches:
            raise redis.ConnectionError("a reply to no PUBLISH")
        batch = self._batches[0]
        batch[0] -= 1
        if error is not None and batch[2] is None:
            batch[2] = error.decode(errors="replace")
        if batch[0] == 0:
            self._batches.popleft()
            batch[3].cancel()
            done = batch[1]
            if not done.done():
                if batch[2] is None:
                    done.set_result(None)
                else:
                    done.set_exception(redis.ResponseError(batch[2]))

    def connection_lost(self, exc: Exception | None) -> None:
        self._end(redis.ConnectionError("Redis closed the pub/sub connection"))

    def eof_received(self) -> bool:
        self._end(redis.ConnectionError("Redis closed the pub/sub connection"))
        return False

    def _end(self, error: Exception) -> None:
        if self._hub.frames is self:
            self._hub.frames = None
        while self._batches:
            _count, done, _error, timer = self._batches.popleft()
            timer.cancel()
            if not done.done():
                done.set_exception(redis.ConnectionError("the pub/sub connection was lost"))
        if not self.lost.done():
            self.lost.set_exception(error)


def _time_out(done: asyncio.Future[None]) -> None:
    if not done.done():
        done.set_exception(TimeoutError("Redis did not confirm the PUBLISH in time"))


def _publish_command(channel: str, data: bytes) -> bytes:
    name = channel.encode()
    return b"*3\r\n$7\r\nPUBLISH\r\n$%d\r\n%s\r\n$%d\r\n%s\r\n" % (
        len(name),
        name,
        len(data),
        data,
    )


def _take_over(pubsub: Any, frames: _Frames) -> None:
    """Moves redis-py's subscribed connection to `frames`, with what its stream had read."""
    connection = pubsub.connection
    reader = getattr(connection, "_reader", None) if connection is not None else None
    writer = getattr(connection, "_writer", None) if connection is not None else None
    read = getattr(reader, "_buffer", None)
    if writer is None or read is None or writer.transport.is_closing():
        raise redis.ConnectionError("the pub/sub connection is not open")
    already, read[:] = bytes(read), b""
    writer.transport.set_protocol(frames)
    frames.connection_made(writer.transport)
    if already:
        frames.data_received(already)


def _frame(buffer: bytes, start: int) -> tuple[list[bytes], int] | None:
    """The pub/sub frame at `start` (RESP2 `*` or RESP3 `>`: an array of bulk strings and
    integers; a subscribed connection gets nothing else, no null among them) and where the next
    begins; None while it is incomplete."""
    end = buffer.find(b"\r\n", start)
    if end < 0:
        return None
    if buffer[start : start + 1] not in (b"*", b">"):
        raise redis.ConnectionError(f"unexpected pub/sub reply {buffer[start:end][:80]!r}")
    count, at = int(buffer[start + 1 : end]), end + 2
    parts: list[bytes] = []
    for _ in range(count):
        end = buffer.find(b"\r\n", at)
        if end < 0:
            return None
        kind = buffer[at : at + 1]
        if kind == b":":  # a subscription count
            parts.append(buffer[at + 1 : end])
            at = end + 2
            continue
        if kind != b"$":
            raise redis.ConnectionError(f"unexpected pub/sub reply {buffer[at:end][:80]!r}")
        size = int(buffer[at + 1 : end])
        at = end + 2
        if len(buffer) < at + size + 2:
            return None
        parts.append(buffer[at : at + size])
        at += size + 2
    return parts, at


@contextlib.asynccontextmanager
async def serving() -> AsyncIterator[asyncio.Event]:
    """The app's lifespan: this loop serves the process's subscribers. Yields an event set
    while the Redis listener is connected (set at once without Redis)."""
    global _hub
    loop = asyncio.get_running_loop()
    hub = _Hub(loop)
    connected, stopping = hub.connected, asyncio.Event()
    listener: asyncio.Task[None] | None = None
    url = get_settings().redis_url
    with _lock:
        previous, _hub = _hub, hub
    if url:
        listener = loop.create_task(_listen(hub, url, connected, stopping))
    else:
        connected.set()
    try:
        yield connected
    finally:
        if listener is not None:
            stopping.set()
            listener.cancel()
            with contextlib.suppress(asyncio.CancelledError, TimeoutError):
                await asyncio.wait_for(listener, 5)
        hub.interrupt_all(STOPPING)
        with _lock:
            _hub = previous
