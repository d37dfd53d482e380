"""Settings of the exchange-rate cache."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from core.settings import (
    SettingsSection,
    get_settings,
    http_base_url,
    seconds_within,
    setting,
)

DAY = 24 * 3600


def _day(raw: str) -> date:
    try:
        return date.fromisoformat(raw.strip())
    except ValueError:
        raise ValueError(f"RATES_EARLIEST_DATE must be a date (YYYY-MM-DD), not {raw!r}") from None


@dataclass(frozen=True)
class RatesSettings(SettingsSection):
    """Exchange rates: where they come from and how long a snapshot is served."""

    base_url: str = setting(
        "RATES_BASE_URL",
        "https://api.frankfurter.app",
        "The rates provider (Frankfurter/ECB-shaped API: `<url>/latest?base=EUR`, "
        "`<url>/2026-11-27?base=EUR`), called through core.outbound.",
        parse=http_base_url("RATES_BASE_URL"),
    )
    ttl_seconds: float = setting(
        "RATES_TTL_SECONDS",
        3600.0,
        "A snapshot of the latest (or today's) rates is served from the cache for this long.",
        parse=seconds_within(30 * DAY),
    )
    max_stale_seconds: float = setting(
        "RATES_MAX_STALE_SECONDS",
        float(DAY),
        "Past its TTL, a snapshot stale by at most this long is served at once (flagged) while "
        "one background refresh runs; older ones are fetched during the request.",
        parse=seconds_within(30 * DAY, zero=True),
    )
    stale_if_error_seconds: float = setting(
        "RATES_STALE_IF_ERROR_SECONDS",
        float(7 * DAY),
        "When the provider fails, a snapshot stale by at most this long is served (flagged) "
        "instead of a 502/504; 0 never serves one.",
        parse=seconds_within(365 * DAY, zero=True),
    )
    retry_after_failure_seconds: float = setting(
        "RATES_RETRY_AFTER_FAILURE_SECONDS",
        10.0,
        "After a failed call, the provider is not asked for the same snapshot again for this "
        "long (requests meanwhile get the same answer: the stale snapshot or the error).",
        parse=seconds_within(3600, zero=True),
    )
    earliest_date: date = setting(
        "RATES_EARLIEST_DATE",
        date(1999, 1, 4),
        "The provider's first day of rates; an earlier date answers 422.",
        parse=_day,
    )


def rates_settings() -> RatesSettings:
    return get_settings().section(RatesSettings)
