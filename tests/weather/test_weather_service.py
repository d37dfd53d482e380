from __future__ import annotations

import json
import threading
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.db import transaction, utcnow
from db.models.outbox import OutboxMessage
from db.models.weather import WeatherAlert, WeatherLocation
from jobs import weather as weather_jobs
from jobs.weather import sweep_weather
from services import weather
from services.weather import provider as weather_provider
from tests.factories.identity import actor_of, make_user
from tests.factories.weather import RAIN_OVER_60, make_weather_subscription
from tests.weather.conftest import RECORDED, START

MUNICH = (48.14, 11.58)
FROST = {"kind": "TEMPERATURE_BELOW", "threshold": 0}
GALE = {"kind": "WIND_SPEED_ABOVE", "threshold": 30}
WARM = {"kind": "TEMPERATURE_ABOVE", "threshold": 8}


def _count(model, *where) -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(model).where(*where))


def _location(key: str) -> WeatherLocation:
    with transaction(write=False) as session:
        return session.scalars(select(WeatherLocation).where(WeatherLocation.key == key)).one()


def _alerts() -> list[tuple[str, str]]:
    with transaction(write=False) as session:
        rows = session.scalars(select(WeatherAlert).order_by(WeatherAlert.window_start))
        return [(row.rule, f"{row.window_start:%H}") for row in rows]


# ---- rules ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rules",
    [
        [{"kind": "RAIN_PROBABILITY_ABOVE", "threshold": 101}],
        [{"kind": "TEMPERATURE_ABOVE", "threshold": 61}],
        [{"kind": "WIND_SPEED_ABOVE", "threshold": -1}],
        [RAIN_OVER_60, {"kind": "RAIN_PROBABILITY_ABOVE", "threshold": 60.0}],
        [
            {"kind": "WIND_SPEED_ABOVE", "threshold": 0},
            {"kind": "WIND_SPEED_ABOVE", "threshold": -0.0},
        ],
        [],
    ],
)
def test_rules_out_of_range_or_repeated_are_refused(rules):
    with pytest.raises(weather.InvalidRule):
        weather.check_rules(rules)


def test_evaluate_finds_each_rule_once_per_window_with_its_extreme_value():
    hours = weather_provider.parse((RECORDED / "forecast.json").read_bytes())
    settings = weather.weather_settings()
    matches = weather.evaluate(
        hours, [RAIN_OVER_60, FROST, GALE, WARM], now=START, settings=settings
    )
    found = [(m.rule, f"{m.window_start:%dT%H}", m.value, f"{m.peak_at:%H}") for m in matches]
    assert found == [
        ("TEMPERATURE_BELOW:0", "03T00", -3.2, "04"),
        ("RAIN_PROBABILITY_ABOVE:60", "03T06", 70.0, "07"),
        ("TEMPERATURE_BELOW:0", "03T06", -2.4, "06"),
        ("TEMPERATURE_ABOVE:8", "03T12", 8.4, "16"),
        ("WIND_SPEED_ABOVE:30", "03T12", 38.2, "17"),
    ]  # the 90 % rain of the 4th is past the 24-hour horizon


def test_the_provider_answer_becomes_utc_hours_with_nulls_kept():
    answer = json.loads((RECORDED / "forecast.json").read_bytes())
    answer["utc_offset_seconds"] = 3600  # times local to UTC+1
    hours = weather_provider.parse(json.dumps(answer).encode())
    assert hours[0]["time"] == "2026-12-02T23:00:00+00:00"
    assert hours[-1]["precipitation_probability"] is None


@pytest.mark.parametrize(
    "body", [b"[]", b"{}", b'{"hourly": {"time": []}}', b"\xff", b'{"hourly": {"time": ["x"]}}']
)
def test_an_answer_that_is_not_a_forecast_is_provider_unavailable(body):
    with pytest.raises(weather.ProviderUnavailable):
        weather_provider.parse(body)


# ---- the sweep -----------------------------------------------------------------------------------


def test_a_sweep_fetches_each_place_once_and_alerts_once_per_window(provider, configure):
    configure(WEATHER_REFRESH_SECONDS=3600)
    ann, bob = make_user(), make_user()
    mine = make_weather_subscription(ann, rules=[RAIN_OVER_60, FROST])
    make_weather_subscription(bob, at=(52.521, 13.409), rules=[RAIN_OVER_60])  # same place
    make_weather_subscription(bob, at=MUNICH, rules=[GALE])
    make_weather_subscription(bob, at=(10.0, 10.0), active=False)  # paused: not fetched

    outcomes = weather_jobs.sweep(now=START)

    assert sorted(outcomes.values()) == ["alerted:1", "alerted:4"]
    assert provider.hits == {"52.52,13.41": 1, "48.14,11.58": 1}
    assert _count(WeatherAlert) == 5
    assert _count(OutboxMessage) == 3  # one email per subscription with new alerts
    with transaction(write=False) as session:
        message = session.scalars(
            select(OutboxMessage).where(OutboxMessage.owner_id == ann.id)
        ).one()
        assert message.to_address == ann.email and message.kind == "weather-alert"
        assert "70 % at 07:00 (above 60 %)" in message.body
        page = weather.list_alerts(session, actor_of(ann), subscription_id=mine.id)
        assert {alert.message_id for alert in page.items} == {message.id}

    assert weather_jobs.sweep(now=START + timedelta(minutes=5)) == {}  # nothing due yet
    later = weather_jobs.sweep(now=START + timedelta(hours=1))  # refreshed: same windows, no repeat
    assert sorted(later.values()) == ["alerted:0", "alerted:0"]
    assert provider.hits == {"52.52,13.41": 2, "48.14,11.58": 2}
    assert (_count(WeatherAlert), _count(OutboxMessage)) == (5, 3)


def test_an_outage_backs_off_per_place_and_sends_nothing_twice(provider, configure):
    configure(WEATHER_RETRY_BASE_SECONDS=60, WEATHER_RETRY_MAX_SECONDS=600)
    make_weather_subscription(make_user(), rules=[RAIN_OVER_60, FROST])
    provider.broken["*"] = "down"

    assert list(weather_jobs.sweep(now=START).values()) == [
        "/problems/weather/provider-unavailable"
    ]
    first = _location("52.52,13.41")
    assert first.failures == 1 and first.forecast is None
    assert START + timedelta(seconds=30) <= first.next_attempt_at <= START + timedelta(seconds=60)
    assert weather_jobs.sweep(now=START + timedelta(seconds=29)) == {}  # backing off: no call
    assert provider.hits == {"52.52,13.41": 1}

    provider.broken["*"] = "garbage"
    weather_jobs.sweep(now=START + timedelta(seconds=60))
    second = _location("52.52,13.41")
    assert second.failures == 2 and "provider-unavailable" in (second.last_error or "")
    wait = second.next_attempt_at - (START + timedelta(seconds=60))
    assert timedelta(seconds=60) <= wait <= timedelta(seconds=120)  # doubled
    assert _count(WeatherAlert) == 0

    provider.broken.clear()
    back = START + timedelta(seconds=180)
    assert list(weather_jobs.sweep(now=back).values()) == ["alerted:3"]
    assert _location("52.52,13.41").failures == 0
    provider.broken["*"] = "down"  # a later failure evaluates nothing, so repeats nothing
    weather_jobs.sweep(now=back + timedelta(hours=1))
    assert (_count(WeatherAlert), _count(OutboxMessage)) == (3, 1)


def test_a_forecast_older_than_the_ttl_is_served_stale_while_the_provider_fails(
    provider, configure
):
    configure(WEATHER_FORECAST_TTL_SECONDS=3600)
    owner = make_user()
    subscription = make_weather_subscription(owner)
    weather_jobs.sweep(now=START)
    fresh = weather.current_forecast(
        actor_of(owner), subscription_id=subscription.id, now=START + timedelta(minutes=59)
    )
    assert (fresh.stale, fresh.fetched_at, len(fresh.hours)) == (False, START, 72)

    provider.broken["*"] = "down"
    late = START + timedelta(hours=2)
    stale = weather.current_forecast(actor_of(owner), subscription_id=subscription.id, now=late)
    assert (stale.stale, stale.fetched_at) == (True, START)
    assert provider.hits == {"52.52,13.41": 2}  # due, so asked once; the failure is recorded
    assert stale.next_attempt_at > late
    weather.current_forecast(actor_of(owner), subscription_id=subscription.id, now=late)
    assert provider.hits == {"52.52,13.41": 2}  # backing off: served stale without a call


def test_no_stored_forecast_and_a_failing_provider_is_502_then_backs_off(provider):
    owner = make_user()
    subscription = make_weather_subscription(owner)
    provider.broken["*"] = "refused"
    with pytest.raises(weather.ProviderUnavailable):
        weather.current_forecast(actor_of(owner), subscription_id=subscription.id, now=START)
    with pytest.raises(weather.ProviderUnavailable, match="next attempt"):
        weather.current_forecast(actor_of(owner), subscription_id=subscription.id, now=START)
    assert provider.hits == {"52.52,13.41": 1}


def test_concurrent_writers_of_one_forecast_send_each_alert_once(provider):
    # Correctness does not rest on the lease: every thread writes the same forecast at once,
    # as two sweeps whose leases crossed would, and the unique constraint keeps one of each.
    hours = weather_provider.parse((RECORDED / "forecast.json").read_bytes())
    subscriptions = [
        make_weather_subscription(make_user(), rules=[RAIN_OVER_60, FROST, GALE, WARM])
        for _ in range(3)
    ]
    location_id = subscriptions[0].location_id
    start = threading.Barrier(6)
    created: list[int] = []
    failures: list[BaseException] = []

    def write() -> None:
        try:
            start.wait(timeout=10)
            with transaction(write=True) as session:
                created.append(
                    weather.apply_forecast(session, location_id=location_id, hours=hours, now=START)
                )
        except BaseException as error:
            failures.append(error)

    threads = [threading.Thread(target=write) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    assert sum(created) == 15 and sorted(created)[:-1] == [0] * 5  # one writer made them all
    assert _count(WeatherAlert) == 15
    assert _count(OutboxMessage) == 3


def test_concurrent_sweeps_fetch_each_place_once(provider):
    make_weather_subscription(make_user())
    make_weather_subscription(make_user(), at=MUNICH)
    start = threading.Barrier(4)
    outcomes: list[dict[str, str]] = []

    def run() -> None:
        start.wait(timeout=10)
        outcomes.append(weather_jobs.sweep(now=START))

    threads = [threading.Thread(target=run) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert provider.hits == {"52.52,13.41": 1, "48.14,11.58": 1}
    results = [result for outcome in outcomes for result in outcome.values()]
    assert sorted(result for result in results if result != "skipped") == ["alerted:1"] * 2
    assert _count(WeatherAlert) == 2


# ---- subscriptions -------------------------------------------------------------------------------


def test_a_user_holds_at_most_the_configured_number_of_subscriptions(session, user, configure):
    configure(WEATHER_MAX_SUBSCRIPTIONS_PER_USER=2)
    for _ in range(2):
        make_weather_subscription(user)
    with pytest.raises(weather.TooManySubscriptions):
        make_weather_subscription(user)
    make_weather_subscription(make_user())  # per user


def test_moving_a_subscription_repoints_it_and_kept_rules_keep_their_history(session, user):
    subscription = make_weather_subscription(user, rules=[RAIN_OVER_60])
    berlin = subscription.location_id
    moved = weather.update_subscription(
        session,
        actor_of(user),
        subscription_id=subscription.id,
        changes={"latitude": MUNICH[0], "longitude": MUNICH[1], "rules": [FROST, RAIN_OVER_60]},
    )
    assert moved.location_id != berlin
    assert weather.rule_key(moved.rules[1]) == "RAIN_PROBABILITY_ABOVE:60"
    assert moved.version == 2


def test_someone_elses_subscription_is_not_found(session, user):
    theirs = make_weather_subscription(make_user())
    with pytest.raises(weather.SubscriptionNotFound):
        weather.get_subscription(session, actor_of(user), subscription_id=theirs.id)
    with pytest.raises(weather.SubscriptionNotFound):
        weather.delete_subscription(session, actor_of(user), subscription_id=theirs.id)


# ---- the purge -----------------------------------------------------------------------------------


def _locations() -> int:
    return _count(WeatherLocation)


def test_the_sweep_purges_places_no_subscription_names_after_the_configured_time(user, configure):
    configure(WEATHER_PURGE_UNUSED_SECONDS=7 * 86400)
    gone = make_weather_subscription(user, at=MUNICH)
    make_weather_subscription(user, active=False)  # paused: its place stays
    with transaction(write=True) as writing:
        weather.delete_subscription(writing, actor_of(user), subscription_id=gone.id)
    assert _locations() == 2
    with transaction(write=True) as writing:
        soon = START + timedelta(days=1)
        assert weather.purge_unused_locations(writing, now=soon) == 0
    with transaction(write=True) as writing:
        later = utcnow() + timedelta(days=8)
        assert weather.purge_unused_locations(writing, now=later) == 1
    assert _locations() == 1
    make_weather_subscription(user, at=MUNICH)  # the place comes back when asked for again
    assert _locations() == 2


def test_the_periodic_sweep_runs_the_purge(user, configure):
    subscription = make_weather_subscription(user)
    with transaction(write=True) as writing:
        weather.delete_subscription(writing, actor_of(user), subscription_id=subscription.id)
    configure(WEATHER_PURGE_UNUSED_SECONDS=0.001)
    assert sweep_weather.call_local() == 0
    assert _locations() == 0
