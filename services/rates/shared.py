"""The snapshot cache in Redis, in front of the database's, when REDIS_URL is set: a fresh
snapshot is then served with one GET and no database work. The database stays the truth (and
holds the leases): a snapshot is written here only after it committed there, a miss or a Redis
error falls back to the database, and an entry expires when the database's copy could no
longer be served anyway."""

from __future__ import annotations

import json
from datetime import date, datetime

import redis
import structlog

from core.redis_client import get_redis
from services.rates.settings import rates_settings

log = structlog.get_logger("trellis.rates")

KEY = "trellis:rates:{}"
#: A past day never changes; its entry still leaves Redis after a while unused.
FINAL_TTL_SECONDS = 7 * 24 * 3600


def get(key: str) -> dict[str, object] | None:
    """The cached snapshot's fields under `key`, or None (no Redis, a miss, an error)."""
    client = get_redis()
    if client is None:
        return None
    try:
        raw = client.get(KEY.format(key))
    except redis.RedisError as exc:
        log.warning("rates: Redis read failed, reading the database", error=str(exc))
        return None
    if raw is None:
        return None
    fields: dict[str, object] = json.loads(raw)
    fields["published_on"] = date.fromisoformat(str(fields["published_on"]))
    fields["fetched_at"] = datetime.fromisoformat(str(fields["fetched_at"]))
    return fields


def put(key: str, fields: dict[str, object]) -> None:
    """Keeps a committed snapshot in Redis until the database's copy could no longer be served."""
    client = get_redis()
    if client is None:
        return
    settings = rates_settings()
    if fields["final"]:
        ttl = FINAL_TTL_SECONDS
    else:
        fetched_at = fields["fetched_at"]
        assert isinstance(fetched_at, datetime)
        servable = settings.ttl_seconds + max(
            settings.max_stale_seconds, settings.stale_if_error_seconds
        )
        ttl = int(servable - (datetime.now(fetched_at.tzinfo) - fetched_at).total_seconds())
        if ttl <= 0:
            return
    value = json.dumps({**fields}, default=lambda value: value.isoformat())
    try:
        client.set(KEY.format(key), value, ex=ttl)
    except redis.RedisError as exc:
        log.warning("rates: Redis write failed (the database has the snapshot)", error=str(exc))
