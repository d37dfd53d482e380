from __future__ import annotations

from typing import Any

from core.db import transaction
from db.models.identity import User
from db.models.weather import WeatherSubscription
from services import weather
from tests.factories.identity import actor_of

BERLIN = (52.52, 13.41)
RAIN_OVER_60 = {"kind": "RAIN_PROBABILITY_ABOVE", "threshold": 60}


def make_weather_subscription(
    owner: User,
    *,
    name: str = "Allotment",
    at: tuple[float, float] = BERLIN,
    rules: list[dict[str, Any]] | None = None,
    active: bool = True,
) -> WeatherSubscription:
    with transaction(write=True) as session:
        return weather.create_subscription(
            session,
            actor_of(owner),
            name=name,
            latitude=at[0],
            longitude=at[1],
            rules=rules or [RAIN_OVER_60],
            active=active,
        )
