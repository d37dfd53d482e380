"""Settings of the notifications row: how long one SSE stream lasts, how often it proves it is
alive, and what it tells clients about reconnecting."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, get_settings, positive_int, setting


def _positive_seconds(raw: str) -> float:
    value = float(raw)
    if not value > 0:
        raise ValueError("must be a positive number of seconds")
    return value


@dataclass(frozen=True)
class NotificationsSettings(SettingsSection):
    """Settings of the notifications row (its SSE stream)."""

    notifications_stream_max_seconds: float = setting(
        "NOTIFICATIONS_STREAM_MAX_SECONDS",
        300.0,
        "Longest life of one notification stream (GET /notifications/stream); the client then "
        "reconnects with Last-Event-ID and misses nothing. Bounds what a held connection costs.",
        parse=_positive_seconds,
    )
    notifications_stream_heartbeat_seconds: float = setting(
        "NOTIFICATIONS_STREAM_HEARTBEAT_SECONDS",
        15.0,
        "A `: keep-alive` comment goes down a quiet notification stream this often, so proxies "
        "and clients do not take it for dead.",
        parse=_positive_seconds,
    )
    notifications_stream_retry_ms: int = setting(
        "NOTIFICATIONS_STREAM_RETRY_MS",
        3000,
        "The `retry:` hint sent first on a notification stream: how long an EventSource waits "
        "before reconnecting (milliseconds).",
        parse=positive_int,
    )
    notifications_stream_queue: int = setting(
        "NOTIFICATIONS_STREAM_QUEUE",
        256,
        "Live notifications one stream may fall behind before it is ended (the client "
        "reconnects with Last-Event-ID and catches up from the database).",
        parse=positive_int,
    )


def notifications_settings() -> NotificationsSettings:
    return get_settings().section(NotificationsSettings)
