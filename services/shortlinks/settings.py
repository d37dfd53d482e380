"""Settings of short links."""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from core.settings import SettingsSection, get_settings, seconds_within, setting


def _base_url(raw: str) -> str:
    parts = urlsplit(raw.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.path not in ("", "/"):
        raise ValueError("SHORTLINKS_BASE_URL must be an http(s) origin such as https://sho.rt")
    return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class ShortlinksSettings(SettingsSection):
    """Short links: the public address of short URLs and how clicks are buffered."""

    base_url: str | None = setting(
        "SHORTLINKS_BASE_URL",
        None,
        "The origin short URLs are shown under (`https://sho.rt` gives `https://sho.rt/s/<code>`); "
        "unset, the origin each request came in on. Its host is refused as a link target.",
        parse=_base_url,
    )
    own_hosts: tuple[str, ...] = setting(
        "SHORTLINKS_OWN_HOSTS",
        (),
        "More host names that reach this server (comma-separated); targets on them are refused "
        "like targets on the base URL's host and the request's own Host, so no link loops.",
    )
    redirect_cache_seconds: float = setting(
        "SHORTLINKS_REDIRECT_CACHE_SECONDS",
        2.0,
        "Each app process remembers a usable link's target this long, so most redirects read "
        "nothing; switching a link off, retargeting or deleting it reaches the other processes "
        "within this delay (the process that made the change at once). 0 reads every time.",
        parse=seconds_within(300, zero=True),
    )
    click_flush_seconds: float = setting(
        "SHORTLINKS_CLICK_FLUSH_SECONDS",
        5.0,
        "How often each app process writes the clicks it counted into the daily stats; a crashed "
        "process loses at most this long of its clicks (a stopping one writes them first).",
        parse=seconds_within(3600),
    )
    click_buffer_keys: int = setting(
        "SHORTLINKS_CLICK_BUFFER_KEYS",
        10_000,
        "A process flushes early once its buffer holds this many distinct (link, day, referrer, "
        "agent) counters, so memory stays bounded under a flood of distinct referrers.",
    )


def shortlinks_settings() -> ShortlinksSettings:
    return get_settings().section(ShortlinksSettings)
