"""One forecast fetch and each alert once across processes, over the session's shared live
2-worker server on PostgreSQL (its provider is the replay server, which counts the calls):
concurrent requests for a stale forecast whose place is due make one provider call (the lease
row decides; the others are answered the stale forecast at once), and concurrent first
requests by every subscriber of a place send each (subscription, rule, window) alert once and
one email per subscription (the unique constraint decides, however many requests fetched)."""

from __future__ import annotations

import asyncio
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import func, select

from core.db import transaction, utcnow
from core.settings import get_settings
from db.models.outbox import OutboxMessage
from db.models.weather import WeatherAlert
from services import weather
from services.weather import weather_settings
from tests.factories.identity import auth_headers, make_user
from tests.factories.weather import make_weather_subscription
from tests.live import all_at_once
from tests.weather.conftest import rain_in_two_windows

CLIENTS = 20
URL = "/api/v1/weather/subscriptions/{}/forecast"
pytestmark = pytest.mark.skipif(
    get_settings().is_sqlite, reason="the two-process claim is proven on PostgreSQL"
)


def _count(model) -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_concurrent_requests_for_a_stale_forecast_make_one_provider_call(live_server, provider):
    owner = make_user()
    subscription = make_weather_subscription(owner)
    yesterday = utcnow() - timedelta(days=1)
    with transaction(write=True) as session:  # a forecast a day old: stale, and the place due
        weather.apply_forecast(
            session, location_id=subscription.location_id, hours=[], now=yesterday
        )
    provider.hours, _expected = rain_in_two_windows(utcnow(), weather_settings().window_hours)
    provider.delay = 1.0  # the holder's call is running while the other requests arrive
    path = URL.format(subscription.id)
    answers = all_at_once(live_server, path, auth_headers(owner), CLIENTS)
    assert [answer.status_code for answer in answers] == [200] * CLIENTS
    stale = [answer.json()["stale"] for answer in answers]
    assert False in stale and True in stale  # the holder's fresh answer, the others' at once
    assert provider.hits == {"52.52,13.41": 1}
    assert (_count(WeatherAlert), _count(OutboxMessage)) == (2, 1)


async def _forecasts(base: str, calls: list[tuple[str, dict[str, str]]]) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=len(calls))
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        return await asyncio.gather(*(http.get(path, headers=h) for path, h in calls))


def test_concurrent_first_requests_of_every_subscriber_alert_each_window_once(
    live_server, provider
):
    provider.hours, expected = rain_in_two_windows(utcnow(), weather_settings().window_hours)
    provider.delay = 0.2  # every request is in flight before the first fetch is answered
    calls = []
    for _ in range(5):
        user = make_user()
        subscription = make_weather_subscription(user)
        calls += [(URL.format(subscription.id), auth_headers(user))] * 2
    answers = asyncio.run(_forecasts(live_server, calls))
    assert [answer.status_code for answer in answers] == [200] * len(calls)
    assert 1 <= provider.calls <= len(calls)
    assert _count(WeatherAlert) == 5 * len(expected)
    assert _count(OutboxMessage) == 5
