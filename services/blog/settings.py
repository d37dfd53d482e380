"""Settings of the blog (and its Conduit facade)."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, get_settings, seconds_within, setting


@dataclass(frozen=True)
class BlogSettings(SettingsSection):
    """The blog: how long a process may keep the popular-tags answer."""

    tags_cache_seconds: float = setting(
        "BLOG_TAGS_CACHE_SECONDS",
        5.0,
        "With REDIS_URL, each app process keeps the Conduit facade's tags answer until a post's "
        "tags or publication change anywhere (every process hears it at once on the realtime "
        "fan-out) and at most this long, which bounds what a lost message can leave stale. "
        "Without Redis, or 0, every request reads the tags.",
        parse=seconds_within(300, zero=True),
    )


def blog_settings() -> BlogSettings:
    return get_settings().section(BlogSettings)
