from __future__ import annotations

from core.jobs import queue
from jobs.weather import refresh_weather_location, sweep_weather
from tests.factories.identity import make_user
from tests.factories.weather import make_weather_subscription


def test_the_periodic_sweep_queues_one_job_per_due_place_and_the_job_fetches_it(provider):
    queue.flush()
    first = make_weather_subscription(make_user())
    make_weather_subscription(make_user(), at=(52.521, 13.409))  # the same place
    assert sweep_weather.call_local() == 1
    assert queue.pending_count() == 1
    queue.flush()
    outcome = refresh_weather_location.call_local(str(first.location_id))
    assert outcome.startswith("alerted:")
    assert refresh_weather_location.call_local(str(first.location_id)) == "skipped"  # not due
    assert provider.hits == {"52.52,13.41": 1}
