"""Settings of the weather alerts."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urlsplit

from core.settings import SettingsSection, get_settings, seconds_within, setting

DAY = 24 * 3600


def _base_url(raw: str) -> str:
    value = raw.strip().rstrip("/")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query:
        raise ValueError(
            f"WEATHER_PROVIDER_URL must be an http(s) URL without a query, not {raw!r}"
        )
    return value


def _whole(lowest: int, most: int, *, divides: int | None = None) -> Callable[[str], int]:
    def parse(raw: str) -> int:
        value = int(raw)
        if not lowest <= value <= most or (divides is not None and divides % value):
            also = f" dividing {divides}" if divides is not None else ""
            raise ValueError(f"expected a whole number from {lowest} to {most}{also}, not {raw!r}")
        return value

    return parse


@dataclass(frozen=True)
class WeatherSettings(SettingsSection):
    """Weather alerts: where forecasts come from, how often, and what an alert window is."""

    provider_url: str = setting(
        "WEATHER_PROVIDER_URL",
        "https://api.open-meteo.com",
        "The forecast provider (Open-Meteo-shaped: `<url>/v1/forecast?latitude=..&longitude=..&"
        "hourly=temperature_2m,precipitation_probability,wind_speed_10m`), called through "
        "core.outbound.",
        parse=_base_url,
    )
    refresh_seconds: float = setting(
        "WEATHER_REFRESH_SECONDS",
        3600.0,
        "A location's forecast is fetched again by the sweep this long after the last success.",
        parse=seconds_within(DAY),
    )
    ttl_seconds: float = setting(
        "WEATHER_FORECAST_TTL_SECONDS",
        3 * 3600.0,
        "A forecast older than this is flagged `stale` (the provider has been failing).",
        parse=seconds_within(7 * DAY),
    )
    retry_base_seconds: float = setting(
        "WEATHER_RETRY_BASE_SECONDS",
        300.0,
        "After a failed fetch the location waits this long before the next attempt; each further "
        "failure doubles the wait (with jitter: between half and all of it).",
        parse=seconds_within(DAY),
    )
    retry_max_seconds: float = setting(
        "WEATHER_RETRY_MAX_SECONDS",
        6 * 3600.0,
        "Upper bound of the wait after failed fetches.",
        parse=seconds_within(7 * DAY),
    )
    window_hours: int = setting(
        "WEATHER_WINDOW_HOURS",
        6,
        "Length of a forecast window (UTC, from midnight; divides 24): a rule met anywhere in "
        "a window sends one alert for that window, once.",
        parse=_whole(1, 24, divides=24),
    )
    horizon_hours: int = setting(
        "WEATHER_HORIZON_HOURS",
        24,
        "How far ahead the sweep looks for hours that meet a rule.",
        parse=_whole(1, 168),
    )
    purge_unused_seconds: float = setting(
        "WEATHER_PURGE_UNUSED_SECONDS",
        float(7 * DAY),
        "A place no subscription names any more (none, paused or not) is deleted, with its "
        "stored forecast, by the sweep this long after it was last fetched or made.",
        parse=seconds_within(365 * DAY),
    )
    max_subscriptions: int = setting(
        "WEATHER_MAX_SUBSCRIPTIONS_PER_USER",
        50,
        "Subscriptions one user may hold (each new place costs a provider call per refresh).",
        parse=_whole(1, 10_000),
    )


def weather_settings() -> WeatherSettings:
    return get_settings().section(WeatherSettings)
