"""Where cookie sessions live: the database by default, Redis when REDIS_URL is set.

Both stores keep the same record (a revoked session stays readable, marked revoked, until it
would have expired anyway) so every rule in services.sessions reads the same on either. In Redis
a record is one key that expires by itself at the session's idle or absolute deadline, with an
index by session id and a set per user; the database store is the `sessions_sessions` table.
Writes to the database store join the request's transaction; Redis writes apply at once.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

import orjson
import redis
from sqlalchemy import insert, select, update
from sqlalchemy.orm import Session

from core.db import get_engine, read_connection
from core.redis_client import get_redis
from core.settings import get_settings
from db.models.sessions import BrowserSession

#: How stale last_seen_at (and so the idle timeout) may get: the price of not writing per request.
LAST_SEEN_GRANULARITY = timedelta(seconds=60)
#: Listing reads at most this many live sessions of one user (newest first).
MAX_LISTED = 1000


@dataclass(frozen=True)
class SessionRecord:
    id: uuid.UUID
    user_id: uuid.UUID
    token_hash: str
    role: str
    user_agent: str | None
    client_address: str | None
    created_at: datetime
    last_seen_at: datetime
    expires_at: datetime
    revoked_at: datetime | None = None

    def ends_at(self) -> datetime:
        """The idle or the absolute deadline, whichever comes first."""
        idle = timedelta(seconds=get_settings().session_idle_timeout_seconds)
        return min(self.last_seen_at + idle, self.expires_at)

    def live(self, now: datetime) -> bool:
        return self.revoked_at is None and self.ends_at() > now


class SessionStore(Protocol):
    def add(self, db: Session, record: SessionRecord) -> None: ...
    def find(self, token_hash: str) -> SessionRecord | None: ...
    def find_in(self, db: Session, token_hash: str) -> SessionRecord | None: ...
    def get(self, db: Session, session_id: uuid.UUID) -> SessionRecord | None: ...
    def touch(self, record: SessionRecord, now: datetime) -> None: ...
    def revoke(self, db: Session, record: SessionRecord, now: datetime) -> None: ...
    def revoke_all(self, db: Session, user_id: uuid.UUID, now: datetime) -> None: ...
    def live_sessions(
        self, db: Session, user_id: uuid.UUID, now: datetime
    ) -> list[SessionRecord]: ...
    def rotate(self, old: SessionRecord, new: SessionRecord, now: datetime) -> bool: ...


def _record(row: BrowserSession) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        user_id=row.user_id,
        token_hash=row.token_hash,
        role=row.role,
        user_agent=row.user_agent,
        client_address=row.client_address,
        created_at=row.created_at,
        last_seen_at=row.last_seen_at,
        expires_at=row.expires_at,
        revoked_at=row.revoked_at,
    )


class DatabaseStore:
    def add(self, db: Session, record: SessionRecord) -> None:
        db.execute(insert(BrowserSession).values(**asdict(record)))

    def find(self, token_hash: str) -> SessionRecord | None:
        # Runs before the request's transaction, on every cookie request: one autocommit read.
        with read_connection(own=True) as connection:
            row = connection.execute(
                select(BrowserSession.__table__).where(BrowserSession.token_hash == token_hash)
            ).first()
        return SessionRecord(**row._asdict()) if row is not None else None

    def find_in(self, db: Session, token_hash: str) -> SessionRecord | None:
        """Inside the request's transaction (SQLite allows one writer: no second connection)."""
        row = db.scalars(
            select(BrowserSession).where(BrowserSession.token_hash == token_hash)
        ).first()
        return _record(row) if row is not None else None

    def get(self, db: Session, session_id: uuid.UUID) -> SessionRecord | None:
        row = db.get(BrowserSession, session_id)
        return _record(row) if row is not None else None

    def touch(self, record: SessionRecord, now: datetime) -> None:
        stale = now - LAST_SEEN_GRANULARITY
        with get_engine().begin() as connection:
            connection.execute(
                update(BrowserSession)
                .where(BrowserSession.id == record.id, BrowserSession.last_seen_at < stale)
                .values(last_seen_at=now)
            )

    def revoke(self, db: Session, record: SessionRecord, now: datetime) -> None:
        db.execute(
            update(BrowserSession)
            .where(BrowserSession.id == record.id, BrowserSession.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    def revoke_all(self, db: Session, user_id: uuid.UUID, now: datetime) -> None:
        db.execute(
            update(BrowserSession)
            .where(BrowserSession.user_id == user_id, BrowserSession.revoked_at.is_(None))
            .values(revoked_at=now)
        )

    def live_sessions(self, db: Session, user_id: uuid.UUID, now: datetime) -> list[SessionRecord]:
        idle = timedelta(seconds=get_settings().session_idle_timeout_seconds)
        rows = db.scalars(
            select(BrowserSession)
            .where(
                BrowserSession.user_id == user_id,
                BrowserSession.revoked_at.is_(None),
                BrowserSession.expires_at > now,
                BrowserSession.last_seen_at > now - idle,
            )
            .order_by(BrowserSession.created_at.desc(), BrowserSession.id.desc())
            .limit(MAX_LISTED)
        )
        return [_record(row) for row in rows]

    def rotate(self, old: SessionRecord, new: SessionRecord, now: datetime) -> bool:
        with get_engine().begin() as connection:
            revoked = connection.execute(
                update(BrowserSession)
                .where(BrowserSession.id == old.id, BrowserSession.revoked_at.is_(None))
                .values(revoked_at=now)
            ).rowcount
            if revoked:
                connection.execute(insert(BrowserSession).values(**asdict(new)))
        return bool(revoked)


class RedisStore:
    PREFIX = "trellis:sessions:"

    def __init__(self, client: redis.Redis) -> None:
        self.redis = client

    def _key(self, token_hash: str) -> str:
        return f"{self.PREFIX}s:{token_hash}"

    def _id_key(self, session_id: uuid.UUID) -> str:
        return f"{self.PREFIX}id:{session_id}"

    def _user_key(self, user_id: uuid.UUID) -> str:
        return f"{self.PREFIX}u:{user_id}"

    @staticmethod
    def _ttl(record: SessionRecord, now: datetime) -> int:
        return max(1, int((record.ends_at() - now).total_seconds()) + 1)

    @staticmethod
    def _dump(record: SessionRecord) -> bytes:
        return orjson.dumps(asdict(record))

    @staticmethod
    def _load(raw: bytes | None) -> SessionRecord | None:
        if raw is None:
            return None
        data = orjson.loads(raw)
        for name in ("created_at", "last_seen_at", "expires_at", "revoked_at"):
            if data[name] is not None:
                data[name] = datetime.fromisoformat(data[name])
        data["id"], data["user_id"] = uuid.UUID(data["id"]), uuid.UUID(data["user_id"])
        return SessionRecord(**data)

    def _write(self, pipe: redis.client.Pipeline, record: SessionRecord, now: datetime) -> None:
        ttl = self._ttl(record, now)
        absolute = max(1, int((record.expires_at - now).total_seconds()) + 1)
        pipe.set(self._key(record.token_hash), self._dump(record), ex=ttl)
        pipe.set(self._id_key(record.id), record.token_hash, ex=absolute)
        pipe.sadd(self._user_key(record.user_id), record.token_hash)
        pipe.expire(self._user_key(record.user_id), absolute, gt=True)
        pipe.expire(self._user_key(record.user_id), absolute, nx=True)

    def add(self, db: Session, record: SessionRecord) -> None:
        pipe = self.redis.pipeline()
        self._write(pipe, record, record.created_at)
        pipe.execute()

    def find(self, token_hash: str) -> SessionRecord | None:
        return self._load(self.redis.get(self._key(token_hash)))  # type: ignore[arg-type]

    def find_in(self, db: Session, token_hash: str) -> SessionRecord | None:
        return self.find(token_hash)

    def get(self, db: Session, session_id: uuid.UUID) -> SessionRecord | None:
        token_hash = self.redis.get(self._id_key(session_id))
        return self.find(token_hash.decode()) if token_hash else None  # type: ignore[union-attr]

    def touch(self, record: SessionRecord, now: datetime) -> None:
        moved = replace(record, last_seen_at=now)
        self.redis.set(
            self._key(record.token_hash), self._dump(moved), ex=self._ttl(moved, now), xx=True
        )

    def revoke(self, db: Session, record: SessionRecord, now: datetime) -> None:
        if record.revoked_at is None:
            ended = replace(record, revoked_at=now)
            self.redis.set(self._key(record.token_hash), self._dump(ended), xx=True, keepttl=True)

    def revoke_all(self, db: Session, user_id: uuid.UUID, now: datetime) -> None:
        for record in self.live_sessions(db, user_id, now):
            self.revoke(db, record, now)

    def live_sessions(self, db: Session, user_id: uuid.UUID, now: datetime) -> list[SessionRecord]:
        hashes = [h.decode() for h in self.redis.smembers(self._user_key(user_id))]  # type: ignore[union-attr]
        if not hashes:
            return []
        raws = self.redis.mget([self._key(h) for h in hashes])
        gone = [h for h, raw in zip(hashes, raws, strict=True) if raw is None]
        if gone:
            self.redis.srem(self._user_key(user_id), *gone)
        records = [r for r in map(self._load, raws) if r is not None and r.live(now)]  # type: ignore[arg-type]
        records.sort(key=lambda r: (r.created_at, r.id), reverse=True)
        return records[:MAX_LISTED]

    def rotate(self, old: SessionRecord, new: SessionRecord, now: datetime) -> bool:
        # Of concurrent requests only the one that takes the claim rotates.
        if not self.redis.set(f"{self.PREFIX}rotating:{old.token_hash}", 1, nx=True, ex=60):
            return False
        pipe = self.redis.pipeline()
        pipe.set(
            self._key(old.token_hash),
            self._dump(replace(old, revoked_at=now)),
            xx=True,
            keepttl=True,
        )
        self._write(pipe, new, now)
        pipe.execute()
        return True


def get_store() -> SessionStore:
    client = get_redis()
    return RedisStore(client) if client is not None else DatabaseStore()
