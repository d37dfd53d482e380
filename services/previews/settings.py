"""Settings of link previews."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, get_settings, seconds_within, setting

DAY = 24 * 3600


@dataclass(frozen=True)
class PreviewsSettings(SettingsSection):
    """Link previews: how long a page's preview is reused and how much of a page is read."""

    cache_ttl_seconds: int = setting(
        "PREVIEWS_CACHE_TTL_SECONDS",
        24 * 3600,
        "A page's preview is reused for this long before it is fetched again.",
    )
    purge_after_seconds: float = setting(
        "PREVIEWS_PURGE_AFTER_SECONDS",
        float(7 * DAY),
        "A cached page no lookup shows is deleted by the hourly purge this long after it "
        "expired (a page a lookup shows stays: the lookup shows it).",
        parse=seconds_within(365 * DAY, zero=True),
    )
    max_page_bytes: int = setting(
        "PREVIEWS_MAX_PAGE_BYTES",
        1_000_000,
        "The largest page (decoded bytes) a preview is made from; larger answers 502.",
    )


def previews_settings() -> PreviewsSettings:
    return get_settings().section(PreviewsSettings)
