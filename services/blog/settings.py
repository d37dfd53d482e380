"""Settings of the blog (and its Conduit facade)."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, get_settings, seconds_within, setting


@dataclass(frozen=True)
class BlogSettings(SettingsSection):
    """The blog: how long a process may keep the answers it keeps."""

    kept_answers_seconds: float = setting(
        "BLOG_KEPT_ANSWERS_SECONDS",
        5.0,
        "With REDIS_URL, each app process keeps the Conduit facade's tags answer and its "
        "article answers as anonymous readers get them (lists and single articles, by exact "
        "path and query; a signed reader gets them with its own flags, read fresh), and the "
        "main API's post lists, posts and tag pages the same way, until a "
        "post, its tags, a favorite or a profile changes anywhere (every process hears it at once "
        "on the realtime fan-out) and at most this long, which bounds what a lost message can "
        "leave stale. Without Redis, or 0, every request reads.",
        parse=seconds_within(300, zero=True),
    )


def blog_settings() -> BlogSettings:
    return get_settings().section(BlogSettings)
