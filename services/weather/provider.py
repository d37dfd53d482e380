"""The forecast provider: one Open-Meteo-shaped API (WEATHER_PROVIDER_URL), called through
core.outbound (timeouts, size cap, retries, SSRF guard).

    GET <url>/v1/forecast?latitude=52.52&longitude=13.41
        &hourly=temperature_2m,precipitation_probability,wind_speed_10m&forecast_days=3
    {"latitude": 52.52, "longitude": 13.419998, "utc_offset_seconds": 0, "timezone": "GMT",
     "hourly_units": {"time": "iso8601", "temperature_2m": "°C", ...},
     "hourly": {"time": ["2026-12-03T00:00", ...], "temperature_2m": [4.1, ...],
                "precipitation_probability": [35, ...], "wind_speed_10m": [12.3, ...]}}

Times are local to `utc_offset_seconds` (0: GMT, the default asked for) and become UTC here;
a value the provider does not have is null and stays None. Any status but 200, or an answer
not of this shape, is the provider's failure (502); no answer in time is 504.
"""

from __future__ import annotations

import json
import math
from datetime import UTC, datetime, timedelta
from typing import Any

from core import outbound
from core.errors import RuleViolated, UpstreamTimeout, UpstreamUnavailable
from services.weather.settings import weather_settings

VARIABLES = ("temperature_2m", "precipitation_probability", "wind_speed_10m")
#: Three days of hourly values are about 5 kB; nothing sensible is a hundred times that.
MAX_ANSWER_BYTES = 500_000
FORECAST_DAYS = 3


class ProviderUnavailable(
    UpstreamUnavailable,
    type="/problems/weather/provider-unavailable",
    title="Weather provider unavailable",
):
    """The forecast provider could not be reached, failed, or answered something unusable."""


class ProviderTimeout(
    UpstreamTimeout, type="/problems/weather/provider-timeout", title="Weather provider timeout"
):
    """The forecast provider did not answer within OUTBOUND_TOTAL_TIMEOUT_SECONDS."""


Hour = dict[str, Any]


def forecast_url(latitude: float, longitude: float) -> str:
    return (
        f"{weather_settings().provider_url}/v1/forecast?latitude={latitude:.2f}"
        f"&longitude={longitude:.2f}&hourly={','.join(VARIABLES)}"
        f"&forecast_days={FORECAST_DAYS}&timezone=GMT"
    )


def fetch_forecast(*, latitude: float, longitude: float) -> list[Hour]:
    """The hourly forecast of a point, oldest hour first. No database access: call it outside
    any transaction. Raises ProviderUnavailable (502) or ProviderTimeout (504)."""
    try:
        fetched = outbound.fetch(
            forecast_url(latitude, longitude),
            headers={"Accept": "application/json"},
            max_bytes=MAX_ANSWER_BYTES,
        )
    except UpstreamTimeout as exc:
        raise ProviderTimeout(str(exc)) from exc
    except (UpstreamUnavailable, RuleViolated) as exc:  # RuleViolated: the URL was refused
        raise ProviderUnavailable(str(exc)) from exc
    if fetched.status != 200:
        raise ProviderUnavailable(f"the weather provider answered {fetched.status}")
    return parse(fetched.body)


def _number(value: object) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        raise ValueError(f"not a number: {value!r}")
    return float(value)


def parse(body: bytes) -> list[Hour]:
    """The hours of an Open-Meteo answer; ProviderUnavailable if it is not one."""
    try:
        answer = json.loads(body)
        offset = timedelta(seconds=int(answer.get("utc_offset_seconds", 0)))
        hourly = answer["hourly"]
        times = hourly["time"]
        columns = [hourly[name] for name in VARIABLES]
        if not isinstance(times, list) or not times:
            raise ValueError("no hours")
        if any(not isinstance(column, list) or len(column) != len(times) for column in columns):
            raise ValueError("columns of different lengths")
        hours = []
        for index, text in enumerate(times):
            local = datetime.fromisoformat(text)
            if local.tzinfo is not None:
                raise ValueError("times carry no offset in this shape")
            at = (local - offset).replace(tzinfo=UTC)
            hour: Hour = {"time": at.isoformat()}
            for name, column in zip(VARIABLES, columns, strict=True):
                hour[name] = _number(column[index])
            hours.append(hour)
    except (ValueError, TypeError, KeyError, AttributeError, OverflowError) as exc:
        raise ProviderUnavailable(
            "the weather provider's answer is not an hourly forecast"
        ) from exc
    return sorted(hours, key=lambda hour: hour["time"])
