"""Rate limits shared by every app process: in-memory by default, Redis when REDIS_URL is set.

Built on `limits` with a moving window. `check(limit, *key)` raises TooManyRequests (429 with
Retry-After) when the window is full; `hit(limit, *key)` records one event; `consume(limit, *key)`
records one and reports the window, for answers that carry RateLimit headers.
"""

from __future__ import annotations

import math
import time
from dataclasses import dataclass
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


def check(
    limit: str,
    *key: str,
    detail: str | None = None,
    error: type[TooManyRequests] = TooManyRequests,
) -> None:
    item = parse(limit)
    limiter = _limiter()
    if not limiter.test(item, *key):
        reset_at, _remaining = limiter.get_window_stats(item, *key)
        raise error(detail, retry_after=math.ceil(reset_at - time.time()))


def hit(limit: str, *key: str) -> bool:
    """Records one event; False when the window was already full (nothing recorded)."""
    return bool(_limiter().hit(parse(limit), *key))


@dataclass(frozen=True)
class Window:
    allowed: bool
    limit: int
    remaining: int
    #: Seconds until the window has room again (at least 1).
    reset_after: int

    def headers(self) -> dict[str, str]:
        """RateLimit-Limit / -Remaining / -Reset, as in the IETF RateLimit header fields draft."""
        return {
            "RateLimit-Limit": str(self.limit),
            "RateLimit-Remaining": str(self.remaining),
            "RateLimit-Reset": str(self.reset_after),
        }


def consume(limit: str, *key: str) -> Window:
    """Records one event if the window has room, and reports the window either way."""
    item = parse(limit)
    limiter = _limiter()
    allowed = limiter.hit(item, *key)
    reset_at, remaining = limiter.get_window_stats(item, *key)
    return Window(
        allowed=bool(allowed),
        limit=item.amount,
        remaining=max(0, remaining),
        reset_after=max(1, math.ceil(reset_at - time.time())),
    )


def clear(limit: str, *key: str) -> None:
    _limiter().clear(parse(limit), *key)
