"""Weather fixtures: the example subscription id is replaced by a subscription created through
the API. Its forecast is fetched from contracts/weather_provider.py (ci/live-server.sh starts
it on 127.0.0.1 and points WEATHER_PROVIDER_URL at it), so the forecast example answers 200."""

from __future__ import annotations

import dredd_hooks as hooks

from contracts.dredd.support import use_a_created_row

EXAMPLE_ID = "6f2b8c1d-4e5a-4b7c-9d8e-0a1b2c3d4e5f"
FIXTURE = {
    "name": "Dredd allotment",
    "latitude": 52.52,
    "longitude": 13.41,
    "rules": [{"kind": "RAIN_PROBABILITY_ABOVE", "threshold": 60}],
}


@hooks.before_each
def real_subscription(transaction):
    use_a_created_row(transaction, EXAMPLE_ID, "/weather/subscriptions", FIXTURE)
