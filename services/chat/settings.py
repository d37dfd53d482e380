"""Settings of chat."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, positive_int, seconds_within, setting


@dataclass(frozen=True)
class ChatSettings(SettingsSection):
    """Chat: how long a silent socket stays, how often a member may say they are typing."""

    idle_seconds: float = setting(
        "CHAT_IDLE_SECONDS",
        60.0,
        "A room socket that sends nothing (a heartbeat, a message, typing) for this long is closed "
        "with 4408; its member counts as online until then. Clients heartbeat every third of it.",
        parse=seconds_within(600),
    )
    typing_seconds: float = setting(
        "CHAT_TYPING_SECONDS",
        2.0,
        "A member's typing indicator is broadcast at most once per this many seconds per room; "
        "the ones in between are dropped silently.",
        parse=seconds_within(60),
    )
    max_message_bytes: int = setting(
        "CHAT_MAX_SOCKET_MESSAGE_BYTES",
        8192,
        "The biggest message a client may send on a room socket; over it the socket closes with "
        "1009.",
        parse=positive_int,
    )
