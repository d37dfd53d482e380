"""The process's Redis connections, when REDIS_URL is set (None otherwise).

get_redis()         the blocking client (one pool per process), for code in worker threads
publish(channel, data)
                    one PUBLISH from any thread, on connections kept for it (`_Publisher`)
get_async_redis()   an asyncio client of the running event loop, for the few checks made on
                    the loop itself (services.identity.account_cache); its timeouts are short,
                    since a caller that gets no answer falls back to the database
serving_loop()      the app's lifespan context that allows (and then closes) those clients
"""

from __future__ import annotations

import asyncio
import collections
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from functools import lru_cache
from typing import Any

import redis
import redis.asyncio

from core.settings import get_settings

#: How long a check on the event loop waits for Redis before its caller falls back.
ASYNC_TIMEOUT_SECONDS = 0.5

# An asyncio connection belongs to the loop that opened it and must be closed on it: clients are
# made only on a loop that serves the app (its lifespan, `serving_loop`), which closes them.
_loop_clients: dict[asyncio.AbstractEventLoop, dict[str, redis.asyncio.Redis]] = {}


@lru_cache(maxsize=4)
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)


def get_redis() -> redis.Redis | None:
    url = get_settings().redis_url
    return _client(url) if url else None


@asynccontextmanager
async def serving_loop() -> AsyncIterator[None]:
    """The app's lifespan: asyncio clients may be opened on this loop while it serves, and are
    closed when it stops."""
    loop = asyncio.get_running_loop()
    clients: dict[str, redis.asyncio.Redis] = {}
    _loop_clients[loop] = clients
    try:
        yield
    finally:
        _loop_clients.pop(loop, None)
        for client in clients.values():
            await client.aclose()


def get_async_redis() -> redis.asyncio.Redis | None:
    """The running loop's asyncio client (call it on the loop); None without REDIS_URL, or on a
    loop that does not serve the app (a test client run without its lifespan)."""
    url = get_settings().redis_url
    if not url:
        return None
    clients = _loop_clients.get(asyncio.get_running_loop())
    if clients is None:
        return None
    client = clients.get(url)
    if client is None:
        client = clients[url] = redis.asyncio.Redis.from_url(
            url,
            socket_timeout=ASYNC_TIMEOUT_SECONDS,
            socket_connect_timeout=ASYNC_TIMEOUT_SECONDS,
        )
    return client


class _Publisher:
    """PUBLISH on connections of its own: a write's announcement runs before its request answers,
    and the client's `publish` spent more CPU around the round trip than in it (a connection
    taken from the pool with its checks and a retry wrapper: 71-78 µs, against 39-45 for the
    same command on a connection held here; bench/publish.py). The connections are made with the
    client's settings (address, credentials, TLS, timeouts) and kept in a LIFO of idle ones,
    one per thread publishing at a time. A connection that fails is dropped, and a command that
    failed on a reused one (Redis restarted since) is sent once more on a new one, as the
    client's own retry would."""

    def __init__(self, client: redis.Redis) -> None:
        self._pool = client.connection_pool
        self._idle: collections.deque[Any] = collections.deque()  # redis-py's are untyped

    def publish(self, channel: str, data: bytes) -> int:
        for reused in (True, False):
            try:
                connection: Any = self._idle.pop() if reused else self._pool.make_connection()
            except IndexError:
                continue  # none idle: a new one
            try:
                connection.send_command("PUBLISH", channel, data)
                receivers = int(connection.read_response())
            except (redis.ConnectionError, redis.TimeoutError):
                connection.disconnect()
                if reused:
                    continue
                raise
            except BaseException:
                connection.disconnect()
                raise
            self._idle.append(connection)
            return receivers
        raise AssertionError("unreachable: the second attempt returns or raises")


@lru_cache(maxsize=4)
def _publisher(url: str) -> _Publisher:
    return _Publisher(_client(url))


def publish(channel: str, data: bytes) -> int:
    """PUBLISH `data` on `channel` (blocking; REDIS_URL must be set): how many received it."""
    url = get_settings().redis_url
    assert url, "publish needs REDIS_URL"
    return _publisher(url).publish(channel, data)
