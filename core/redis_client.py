"""The process's Redis connection pool, when REDIS_URL is set (None otherwise)."""

from __future__ import annotations

from functools import lru_cache

import redis

from core.settings import get_settings


@lru_cache(maxsize=4)
def _client(url: str) -> redis.Redis:
    return redis.Redis.from_url(url, socket_timeout=5, socket_connect_timeout=5)


def get_redis() -> redis.Redis | None:
    url = get_settings().redis_url
    return _client(url) if url else None
