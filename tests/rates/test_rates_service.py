"""The rates cache's rules at the service level: freshness windows, the lease (one holder, no
second refresh of what was already refreshed), and single flight under concurrent callers in
one process (the live test covers two processes)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta

import pytest

from core.db import transaction, utcnow
from core.redis_client import get_redis
from core.settings import get_settings
from services import rates
from services.rates.provider import Published
from tests.factories.rates import make_snapshot

CALLERS = 20


def _snapshot(age_seconds: float, *, final: bool = False) -> rates.Snapshot:
    return rates.Snapshot(
        key="EUR:latest", base="EUR", published_on=date(2026, 11, 27), rates={},
        fetched_at=utcnow() - timedelta(seconds=age_seconds), final=final,
    )  # fmt: skip


def test_freshness_follows_the_ttl_and_the_stale_window(monkeypatch):
    monkeypatch.setenv("RATES_TTL_SECONDS", "60")
    monkeypatch.setenv("RATES_MAX_STALE_SECONDS", "120")
    get_settings.cache_clear()
    now = utcnow()
    assert rates.classify(_snapshot(59), now=now) is rates.Freshness.FRESH
    assert rates.classify(_snapshot(61), now=now) is rates.Freshness.STALE
    assert rates.classify(_snapshot(179), now=now) is rates.Freshness.STALE
    assert rates.classify(_snapshot(181), now=now) is rates.Freshness.EXPIRED
    assert rates.classify(_snapshot(10**6, final=True), now=now) is rates.Freshness.FRESH


def test_a_lease_has_one_holder_and_a_done_refresh_is_not_started_again():
    published = Published(base="EUR", published_on=date(2026, 11, 27), rates={"USD": "1.05"})
    with transaction(write=True) as session:
        holder = rates.take_lease(session, key="EUR:latest", seen=None)
        assert holder is not None
        assert rates.take_lease(session, key="EUR:latest", seen=None) is None
        stored = rates.store_snapshot(
            session, key="EUR:latest", day=None, published=published, holder=holder
        )
    with transaction(write=True) as session:
        # A caller that read the lease before the refresh above was stored: nothing to do.
        assert rates.take_lease(session, key="EUR:latest", seen=None) is None
        assert rates.take_lease(session, key="EUR:latest", seen=stored.fetched_at) is not None


def _together(work) -> list:  # type: ignore[no-untyped-def]
    start = threading.Barrier(CALLERS)

    def call(_: int):  # type: ignore[no-untyped-def]
        start.wait(timeout=30)
        return work()

    with ThreadPoolExecutor(CALLERS) as pool:
        return list(pool.map(call, range(CALLERS)))


def test_concurrent_callers_of_a_missing_snapshot_make_one_provider_call(provider):
    provider.delay = 0.3  # the call is still running when the others arrive
    served = _together(lambda: rates.serve_snapshot(base="EUR", day=None))
    assert {answer.snapshot.rates["USD"] for answer in served} == {"1.0565"}
    assert provider.hits == {"/latest?base=EUR": 1}


def test_concurrent_callers_of_a_stale_snapshot_make_one_provider_call(provider):
    make_snapshot(age=timedelta(hours=2))
    provider.delay = 30  # the refresh is held until every caller has had its answer
    served = _together(lambda: rates.serve_snapshot(base="EUR", day=None))
    assert all(answer.stale for answer in served)
    provider.released.set()
    rates.wait_for_refreshes()
    assert provider.hits == {"/latest?base=EUR": 1}
    with transaction(write=False) as session:
        refreshed = rates.read_snapshot(session, key="EUR:latest")
    assert refreshed is not None and refreshed.rates["USD"] == "1.0565"


def test_a_day_after_today_is_out_of_range():
    with pytest.raises(rates.DateOutOfRange):
        rates.check_day(date(2026, 12, 2), today=date(2026, 12, 1))
    rates.check_day(date(2026, 12, 1), today=date(2026, 12, 1))


def test_with_redis_a_fresh_snapshot_is_served_without_the_database(provider, statement_counter):
    rates.serve_snapshot(base="EUR", day=None)  # fetched, stored, shared
    with statement_counter() as counted:
        served = rates.serve_snapshot(base="EUR", day=None)
    assert served.snapshot.rates["USD"] == "1.0565"
    assert served.cache_status.startswith("Trellis; hit; ttl=")
    touched = [sql for sql in counted.statements if "rates_" in sql]
    if get_redis() is None:
        assert touched  # the database is the cache
    else:
        assert touched == []
