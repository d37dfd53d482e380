"""Who is online in chat: a user with an open room socket on any app process.

    connect(user, connection, deadline)   a socket opened (or showed life): held until `deadline`
    disconnect(user, connection)          it closed
    online(users, now)                    the users of `users` with a live connection
    allow_typing(room, user, seconds)     True at most once per `seconds` per member and room

With REDIS_URL the connections are a sorted set per user (`trellis:chat:online:<user>`, members
the connection ids, scores their deadlines, the key itself expiring with the newest deadline), so a
process that dies leaves connections that stop counting once their deadline passes; the typing
limit is one `SET NX PX` key per member and room. Without it both live in this process, which is
then the only one serving.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterable

from core.redis_client import get_redis

_ONLINE = "trellis:chat:online:"
_TYPING = "trellis:chat:typing:"

_lock = threading.Lock()
_connections: dict[uuid.UUID, dict[str, float]] = {}
_typing: dict[tuple[uuid.UUID, uuid.UUID], float] = {}


def connect(user_id: uuid.UUID, connection_id: str, deadline: float) -> None:
    """Counts the connection as live until `deadline` (epoch seconds)."""
    client = get_redis()
    if client is None:
        with _lock:
            _connections.setdefault(user_id, {})[connection_id] = deadline
        return
    key = _ONLINE + str(user_id)
    with client.pipeline(transaction=True) as pipe:
        pipe.zadd(key, {connection_id: deadline})
        pipe.zremrangebyscore(key, "-inf", time.time())
        pipe.expireat(key, int(deadline) + 1, gt=True)
        pipe.expireat(key, int(deadline) + 1, nx=True)
        pipe.execute()


def disconnect(user_id: uuid.UUID, connection_id: str) -> bool:
    """Forgets the connection; True when the user still has another live one."""
    now = time.time()
    client = get_redis()
    if client is None:
        with _lock:
            mine = _connections.get(user_id, {})
            mine.pop(connection_id, None)
            live = any(deadline > now for deadline in mine.values())
            if not mine:
                _connections.pop(user_id, None)
            return live
    key = _ONLINE + str(user_id)
    with client.pipeline(transaction=True) as pipe:
        pipe.zrem(key, connection_id)
        pipe.zcount(key, now, "+inf")
        _, count = pipe.execute()
    return bool(count)


def online(user_ids: Iterable[uuid.UUID], now: float | None = None) -> set[uuid.UUID]:
    """The users among `user_ids` with at least one live connection."""
    now = time.time() if now is None else now
    users = list(user_ids)
    client = get_redis()
    if client is None:
        with _lock:
            return {
                user
                for user in users
                if any(deadline > now for deadline in _connections.get(user, {}).values())
            }
    if not users:
        return set()
    with client.pipeline(transaction=False) as pipe:
        for user in users:
            pipe.zcount(_ONLINE + str(user), now, "+inf")
        counts = pipe.execute()
    return {user for user, count in zip(users, counts, strict=True) if count}


def allow_typing(room_id: uuid.UUID, user_id: uuid.UUID, seconds: float) -> bool:
    """True when the member has not been let through within the last `seconds` in this room."""
    client = get_redis()
    if client is None:
        now = time.monotonic()
        with _lock:
            if _typing.get((room_id, user_id), 0.0) > now:
                return False
            _typing[(room_id, user_id)] = now + seconds
            if len(_typing) > 10_000:
                for stale in [pair for pair, until in _typing.items() if until <= now]:
                    del _typing[stale]
            return True
    name = f"{_TYPING}{room_id}:{user_id}"
    return bool(client.set(name, b"1", nx=True, px=max(1, int(seconds * 1000))))
