"""No test connects anywhere but this machine's loopback.

Code under test that fetches URLs (core.outbound and the rows built on it) is fenced: every
`socket.connect` / `connect_ex` of the test process to an IPv4 or IPv6 address outside loopback
is refused on the spot (OSError, so no packet leaves) and recorded, and the test that did it fails
when it ends, even if the code under test swallowed the error (a guard bug then shows up as a
failing test, never as traffic to another address). Unix sockets and loopback pass.
"""

from __future__ import annotations

import ipaddress
import socket
from typing import Any

#: Non-loopback connect attempts since the last `take_violations()`.
VIOLATIONS: list[str] = []
_connect = socket.socket.connect
_connect_ex = socket.socket.connect_ex


def _outside_loopback(sock: socket.socket, address: Any) -> str | None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6):
        return None
    host = str(address[0]).split("%", 1)[0]
    try:
        if ipaddress.ip_address(host).is_loopback:
            return None
    except ValueError:  # a name: connect() would resolve it; refuse it unresolved
        if host == "localhost":
            return None
    return f"{host}:{address[1]}"


def _fenced_connect(self: socket.socket, address: Any) -> None:
    target = _outside_loopback(self, address)
    if target is not None:
        VIOLATIONS.append(target)
        raise OSError(f"tests/support/network_fence.py: connecting to {target} is refused")
    _connect(self, address)


def _fenced_connect_ex(self: socket.socket, address: Any) -> int:
    target = _outside_loopback(self, address)
    if target is not None:
        VIOLATIONS.append(target)
        raise OSError(f"tests/support/network_fence.py: connecting to {target} is refused")
    return _connect_ex(self, address)


def install() -> None:
    socket.socket.connect = _fenced_connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _fenced_connect_ex  # type: ignore[method-assign]


def take_violations() -> list[str]:
    taken = list(VIOLATIONS)
    VIOLATIONS.clear()
    return taken
