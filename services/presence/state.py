"""Who is in each room now: one entry per open connection, with a heartbeat deadline.

    put(room, entry, deadline)      a connection joined (or came back after being swept)
    touch(room, connection, ...)    it is alive: push its deadline (and its cursor) forward;
                                    False when the entry is gone (swept meanwhile: put it again)
    remove(room, connection)        it left; True for the one caller that removed it, so "left"
                                    is announced once even when a close and a sweep race
    sweep(now)                      removes every entry whose deadline passed: (room, entry) each
    present(room, now)              the live entries, oldest first

With REDIS_URL every app process shares the entries (a hash per room, `trellis:presence:room:<id>`,
and one sorted set of deadlines, `trellis:presence:deadlines`, members `<room>/<connection>`), so a
process that dies leaves entries the others sweep once their deadline passes. Without it the
entries live in this process, which is then the only one serving.
"""

from __future__ import annotations

import threading
import time
import uuid
from typing import Any

import orjson

from core.redis_client import get_redis

Entry = dict[str, Any]

_ROOM = "trellis:presence:room:"
_DEADLINES = "trellis:presence:deadlines"


def _text(raw: Any) -> str:
    return raw.decode() if isinstance(raw, bytes) else str(raw)


def _member(room_id: uuid.UUID | str, connection_id: str) -> str:
    return f"{room_id}/{connection_id}"


class _Memory:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.rooms: dict[str, dict[str, Entry]] = {}
        self.deadlines: dict[str, float] = {}


_memory = _Memory()


def put(room_id: uuid.UUID, entry: Entry, deadline: float) -> None:
    """Records a connection in a room until `deadline` (epoch seconds)."""
    connection = entry["connection_id"]
    client = get_redis()
    if client is None:
        with _memory.lock:
            _memory.rooms.setdefault(str(room_id), {})[connection] = entry
            _memory.deadlines[_member(room_id, connection)] = deadline
        return
    with client.pipeline(transaction=True) as pipe:
        pipe.hset(_ROOM + str(room_id), connection, orjson.dumps(entry))
        pipe.zadd(_DEADLINES, {_member(room_id, connection): deadline})
        pipe.execute()


def touch(
    room_id: uuid.UUID, connection_id: str, deadline: float, changes: Entry | None = None
) -> bool:
    """Pushes a connection's deadline forward, with `changes` to its entry (cursor, selection);
    False when it is no longer recorded."""
    member = _member(room_id, connection_id)
    client = get_redis()
    if client is None:
        with _memory.lock:
            entry = _memory.rooms.get(str(room_id), {}).get(connection_id)
            if entry is None:
                return False
            entry.update(changes or {})
            _memory.deadlines[member] = deadline
            return True
    if changes:
        raw = client.hget(_ROOM + str(room_id), connection_id)
        if raw is None:
            return False
        entry = {**orjson.loads(raw), **changes}
        with client.pipeline(transaction=True) as pipe:
            pipe.hset(_ROOM + str(room_id), connection_id, orjson.dumps(entry))
            pipe.zadd(_DEADLINES, {member: deadline}, xx=True)
            pipe.execute()
        return True
    with client.pipeline(transaction=True) as pipe:
        pipe.hexists(_ROOM + str(room_id), connection_id)
        pipe.zadd(_DEADLINES, {member: deadline}, xx=True)
        exists, _ = pipe.execute()
    return bool(exists)


def remove(room_id: uuid.UUID | str, connection_id: str) -> Entry | None:
    """Forgets a connection; its entry for the one caller that removed it, else None."""
    member = _member(room_id, connection_id)
    client = get_redis()
    if client is None:
        with _memory.lock:
            _memory.deadlines.pop(member, None)
            entries = _memory.rooms.get(str(room_id), {})
            entry = entries.pop(connection_id, None)
            if not entries:
                _memory.rooms.pop(str(room_id), None)
            return entry
    with client.pipeline(transaction=True) as pipe:
        pipe.hget(_ROOM + str(room_id), connection_id)
        pipe.hdel(_ROOM + str(room_id), connection_id)
        pipe.zrem(_DEADLINES, member)
        raw, removed, _ = pipe.execute()
    return orjson.loads(raw) if removed and raw is not None else None


def sweep(now: float | None = None) -> list[tuple[str, Entry]]:
    """Removes the connections whose deadline passed: (room id, entry) of each this call removed."""
    now = time.time() if now is None else now
    client = get_redis()
    if client is None:
        with _memory.lock:
            due = [member for member, deadline in _memory.deadlines.items() if deadline <= now]
    else:
        due = [_text(raw) for raw in client.zrangebyscore(_DEADLINES, "-inf", now)]
    gone = []
    for member in due:
        room_id, _, connection_id = member.partition("/")
        entry = remove(room_id, connection_id)
        if entry is not None:
            gone.append((room_id, entry))
        elif client is not None:
            client.zrem(_DEADLINES, member)
    return gone


def present(room_id: uuid.UUID, now: float | None = None) -> list[Entry]:
    """The room's connections whose deadline has not passed, oldest first."""
    now = time.time() if now is None else now
    client = get_redis()
    if client is None:
        with _memory.lock:
            entries = list(_memory.rooms.get(str(room_id), {}).values())
            live = [
                dict(entry)
                for entry in entries
                if _memory.deadlines.get(_member(room_id, entry["connection_id"]), 0) > now
            ]
    else:
        raw = client.hgetall(_ROOM + str(room_id))
        entries = [orjson.loads(value) for value in raw.values()]
        if not entries:
            return []
        members = [_member(room_id, entry["connection_id"]) for entry in entries]
        deadlines = client.zmscore(_DEADLINES, members)
        live = [
            entry
            for entry, deadline in zip(entries, deadlines, strict=True)
            if deadline is not None and deadline > now
        ]
    return sorted(live, key=lambda entry: (entry["joined_at"], entry["connection_id"]))
