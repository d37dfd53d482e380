"""Rate limits shared by every app process: in-memory by default, Redis when REDIS_URL is set.

Built on `limits` with a moving window. `check(limit, *key)` raises TooManyRequests (429 with
Retry-After) when the window is full; `hit(limit, *key)` records one event.
"""

from __future__ import annotations

import math
import time
from functools import lru_cache

from limits import parse
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from core.errors import TooManyRequests
from core.settings import get_settings


@lru_cache(maxsize=1)
def _limiter() -> MovingWindowRateLimiter:
    redis_url = get_settings().redis_url
    storage = storage_from_string(redis_url if redis_url else "memory://")
    assert isinstance(storage, Storage)
    return MovingWindowRateLimiter(storage)


def reset_limiter() -> None:
    """Forgets the limiter (tests and settings changes); stored counters stay in Redis."""
    _limiter.cache_clear()


def check(limit: str, *key: str, detail: str | None = None) -> None:
    item = parse(limit)
    limiter = _limiter()
    if not limiter.test(item, *key):
        reset_at, _remaining = limiter.get_window_stats(item, *key)
        raise TooManyRequests(detail, retry_after=math.ceil(reset_at - time.time()))


def hit(limit: str, *key: str) -> None:
    _limiter().hit(parse(limit), *key)


def clear(limit: str, *key: str) -> None:
    _limiter().clear(parse(limit), *key)
