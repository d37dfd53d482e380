"""The rates API against a local provider replaying recorded Frankfurter answers: cached
snapshots with their Cache-Status, historical days, decimal conversion, and every documented
error (bad input, unknown currencies, dates out of range, provider failures) changing nothing."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.db import transaction
from core.settings import get_settings
from db.models.rates import RatesSnapshot
from tests.factories.identity import auth_headers
from tests.factories.rates import make_snapshot
from tests.problems import assert_problem

LATEST = "/api/v1/rates/latest"
CONVERT = "/api/v1/rates/conversions"


def _snapshots() -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(RatesSnapshot)) or 0


def test_latest_rates_are_fetched_once_then_served_from_the_cache(client, user, provider):
    first = client.get(
        LATEST, params={"base": "EUR", "symbols": "USD,JPY"}, headers=auth_headers(user)
    )
    assert first.status_code == 200, first.text
    assert first.json()["rates"] == {"JPY": "161.47", "USD": "1.0565"}
    assert first.json()["date"] == "2026-11-27"
    assert first.json()["stale"] is False
    assert first.headers["Cache-Status"] == "Trellis; fwd=uri-miss; stored; ttl=3600"
    again = client.get(LATEST, headers=auth_headers(user))
    assert again.headers["Cache-Status"].startswith("Trellis; hit; ttl=")
    assert again.json()["rates"]["KWD"] == "0.32514"  # the provider's digits, not a float's
    assert provider.hits == {"/latest?base=EUR": 1}


def test_a_past_day_is_kept_for_good_and_a_weekend_answers_the_last_working_day(
    client, user, provider, monkeypatch
):
    monkeypatch.setenv("RATES_TTL_SECONDS", "0.001")
    get_settings.cache_clear()
    for _ in range(2):
        saturday = client.get("/api/v1/rates/dates/2024-01-06", headers=auth_headers(user))
        assert saturday.status_code == 200, saturday.text
        assert saturday.json()["date"] == "2024-01-05"
        assert saturday.json()["rates"]["USD"] == "1.0921"
    assert saturday.headers["Cache-Status"] == "Trellis; hit"
    assert provider.hits == {"/2024-01-06?base=EUR": 1}


@pytest.mark.parametrize(
    ("params", "rate", "result"),
    [
        ({"from": "EUR", "to": "USD", "amount": "250.00"}, "1.0565", "264.13"),  # .125 rounds up
        ({"from": "EUR", "to": "JPY", "amount": "1234.5"}, "161.47", "199335"),  # no minor unit
        ({"from": "EUR", "to": "KWD", "amount": "0.1"}, "0.32514", "0.033"),  # three decimals
        ({"from": "EUR", "to": "EUR", "amount": "7.5"}, "1", "7.50"),
        (
            {"from": "USD", "to": "GBP", "amount": "999999999999999.9999999999"},
            "0.78959",
            "789590000000000.00",  # .99999999992 rounds up
        ),
    ],
)
def test_conversion_is_decimal_and_rounds_half_up_to_the_minor_unit(
    client, user, provider, params, rate, result
):
    response = client.get(CONVERT, params=params, headers=auth_headers(user))
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["rate"], body["result"], body["amount"]) == (rate, result, params["amount"])
    assert body["date"] == "2026-11-27"


def test_conversion_on_a_past_day_uses_that_days_rate(client, user, provider):
    params = {"from": "EUR", "to": "USD", "amount": "100", "date": "2024-01-05"}
    response = client.get(CONVERT, params=params, headers=auth_headers(user))
    assert response.json()["result"] == "109.21"
    assert response.json()["date"] == "2024-01-05"


def test_unknown_currencies_are_422_and_nothing_is_cached(client, user, provider):
    headers = auth_headers(user)
    not_iso = client.get(LATEST, params={"base": "XYZ"}, headers=headers)
    assert_problem(not_iso, 422, "/problems/rates/unknown-currency")
    assert not provider.hits  # refused without asking the provider
    for _ in range(2):  # an ISO code the provider does not publish: it answers 404
        unpublished = client.get(LATEST, params={"base": "AED"}, headers=headers)
        assert_problem(unpublished, 422, "/problems/rates/unknown-currency")
    assert provider.hits == {"/latest?base=AED": 1}  # the answer is remembered for a while
    assert _snapshots() == 0
    symbol = client.get(LATEST, params={"symbols": "USD,QQQ"}, headers=headers)
    assert_problem(symbol, 422, "/problems/rates/unknown-currency")
    target = client.get(
        CONVERT, params={"from": "EUR", "to": "QQQ", "amount": "1"}, headers=headers
    )
    assert_problem(target, 422, "/problems/rates/unknown-currency")


@pytest.mark.parametrize("day", ["1999-01-03", "2999-01-01"])
def test_days_outside_the_providers_range_are_404_or_422_without_a_call(
    client, user, provider, day
):
    response = client.get(f"/api/v1/rates/dates/{day}", headers=auth_headers(user))
    assert_problem(response, 404, "/problems/rates/day-not-found")
    converted = client.get(
        CONVERT, params={"from": "EUR", "to": "USD", "amount": "1", "date": day},
        headers=auth_headers(user),
    )  # fmt: skip
    assert_problem(converted, 422, "/problems/rates/date-out-of-range")
    assert not provider.hits


@pytest.mark.parametrize(
    ("path", "params"),
    [
        (LATEST, {"base": "eur"}),
        (LATEST, {"symbols": "USD,usd1"}),
        ("/api/v1/rates/dates/2024-13-01", {}),
        (CONVERT, {"from": "EUR", "to": "USD", "amount": "-1"}),
        (CONVERT, {"from": "EUR", "to": "USD", "amount": "1e5"}),
        (CONVERT, {"from": "EUR", "to": "USD", "amount": "1.00000000001"}),
        (CONVERT, {"from": "EUR", "amount": "1"}),
    ],
)
def test_bad_input_is_400_without_a_call(client, user, provider, path, params):
    response = client.get(path, params=params, headers=auth_headers(user))
    assert_problem(response, 400, "/problems/validation")
    assert not provider.hits
    assert _snapshots() == 0


def test_anonymous_requests_are_401(client):
    for path in (LATEST, "/api/v1/rates/dates/2024-01-05", f"{CONVERT}?from=EUR&to=USD&amount=1"):
        assert_problem(client.get(path), 401, "/problems/unauthorized")


@pytest.mark.parametrize(
    ("how", "status", "kind"),
    [
        ("down", 502, "/problems/upstream-unavailable"),
        ("garbage", 502, "/problems/upstream-unavailable"),
        ("silent", 504, "/problems/upstream-timeout"),
    ],
)
def test_a_failing_provider_is_502_or_504_and_stores_nothing(
    client, user, provider, monkeypatch, how, status, kind
):
    monkeypatch.setenv("OUTBOUND_READ_TIMEOUT_SECONDS", "0.2")
    get_settings.cache_clear()
    provider.broken["/latest"] = how
    for _ in range(2):
        assert_problem(client.get(LATEST, headers=auth_headers(user)), status, kind)
    assert provider.hits == {"/latest?base=EUR": 1}  # the failure is remembered for a while
    assert _snapshots() == 0


def test_a_failing_provider_is_replaced_by_the_last_snapshot_while_it_is_recent(
    client, user, provider, monkeypatch
):
    monkeypatch.setenv("RATES_MAX_STALE_SECONDS", "0")
    get_settings.cache_clear()
    make_snapshot(age=timedelta(hours=2))
    provider.broken["/latest"] = "down"
    response = client.get(LATEST, headers=auth_headers(user))
    assert response.status_code == 200, response.text
    assert response.json()["stale"] is True
    assert response.json()["rates"]["USD"] == "1.0500"
    assert response.headers["Cache-Status"].endswith("detail=stale-if-error")
    assert int(response.headers["Age"]) >= 7200
    monkeypatch.setenv("RATES_STALE_IF_ERROR_SECONDS", "0")
    get_settings.cache_clear()
    too_old = client.get(LATEST, headers=auth_headers(user))
    assert_problem(too_old, 502, "/problems/upstream-unavailable")
    assert provider.hits == {"/latest?base=EUR": 1}


def test_a_stale_snapshot_is_served_at_once_and_refreshed_in_the_background(client, user, provider):
    from services.rates import wait_for_refreshes

    seeded = make_snapshot(age=timedelta(hours=2))
    provider.delay = 5  # released below: the stale answer cannot have waited for the call
    stale = client.get(LATEST, headers=auth_headers(user))
    assert stale.status_code == 200
    assert stale.json()["stale"] is True
    assert stale.json()["rates"]["USD"] == "1.0500"
    assert stale.headers["Cache-Status"].startswith("Trellis; hit; ttl=-")
    assert stale.headers["Cache-Status"].endswith("; detail=stale-while-revalidate")
    provider.released.set()
    wait_for_refreshes()
    fresh = client.get(LATEST, headers=auth_headers(user))
    assert fresh.json()["stale"] is False
    assert fresh.json()["rates"]["USD"] == "1.0565"
    assert fresh.json()["fetched_at"] > seeded.isoformat()
    assert provider.hits == {"/latest?base=EUR": 1}
