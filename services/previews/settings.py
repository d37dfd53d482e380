"""Settings of link previews."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, get_settings, setting


@dataclass(frozen=True)
class PreviewsSettings(SettingsSection):
    """Link previews: how long a page's preview is reused and how much of a page is read."""

    cache_ttl_seconds: int = setting(
        "PREVIEWS_CACHE_TTL_SECONDS",
        24 * 3600,
        "A page's preview is reused for this long before it is fetched again.",
    )
    max_page_bytes: int = setting(
        "PREVIEWS_MAX_PAGE_BYTES",
        1_000_000,
        "The largest page (decoded bytes) a preview is made from; larger answers 502.",
    )


def previews_settings() -> PreviewsSettings:
    return get_settings().section(PreviewsSettings)
