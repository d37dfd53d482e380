"""Settings every realtime socket shares (its handshake tickets, its limits)."""

from __future__ import annotations

from dataclasses import dataclass

from core.settings import SettingsSection, positive_int, seconds_within, setting


@dataclass(frozen=True)
class RealtimeSettings(SettingsSection):
    """Realtime sockets: handshake tickets and what one connection may do."""

    ticket_seconds: float = setting(
        "REALTIME_TICKET_SECONDS",
        30.0,
        "How long a WebSocket handshake ticket (POST /realtime/tickets) stays redeemable.",
        parse=seconds_within(300),
    )
    recheck_seconds: float = setting(
        "REALTIME_RECHECK_SECONDS",
        60.0,
        "How often an open socket's credential is checked again (revoked, disabled: close 4401); "
        "a token is also closed at its expiry.",
        parse=seconds_within(3600),
    )
    messages_per_second: float = setting(
        "REALTIME_MESSAGES_PER_SECOND",
        20.0,
        "Messages per second a client may send on one socket, sustained (over it: close 4429).",
        parse=seconds_within(10_000),
    )
    message_burst: int = setting(
        "REALTIME_MESSAGE_BURST",
        40,
        "Messages a client may send at once above that rate.",
        parse=positive_int,
    )
    socket_queue: int = setting(
        "REALTIME_SOCKET_QUEUE",
        256,
        "Messages one socket may fall behind its channel before it is closed with 4000 (resync).",
        parse=positive_int,
    )
