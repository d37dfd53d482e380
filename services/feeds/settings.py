"""Settings of the feed aggregator."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, get_settings, setting


@dataclass(frozen=True)
class FeedsSettings(SettingsSection):
    """Feeds: how often feeds are polled, how failures back off, how much of a feed is read."""

    poll_interval_seconds: int = setting(
        "FEEDS_POLL_INTERVAL_SECONDS",
        1800,
        "A feed that answered is fetched again (conditionally) after this many seconds.",
    )
    backoff_base_seconds: int = setting(
        "FEEDS_BACKOFF_BASE_SECONDS",
        300,
        "After a failed fetch a feed waits this long, doubled for each further failure in a row.",
    )
    backoff_max_seconds: int = setting(
        "FEEDS_BACKOFF_MAX_SECONDS",
        86400,
        "The longest a failing feed waits between two attempts.",
    )
    min_refresh_seconds: int = setting(
        "FEEDS_MIN_REFRESH_SECONDS",
        60,
        "A user's refresh of a feed fetched less than this many seconds ago answers 429.",
    )
    max_feed_bytes: int = setting(
        "FEEDS_MAX_FEED_BYTES",
        2_000_000,
        "The largest feed document (decoded bytes) read; a larger one is recorded as an error.",
    )
    max_entries: int = setting(
        "FEEDS_MAX_ENTRIES_PER_FETCH",
        200,
        "Entries read from one fetch of a feed at most (the first ones of the document).",
    )
    poll_batch: int = setting(
        "FEEDS_POLL_BATCH",
        100,
        "Due feeds the periodic sweep queues per run (every minute).",
    )
    lease_seconds: int = setting(
        "FEEDS_LEASE_SECONDS",
        120,
        "How long a poller holds a feed before the sweep may hand it to another.",
    )


def feeds_settings() -> FeedsSettings:
    return get_settings().section(FeedsSettings)
