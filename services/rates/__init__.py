"""Rates: exchange rates from a provider, cached, with decimal conversion.

Rules:
- A snapshot is one base currency's rates for one day, or the latest ones; the cache keys it
  `<base>:latest` or `<base>:<YYYY-MM-DD>` and shares it with every user.
- Freshness (`classify`): a past day's snapshot never changes (`final`) and is always fresh.
  Others are fresh for RATES_TTL_SECONDS; then, for RATES_MAX_STALE_SECONDS, served at once,
  flagged stale, while one refresh runs in the background (stale-while-revalidate); older ones,
  and missing ones, are fetched during the request.
- Exactly one caller asks the provider for a key at a time, across every process: the caller
  holding its lease (`take_lease`: a conditional UPDATE, so concurrent takers have one winner;
  the lease remembers the snapshot it produced, so a request that saw an older one cannot start
  the same refresh again). Other requests needing that key wait for the snapshot (one waiter per
  process polls the database, the others queue behind it on a lock) or, for a stale one, are
  served it at once.
- A failed call keeps the lease for RATES_RETRY_AFTER_FAILURE_SECONDS with the failure written
  on it: requests meanwhile get the same answer without calling the provider again (and after
  an unavailable or timed-out call, the process asks it for no key at all: `_Breaker`). The answer
  is the last snapshot, flagged stale, if it is stale by at most RATES_STALE_IF_ERROR_SECONDS;
  else 502 (`/problems/upstream-unavailable`), 504 (`/problems/upstream-timeout`), or 422 for a
  currency the provider does not know (`/problems/rates/unknown-currency`).
- With REDIS_URL, committed snapshots are also kept in Redis (services.rates.shared), so a fresh
  one is served with one GET and no database work; leases stay in the database, which works
  alone.
- A base must be an ISO 4217 code (services.rates.currencies) before the provider is asked.
- Dates run from RATES_EARLIEST_DATE to today (UTC); others are 422
  (`/problems/rates/date-out-of-range`), or 404 where the day is the address
  (`/problems/rates/day-not-found`).
- Conversion: Decimal arithmetic throughout, the result rounded half up to the minor unit of the
  target currency (ISO 4217).

The provider is called outside any transaction, so a slow provider never holds a database lock:
each call runs between two short units of work (core.callout: the lease taken, then the store
or the failure), and `serve_snapshot` reads the cache in short reads of its own (it polls one
while another process fetches) instead of running in the request's one.
"""

from __future__ import annotations

import dataclasses
import enum
import json
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, wait
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import ROUND_HALF_UP, Decimal, localcontext

import structlog
from sqlalchemy import update
from sqlalchemy.orm import Session

from core.callout import Done, read_call_write
from core.db import transaction, utcnow
from core.errors import DomainError, NotFound, RuleViolated, UpstreamTimeout, UpstreamUnavailable
from core.leases import hold_keyed_lease, release_keyed_lease, take_keyed_lease
from core.rows import insert_ignoring_duplicates
from core.settings import get_settings
from db.models.rates import RatesLease, RatesSnapshot
from services.rates import provider, shared
from services.rates.currencies import KNOWN, minor_unit
from services.rates.provider import Published, UnknownCurrency
from services.rates.settings import RatesSettings, rates_settings

__all__ = ["RatesSettings", "UnknownCurrency"]

log = structlog.get_logger("trellis.rates")

#: How often the one waiter of a process looks for a snapshot another process is fetching.
POLL_SECONDS = 0.05
#: A lease outlives the provider call it covers by this much (the store after it).
LEASE_MARGIN_SECONDS = 5.0
_FAILURES: dict[str, type[DomainError]] = {
    "timeout": UpstreamTimeout,
    "unavailable": UpstreamUnavailable,
    "unknown-currency": UnknownCurrency,
}


class DateOutOfRange(
    RuleViolated, type="/problems/rates/date-out-of-range", title="Date out of range"
):
    """The date is after today (UTC) or before the provider's first day."""


class DayNotFound(NotFound, type="/problems/rates/day-not-found", title="No rates for this day"):
    """A day asked for by its address (GET /rates/dates/{date}) outside the provider's range."""


class Freshness(enum.Enum):
    FRESH = "fresh"
    STALE = "stale"  # served at once while one refresh runs
    EXPIRED = "expired"  # fetched during the request


@dataclass(frozen=True)
class Snapshot:
    """A cached snapshot, detached from its session."""

    key: str
    base: str
    published_on: date
    rates: dict[str, str]
    fetched_at: datetime
    final: bool


@dataclass(frozen=True)
class Served:
    """A snapshot and how it was served: the `Cache-Status` and `Age` of the answer."""

    snapshot: Snapshot
    cache_status: str
    age: int
    stale: bool


@dataclass(frozen=True)
class Conversion:
    source: str
    target: str
    amount: str
    rate: str
    result: str
    served: Served


def snapshot_key(base: str, day: date | None) -> str:
    return f"{base}:{'latest' if day is None else day.isoformat()}"


def parse_day(text: str) -> date:
    """The day a YYYY-MM-DD string names; DateOutOfRange for one the calendar lacks (year 0)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise DateOutOfRange(f"{text} is not a day rates can exist for") from None


def check_day(day: date, *, today: date | None = None) -> None:
    """Raises DateOutOfRange unless `day` is between RATES_EARLIEST_DATE and today (UTC)."""
    today = today or utcnow().date()
    earliest = rates_settings().earliest_date
    if not earliest <= day <= today:
        raise DateOutOfRange(
            f"rates exist from {earliest} to today ({today}, UTC); {day} is not in that range"
        )


def classify(snapshot: Snapshot, *, now: datetime) -> Freshness:
    """Whether a snapshot is served as it is, served while refreshed, or fetched again."""
    if snapshot.final:
        return Freshness.FRESH
    settings = rates_settings()
    age = (now - snapshot.fetched_at).total_seconds()
    if age <= settings.ttl_seconds:
        return Freshness.FRESH
    if age <= settings.ttl_seconds + settings.max_stale_seconds:
        return Freshness.STALE
    return Freshness.EXPIRED


def read_snapshot(session: Session, *, key: str) -> Snapshot | None:
    """The cached snapshot under `key`, if any."""
    row = session.get(RatesSnapshot, key)
    if row is None:
        return None
    return Snapshot(
        key=row.key,
        base=row.base,
        published_on=row.published_on,
        rates=json.loads(row.rates),
        fetched_at=row.fetched_at,
        final=row.final,
    )


@dataclass(frozen=True)
class Cached:
    """One key's cache entry and lease, read together."""

    snapshot: Snapshot | None
    #: The lease's `refreshed_at`: what `take_lease` compares against.
    refreshed_at: datetime | None
    #: The lease is held (a call is running, or a failure is being remembered) ...
    held: bool
    #: ... and this is why the last call failed, if it did.
    failure: str | None


def read_cached(session: Session, *, key: str, now: datetime | None = None) -> Cached:
    """The snapshot under `key`, if any, and the state of its lease."""
    lease = session.get(RatesLease, key)
    held = lease is not None and lease.leased_until > (now or utcnow())
    return Cached(
        snapshot=read_snapshot(session, key=key),
        refreshed_at=lease.refreshed_at if lease is not None else None,
        held=held,
        failure=lease.failure if lease is not None and held else None,
    )


def take_lease(
    session: Session, *, key: str, seen: datetime | None, now: datetime | None = None
) -> str | None:
    """The right to ask the provider for `key` now: a holder id, or None when another caller
    holds it or has stored a snapshot since the caller read the lease's `refreshed_at` (`seen`)."""
    now = now or utcnow()
    until = now + timedelta(seconds=_lease_seconds())
    return take_keyed_lease(session, RatesLease, key=key, seen=seen, until=until, now=now)


def store_snapshot(
    session: Session, *, key: str, day: date | None, published: Published, holder: str
) -> Snapshot:
    """Stores what the provider answered under `key` and releases the holder's lease."""
    now = utcnow()
    stored = Snapshot(
        key=key,
        base=published.base,
        published_on=published.published_on,
        rates=published.rates,
        fetched_at=now,
        final=day is not None and day < now.date(),
    )
    values = {
        "base": stored.base,
        "published_on": stored.published_on,
        "rates": json.dumps(stored.rates),
        "fetched_at": now,
        "final": stored.final,
    }
    if not insert_ignoring_duplicates(session, RatesSnapshot, key=key, **values):
        session.execute(update(RatesSnapshot).where(RatesSnapshot.key == key).values(values))
    release_keyed_lease(session, RatesLease, key=key, holder=holder, refreshed_at=now)
    return stored


def record_failure(session: Session, *, key: str, holder: str, failure: str) -> None:
    """Keeps the holder's lease for RATES_RETRY_AFTER_FAILURE_SECONDS, with why it failed."""
    until = utcnow() + timedelta(seconds=rates_settings().retry_after_failure_seconds)
    hold_keyed_lease(session, RatesLease, key=key, holder=holder, until=until, failure=failure)


def serve_snapshot(*, base: str, day: date | None) -> Served:
    """`base`'s snapshot of `day` (the latest when None) by the rules above. Opens its own units
    of work: call it outside any transaction."""
    if base not in KNOWN:
        raise UnknownCurrency(f"{base} is not an ISO 4217 currency code")
    if day is not None:
        check_day(day)
    key = snapshot_key(base, day)
    kept = shared.get(key)  # Redis, when configured: a fresh snapshot without the database
    if kept is not None:
        snapshot, now = Snapshot(key=key, **kept), utcnow()  # type: ignore[arg-type]
        if classify(snapshot, now=now) is Freshness.FRESH:
            return _served(snapshot, now, "hit")
    with transaction(write=False) as session:
        cached = read_cached(session, key=key)
    if kept is None and cached.snapshot is not None:
        _share(cached.snapshot)
    return _from_cache(key, base, day, cached) or _fetch_once(key, base, day)


def serve_day(*, base: str, text: str) -> Served:
    """The snapshot of the day `text` names (YYYY-MM-DD); DayNotFound for a day outside the
    provider's range, which has no rates to address."""
    try:
        day = parse_day(text)
        check_day(day)
    except DateOutOfRange as exc:
        raise DayNotFound(exc.detail) from None
    return serve_snapshot(base=base, day=day)


def pick(served: Served, symbols: list[str] | None) -> dict[str, str]:
    """The snapshot's rates, only `symbols` when given; UnknownCurrency for one it lacks."""
    rates = served.snapshot.rates
    if not symbols:
        return rates
    missing = sorted({code for code in symbols if code not in rates})
    if missing:
        raise UnknownCurrency(
            f"the {served.snapshot.base} snapshot has no rate for {', '.join(missing)}"
        )
    return {code: rates[code] for code in sorted(set(symbols))}


def convert(*, source: str, target: str, amount: str, day: date | None) -> Conversion:
    """`amount` of `source` in `target` at the day's rate, rounded half up to the minor unit of
    `target`."""
    served = serve_snapshot(base=source, day=day)
    rate = "1" if target == source else pick(served, [target])[target]
    with localcontext() as context:
        context.prec = 60  # 25 digits of amount times any rate, exactly
        exact = Decimal(amount) * Decimal(rate)
        unit = Decimal(1).scaleb(-minor_unit(target))
        result = exact.quantize(unit, rounding=ROUND_HALF_UP)
    return Conversion(
        source=source,
        target=target,
        amount=amount,
        rate=rate,
        result=format(result, "f"),
        served=served,
    )


# --- single flight -------------------------------------------------------------------------

# Requests of one process needing the same key queue here, so one of them polls the database
# while another process fetches; striped, so the table of locks stays bounded.
_STRIPES = [threading.Lock() for _ in range(64)]
_in_flight: set[str] = set()
_in_flight_lock = threading.Lock()
_background: list[Future[None]] = []
_executor: ThreadPoolExecutor | None = None


class _Breaker:
    """The provider failing for one snapshot is failing for all of them: after an unavailable
    or timed-out call, this process asks it nothing for RATES_RETRY_AFTER_FAILURE_SECONDS (each
    process learns it from its own call)."""

    def __init__(self) -> None:
        self._until = 0.0
        self._failure = ""

    def trip(self, failure: str) -> None:
        self._failure = failure
        self._until = time.monotonic() + rates_settings().retry_after_failure_seconds

    def failure(self) -> str | None:
        return self._failure if time.monotonic() < self._until else None

    def reset(self) -> None:
        self._until = 0.0


_breaker = _Breaker()


def forget_failures() -> None:
    """Closes this process's breaker (tests: each starts with a working provider)."""
    _breaker.reset()


def _share(snapshot: Snapshot) -> None:
    fields = dataclasses.asdict(snapshot)
    del fields["key"]
    shared.put(snapshot.key, fields)


def _lease_seconds() -> float:
    return get_settings().outbound_total_timeout_seconds + LEASE_MARGIN_SECONDS


def _served(snapshot: Snapshot, now: datetime, status: str, *, detail: str | None = None) -> Served:
    age = max(0, int((now - snapshot.fetched_at).total_seconds()))
    if snapshot.final:
        return Served(snapshot, f"Trellis; {status}", age, stale=False)
    ttl = int(rates_settings().ttl_seconds) - age
    parts = ["Trellis", status, f"ttl={ttl}"]
    if detail:
        parts.append(f"detail={detail}")
    return Served(snapshot, "; ".join(parts), age, stale=detail is not None)


def _from_cache(key: str, base: str, day: date | None, cached: Cached) -> Served | None:
    """The answer the cache gives (starting a background refresh of a stale snapshot), or
    None when the snapshot must be fetched during the request."""
    snapshot, now = cached.snapshot, utcnow()
    if snapshot is None:
        return None
    freshness = classify(snapshot, now=now)
    if freshness is Freshness.FRESH:
        return _served(snapshot, now, "hit")
    if freshness is Freshness.STALE:
        if not cached.held:
            _revalidate_in_background(key, base, day, cached)
        return _served(snapshot, now, "hit", detail="stale-while-revalidate")
    return None


def _fetch_once(key: str, base: str, day: date | None) -> Served:
    """Fetches `key` during the request, once across every process: the lease holder asks the
    provider, everyone else waits for what it stores (or the failure it records)."""
    deadline = time.monotonic() + _lease_seconds() + LEASE_MARGIN_SECONDS
    with _STRIPES[hash(key) % len(_STRIPES)]:
        while True:
            with transaction(write=False) as session:
                cached = read_cached(session, key=key)
            served = _from_cache(key, base, day, cached)
            if served is not None:
                return served  # stored meanwhile, by another request
            if cached.failure is not None:
                error = _FAILURES[cached.failure](_FAILED_DETAIL[cached.failure])
                return _stale_if_error(error, cached.snapshot)
            open_breaker = _breaker.failure()
            if open_breaker is not None:
                error = _FAILURES[open_breaker](_FAILED_DETAIL[open_breaker])
                return _stale_if_error(error, cached.snapshot)
            if not cached.held:
                served = _fetch_and_store(key, base, day, cached.snapshot, _taking(key, cached))
                if served is not None:
                    return served
            if time.monotonic() > deadline:
                raise UpstreamTimeout("the rates provider did not answer in time")
            time.sleep(POLL_SECONDS)  # another process is asking the provider


def _taking(key: str, cached: Cached) -> Callable[[Session], str | Done[Served | None]]:
    """Takes `key`'s lease: the holder id, or Done(None) when another caller has it."""

    def take(session: Session) -> str | Done[Served | None]:
        holder = take_lease(session, key=key, seen=cached.refreshed_at)
        return Done(None) if holder is None else holder

    return take


def _fetch_and_store(
    key: str,
    base: str,
    day: date | None,
    previous: Snapshot | None,
    lease: Callable[[Session], str | Done[Served | None]],
) -> Served | None:
    """Under the lease `lease` takes (or None when it was not taken): the provider asked with
    no transaction open, then the snapshot stored or the failure recorded on the lease
    (core.callout)."""

    def store(session: Session, holder: str, published: Published) -> Served | None:
        stored = store_snapshot(session, key=key, day=day, published=published, holder=holder)
        status = "fwd=uri-miss" if previous is None else "fwd=stale"
        return _served(stored, stored.fetched_at, f"{status}; stored")

    def failed(session: Session, holder: str, error: Exception) -> Done[Served | None] | None:
        assert isinstance(error, DomainError)
        failure = _failure_name(error)
        if failure != "unknown-currency":
            _breaker.trip(failure)
        record_failure(session, key=key, holder=holder, failure=failure)
        try:
            return Done(_stale_if_error(error, previous))
        except DomainError:
            return None

    served = read_call_write(
        lease,
        lambda _holder: provider.fetch_rates(base=base, day=day),
        store,
        failures=(UpstreamUnavailable, UnknownCurrency),
        recover=failed,
        read_writes=True,
    )
    if served is not None and not served.stale:
        _share(served.snapshot)
    return served


def _stale_if_error(error: DomainError, snapshot: Snapshot | None) -> Served:
    """The last snapshot in place of the provider's failure, if it is recent enough."""
    now = utcnow()
    if snapshot is not None and not isinstance(error, UnknownCurrency):
        settings = rates_settings()
        age = (now - snapshot.fetched_at).total_seconds()
        if age <= settings.ttl_seconds + settings.stale_if_error_seconds:
            return _served(snapshot, now, "hit", detail="stale-if-error")
    raise error


def _failure_name(error: DomainError) -> str:
    if isinstance(error, UnknownCurrency):
        return "unknown-currency"
    return "timeout" if isinstance(error, UpstreamTimeout) else "unavailable"


_FAILED_DETAIL = {
    "timeout": "the rates provider did not answer in time (a moment ago)",
    "unavailable": "the rates provider failed a moment ago",
    "unknown-currency": "the provider publishes no rates for this currency",
}


def _revalidate_in_background(key: str, base: str, day: date | None, cached: Cached) -> None:
    """Starts one refresh of a stale snapshot, unless one runs already (here or elsewhere)."""
    assert cached.snapshot is not None
    seen = cached.snapshot
    with _in_flight_lock:
        if key in _in_flight or _breaker.failure() is not None:
            return
        _in_flight.add(key)
    try:
        with transaction(write=True) as session:
            holder = take_lease(session, key=key, seen=cached.refreshed_at)
    except BaseException:
        _done(key)
        raise
    if holder is None:
        _done(key)
        return
    _submit(lambda: _refresh(key, base, day, holder, seen))


def _refresh(key: str, base: str, day: date | None, holder: str, seen: Snapshot) -> None:
    try:
        _fetch_and_store(key, base, day, seen, lambda _session: holder)
    except DomainError as exc:
        log.warning("rates: background refresh failed", key=key, detail=exc.detail)
    except Exception:
        log.exception("rates: background refresh failed", key=key)
    finally:
        _done(key)


def _done(key: str) -> None:
    with _in_flight_lock:
        _in_flight.discard(key)


def _submit(work: Callable[[], None]) -> None:
    global _executor
    with _in_flight_lock:
        if _executor is None:
            _executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="rates-refresh")
        _background[:] = [future for future in _background if not future.done()]
        _background.append(_executor.submit(work))


def wait_for_refreshes(timeout: float = 30.0) -> None:
    """Blocks until the background refreshes started so far have ended (tests, shutdown)."""
    with _in_flight_lock:
        running = list(_background)
    wait(running, timeout=timeout)
