"""Settings of collaborative presence."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, positive_int, seconds_within, setting


@dataclass(frozen=True)
class PresenceSettings(SettingsSection):
    """Presence: how long a silent connection stays, how often the dead are swept."""

    heartbeat_timeout_seconds: float = setting(
        "PRESENCE_HEARTBEAT_TIMEOUT_SECONDS",
        30.0,
        "A room socket that sends nothing (heartbeat or cursor) for this long is closed with 4408 "
        "and leaves the room; clients send a heartbeat every third of it.",
        parse=seconds_within(600),
    )
    sweep_seconds: float = setting(
        "PRESENCE_SWEEP_SECONDS",
        1.0,
        "How often every app process removes the participants whose process died (their "
        "heartbeat deadline, the timeout plus one sweep, passed) and announces that they left.",
        parse=seconds_within(60),
    )
    max_message_bytes: int = setting(
        "PRESENCE_MAX_MESSAGE_BYTES",
        1024,
        "The biggest message (a cursor/selection update) a client may send on a room socket; "
        "over it the socket is closed with 1009.",
        parse=positive_int,
    )
