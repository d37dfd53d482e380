from __future__ import annotations

from sqlalchemy import select

from core.db import transaction, utcnow
from core.jobs import queue
from db.models.outbox import OutboxMessage
from db.models.weather import WeatherAlert
from jobs.weather import refresh_weather_location, sweep_weather
from services.weather import weather_settings
from tests.factories.identity import make_user
from tests.factories.weather import make_weather_subscription
from tests.weather.conftest import rain_in_two_windows


def test_the_periodic_sweep_queues_one_job_per_due_place_and_the_job_alerts_each_window_once(
    provider,
):
    # The provider answers a forecast written around the job's own clock, so the windows the
    # job evaluates, and the alerts it must send, are known.
    provider.hours, expected = rain_in_two_windows(utcnow(), weather_settings().window_hours)
    queue.flush()
    ann, bob = make_user(), make_user()
    first = make_weather_subscription(ann)
    make_weather_subscription(bob, at=(52.521, 13.409))  # the same place
    assert sweep_weather.call_local() == 1
    assert queue.pending_count() == 1
    queue.flush()
    assert refresh_weather_location.call_local(str(first.location_id)) == "alerted:4"
    assert refresh_weather_location.call_local(str(first.location_id)) == "skipped"  # not due
    assert provider.hits == {"52.52,13.41": 1}
    with transaction(write=False) as session:
        alerts = session.scalars(select(WeatherAlert).order_by(WeatherAlert.window_start)).all()
        found = {(a.subscription_id, a.window_start, a.value, a.peak_at) for a in alerts}
        subscriptions = {alert.subscription_id for alert in alerts}
        assert len(alerts) == 4 and len(subscriptions) == 2
        assert found == {
            (subscription, want.window_start, want.value, want.peak_at)
            for subscription in subscriptions
            for want in expected
        }
        messages = session.scalars(select(OutboxMessage)).all()
        assert sorted(message.to_address for message in messages) == sorted([ann.email, bob.email])
        assert {alert.message_id for alert in alerts} == {message.id for message in messages}
