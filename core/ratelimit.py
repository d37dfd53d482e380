"""Rate limits shared by every app process: in-memory by default, Redis when REDIS_URL is set.

Built on `limits` with a moving window. `check(limit, *key)` raises TooManyRequests (429 with
Retry-After) when the window is full; `hit(limit, *key)` records one event; `consume(limit, *key)`
records one and reports the window, for answers that carry RateLimit headers.

`reserve(limit, *key)` guards costly work that an attacker would run in parallel (a password
check): it counts the attempt atomically BEFORE the work (a moving window in a Redis sorted set,
checked and added by one Lua script, or under a lock in process) and refuses the attempt past
the limit, so 20 simultaneous attempts against 10/minute run the work at most 10 times, where a
check-then-record pair let all 20 through. `release()` gives a reservation back when the attempt
should not count (a login that succeeded).
"""

from __future__ import annotations

import math
import threading
import time
import uuid
from dataclasses import dataclass
from functools import lru_cache

from limits import parse
from limits.storage import Storage, storage_from_string
from limits.strategies import MovingWindowRateLimiter

from core.errors import TooManyRequests
from core.redis_client import get_redis
from core.settings import get_settings


@lru_cache(maxsize=1)
def _limiter() -> MovingWindowRateLimiter:
    redis_url = get_settings().redis_url
    storage = storage_from_string(redis_url if redis_url else "memory://")
    assert isinstance(storage, Storage)
    return MovingWindowRateLimiter(storage)


def reset_limiter() -> None:
    """Forgets the limiter and the in-process reservations (tests and settings changes); stored
    counters stay in Redis."""
    _limiter.cache_clear()
    with _local_lock:
        _local_counts.clear()


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


_RESERVE_PREFIX = "trellis:reserve:"
_local_lock = threading.Lock()
#: In-process reservations: key -> {reservation id: time reserved}.
_local_counts: dict[str, dict[str, float]] = {}
#: A moving window in a sorted set (reservation id scored by time), checked and added in one
#: step: -1 when reserved, else the time of the oldest reservation still in the window.
_RESERVE_SCRIPT = """
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tonumber(ARGV[2]))
if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[3]) then
  redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
  redis.call('PEXPIRE', KEYS[1], math.ceil(tonumber(ARGV[2]) * 1000))
  return '-1'
end
return redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')[2]
"""


@dataclass(frozen=True)
class Reservation:
    """One attempt counted by `reserve`; `release()` gives it back."""

    key: str
    id: str

    def release(self) -> None:
        redis = get_redis()
        if redis is not None:
            redis.zrem(self.key, self.id)
            return
        with _local_lock:
            _local_counts.get(self.key, {}).pop(self.id, None)


def reserve(
    limit: str,
    *key: str,
    detail: str | None = None,
    error: type[TooManyRequests] = TooManyRequests,
) -> Reservation:
    """Counts one attempt against `limit` (a moving window) before the work it guards; raises
    `error` (429, Retry-After until the oldest attempt leaves the window) when it is full."""
    item = parse(limit)
    period = item.get_expiry()
    now = time.time()
    name = f"{_RESERVE_PREFIX}{item.amount}/{period}:" + ":".join(key)
    reservation = Reservation(key=name, id=uuid.uuid4().hex)
    redis = get_redis()
    if redis is not None:
        found = redis.eval(_RESERVE_SCRIPT, 1, name, now, period, item.amount, reservation.id)
        oldest = float(found)
    else:
        with _local_lock:
            if len(_local_counts) > 10_000:  # keys nobody tried for a while
                for idle in [
                    k
                    for k, v in _local_counts.items()
                    if max(v.values(), default=0) <= now - max(period, 86_400)
                ]:
                    del _local_counts[idle]
            held = _local_counts.setdefault(name, {})
            for stale in [r for r, at in held.items() if at <= now - period]:
                del held[stale]
            oldest = min(held.values()) if len(held) >= item.amount else -1.0
            if oldest < 0:
                held[reservation.id] = now
    if oldest >= 0:
        raise error(detail, retry_after=math.ceil(oldest + period - now))
    return reservation
