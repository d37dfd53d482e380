from __future__ import annotations

from sqlalchemy import func, select

from core.db import transaction
from db.models.weather import WeatherLocation, WeatherSubscription
from jobs import weather as weather_jobs
from tests.factories.identity import auth_headers, make_user
from tests.factories.weather import RAIN_OVER_60, make_weather_subscription
from tests.problems import assert_problem
from tests.support.answers import assert_created
from tests.weather.conftest import START

URL = "/api/v1/weather/subscriptions"
BODY = {"name": "Allotment", "latitude": 52.52, "longitude": 13.41, "rules": [RAIN_OVER_60]}


def _subscriptions() -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(WeatherSubscription))


def test_create_subscription_answers_it_with_etag_and_location(client, user):
    response = client.post(URL, json=BODY, headers=auth_headers(user))
    body = assert_created(response, URL)
    assert body["rules"] == [{"kind": "RAIN_PROBABILITY_ABOVE", "threshold": 60}]
    assert (body["active"], body["latitude"]) == (True, 52.52)


def test_create_subscription_refuses_a_rule_out_of_range_and_stores_nothing(client, user):
    rules = [{"kind": "RAIN_PROBABILITY_ABOVE", "threshold": 120}]
    response = client.post(URL, json={**BODY, "rules": rules}, headers=auth_headers(user))
    assert_problem(response, 422, "/problems/weather/invalid-rule")
    assert _subscriptions() == 0


def test_create_subscription_past_the_limit_is_422(client, user, configure):
    configure(WEATHER_MAX_SUBSCRIPTIONS_PER_USER=1)
    make_weather_subscription(user)
    response = client.post(URL, json=BODY, headers=auth_headers(user))
    assert_problem(response, 422, "/problems/weather/too-many-subscriptions")


def test_anonymous_callers_are_401(client):
    assert_problem(client.post(URL, json=BODY), 401, "/problems/unauthorized")
    assert_problem(client.get(URL), 401, "/problems/unauthorized")


def test_list_shows_only_mine_filtered_at_a_fixed_statement_count(client, user, statement_counter):
    kitchen = make_weather_subscription(user, name="Kitchen garden")
    paused = make_weather_subscription(user, name="Allotment", active=False)
    make_weather_subscription(make_user(), name="Garden of someone else")
    headers = auth_headers(user)
    listed = client.get(URL, headers=headers).json()
    assert [item["id"] for item in listed["items"]] == [str(paused.id), str(kitchen.id)]
    found = client.get(URL, params={"q": "GARDEN"}, headers=headers).json()["items"]
    assert [item["id"] for item in found] == [str(kitchen.id)]
    running = client.get(URL, params={"active": "false"}, headers=headers).json()["items"]
    assert [item["id"] for item in running] == [str(paused.id)]
    with statement_counter() as small:
        client.get(URL, params={"limit": 1}, headers=headers)
    for number in range(6):
        make_weather_subscription(user, name=f"place {number}")
    with statement_counter() as large:
        assert len(client.get(URL, params={"limit": 8}, headers=headers).json()["items"]) == 8
    assert len(large.selects) == len(small.selects)


def test_get_subscription_and_someone_elses_is_404(client, user):
    mine = make_weather_subscription(user)
    theirs = make_weather_subscription(make_user())
    response = client.get(f"{URL}/{mine.id}", headers=auth_headers(user))
    assert (response.status_code, response.headers["etag"]) == (200, '"1"')
    for method in ("get", "delete"):
        answer = client.request(method, f"{URL}/{theirs.id}", headers=auth_headers(user))
        assert_problem(answer, 404, "/problems/weather/subscription-not-found")
    answer = client.patch(f"{URL}/{theirs.id}", json={"active": False}, headers=auth_headers(user))
    assert_problem(answer, 404, "/problems/weather/subscription-not-found")
    for tail in ("forecast", "alerts"):
        answer = client.get(f"{URL}/{theirs.id}/{tail}", headers=auth_headers(user))
        assert_problem(answer, 404, "/problems/weather/subscription-not-found")


def test_update_subscription_under_if_match(client, user):
    mine = make_weather_subscription(user)
    headers = {**auth_headers(user), "If-Match": '"1"'}
    response = client.patch(
        f"{URL}/{mine.id}", json={"active": False, "name": "Shed"}, headers=headers
    )
    assert (response.status_code, response.headers["etag"]) == (200, '"2"')
    assert (response.json()["active"], response.json()["name"]) == (False, "Shed")
    stale = client.patch(f"{URL}/{mine.id}", json={"name": "Barn"}, headers=headers)
    assert_problem(stale, 412, "/problems/precondition-failed")
    bad = [RAIN_OVER_60, RAIN_OVER_60]
    repeated = client.patch(f"{URL}/{mine.id}", json={"rules": bad}, headers=auth_headers(user))
    assert_problem(repeated, 422, "/problems/weather/invalid-rule")


def test_delete_subscription(client, user):
    mine = make_weather_subscription(user)
    response = client.delete(f"{URL}/{mine.id}", headers=auth_headers(user))
    assert response.status_code == 204
    assert _subscriptions() == 0


def test_forecast_is_fetched_on_demand_and_alerts_as_the_sweep_does(client, user, provider):
    mine = make_weather_subscription(user)
    response = client.get(f"{URL}/{mine.id}/forecast", headers=auth_headers(user))
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["stale"], len(body["hours"]), body["latitude"]) == (False, 72, 52.52)
    assert body["hours"][7] == {
        "time": "2026-12-03T07:00:00+00:00",
        "temperature_2m": -1.5,
        "precipitation_probability": 70.0,
        "wind_speed_10m": 13.3,
    }
    again = client.get(f"{URL}/{mine.id}/forecast", headers=auth_headers(user))
    assert again.json()["fetched_at"] == body["fetched_at"]
    assert provider.hits == {"52.52,13.41": 1}  # fresh: served from the database


def test_forecast_without_stored_data_is_502_or_504_when_the_provider_fails(client, user, provider):
    down = make_weather_subscription(user)
    provider.broken["*"] = "down"
    response = client.get(f"{URL}/{down.id}/forecast", headers=auth_headers(user))
    assert_problem(response, 502, "/problems/weather/provider-unavailable")
    silent = make_weather_subscription(user, at=(48.14, 11.58))
    provider.broken["*"] = "silent"
    response = client.get(f"{URL}/{silent.id}/forecast", headers=auth_headers(user))
    assert_problem(response, 504, "/problems/weather/provider-timeout")
    with transaction(write=False) as session:
        failures = session.scalars(select(WeatherLocation.failures)).all()
    assert sorted(failures) == [1, 1]


def test_alerts_list_what_the_sweep_sent(client, user, provider):
    mine = make_weather_subscription(user, rules=[RAIN_OVER_60])
    weather_jobs.sweep(now=START)
    response = client.get(f"{URL}/{mine.id}/alerts", headers=auth_headers(user))
    assert response.status_code == 200
    (alert,) = response.json()["items"]
    assert alert["rule"] == RAIN_OVER_60
    assert (alert["window_start"], alert["value"]) == ("2026-12-03T06:00:00+00:00", 70.0)
    message = client.get(
        f"/api/v1/outbox/messages/{alert['message_id']}", headers=auth_headers(user)
    )
    assert message.status_code == 200
