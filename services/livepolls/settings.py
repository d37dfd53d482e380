"""Settings of the livepolls row: how often a watcher is sent new counts, and how long one
watch (WebSocket or SSE stream) lasts and proves it is alive."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, get_settings, positive_int, setting


def _seconds(raw: str) -> float:
    value = float(raw)
    if not value > 0:
        raise ValueError("must be a positive number of seconds")
    return value


def _milliseconds(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError("must be 0 or more milliseconds")
    return value


@dataclass(frozen=True)
class LivepollsSettings(SettingsSection):
    """Settings of the livepolls row (live poll results over WebSocket and SSE)."""

    livepolls_coalesce_ms: int = setting(
        "LIVEPOLLS_COALESCE_MS",
        200,
        "A poll watcher is sent at most one count update per this many milliseconds; the "
        "latest counts are always sent at the end of the window (0: every change at once).",
        parse=_milliseconds,
    )
    livepolls_stream_max_seconds: float = setting(
        "LIVEPOLLS_STREAM_MAX_SECONDS",
        300.0,
        "Longest life of one live poll results stream (SSE); the client reconnects and gets a "
        "fresh snapshot. Bounds what a held connection costs.",
        parse=_seconds,
    )
    livepolls_heartbeat_seconds: float = setting(
        "LIVEPOLLS_HEARTBEAT_SECONDS",
        15.0,
        "A `: keep-alive` comment goes down a quiet live poll results stream this often.",
        parse=_seconds,
    )
    livepolls_retry_ms: int = setting(
        "LIVEPOLLS_RETRY_MS",
        3000,
        "The `retry:` hint sent first on a live poll results stream (milliseconds).",
        parse=positive_int,
    )
    livepolls_queue: int = setting(
        "LIVEPOLLS_QUEUE",
        4096,
        "Poll changes one watcher may have unread before it must resync (WebSocket 4000, SSE "
        "stream ends). Each is folded into the watcher's latest state at once, so only a "
        "stalled event loop fills it.",
        parse=positive_int,
    )


def livepolls_settings() -> LivepollsSettings:
    return get_settings().section(LivepollsSettings)
