"""Settings of the GitHub stats row."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import (
    SettingsSection,
    get_settings,
    http_base_url,
    seconds_within,
    setting,
)

DAY = 24 * 3600


def _pages(raw: str) -> int:
    value = int(raw)
    if not 1 <= value <= 100:
        raise ValueError(f"GHSTATS_MAX_PAGES must be from 1 to 100, not {raw!r}")
    return value


@dataclass(frozen=True)
class GhstatsSettings(SettingsSection):
    """GitHub stats: where profiles come from, with which token, and how long they are served."""

    base_url: str = setting(
        "GHSTATS_BASE_URL",
        "https://api.github.com",
        "The GitHub REST API (`<url>/users/{login}`, `<url>/users/{login}/repos`), called "
        "through core.outbound.",
        parse=http_base_url("GHSTATS_BASE_URL"),
    )
    token: str = setting(
        "GHSTATS_TOKEN",
        "",
        "A GitHub token sent as `Authorization: Bearer` (a higher rate limit); never logged or "
        "answered. Empty: anonymous calls.",
        secret=True,
    )
    ttl_seconds: float = setting(
        "GHSTATS_TTL_SECONDS",
        900.0,
        "A username's stats are served from the cache for this long; then the next request "
        "revalidates every page with conditional requests (ETag).",
        parse=seconds_within(30 * DAY),
    )
    stale_if_error_seconds: float = setting(
        "GHSTATS_STALE_IF_ERROR_SECONDS",
        float(7 * DAY),
        "When GitHub fails or its rate limit is spent, stats stale by at most this long are "
        "served, flagged stale, instead of a problem; 0 never serves them.",
        parse=seconds_within(365 * DAY, zero=True),
    )
    max_pages: int = setting(
        "GHSTATS_MAX_PAGES",
        10,
        "At most this many pages of 100 repositories are read per username (Link rel=next); "
        "stats of a longer list say `repos_complete: false`.",
        parse=_pages,
    )
    purge_after_seconds: float = setting(
        "GHSTATS_PURGE_AFTER_SECONDS",
        float(30 * DAY),
        "The stats, repositories, stored pages and lease of a username nobody asked for in "
        "this long are deleted by the hourly purge (keep it above the stale-if-error window).",
        parse=seconds_within(3650 * DAY),
    )
    retry_after_failure_seconds: float = setting(
        "GHSTATS_RETRY_AFTER_FAILURE_SECONDS",
        10.0,
        "After a failed fetch, GitHub is not asked for the same username again for this long "
        "(requests meanwhile get the same answer).",
        parse=seconds_within(3600, zero=True),
    )


def ghstats_settings() -> GhstatsSettings:
    return get_settings().section(GhstatsSettings)
