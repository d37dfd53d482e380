"""Two app processes (one uvicorn worker each, on their own ports) over one PostgreSQL and one
Redis: what is published through one reaches a socket of the other (core.realtime over Redis),
a ticket issued by one is redeemed by the other, and presence is the same on both. PostgreSQL +
Redis run only: without Redis one process is all there is."""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from typing import Any

import httpx
import orjson
import pytest
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from core.settings import get_settings
from core.sockets import CloseCode
from tests.factories.identity import auth_headers, make_user, token_login
from tests.factories.presence import make_presence_room
from tests.live import serve
from tests.realtime_contract import ChannelContract

pytestmark = pytest.mark.skipif(
    not get_settings().redis_url, reason="several processes share presence through Redis"
)

SERVER = ChannelContract("presenceRoom")
WAIT = 20.0


@pytest.fixture(scope="module")
def live_server_pair() -> Iterator[tuple[str, str]]:
    servers = [serve(args=("--workers", "1")) for _ in range(2)]
    with ExitStack() as stack:
        for server in servers:
            stack.push(server.__exit__)
        # Both start at once: most of a server's start is importing the app.
        with ThreadPoolExecutor(2) as pool:
            a, b = pool.map(lambda server: server.__enter__(), servers)
        yield a, b


def _socket(base: str, room_id: object, protocols: list[str]) -> ClientConnection:
    url = base.replace("http", "ws", 1) + f"/api/v1/presence/rooms/{room_id}/socket"
    return connect(url, subprotocols=protocols, open_timeout=WAIT)  # type: ignore[arg-type]


def _bearer(user) -> list[str]:  # type: ignore[no-untyped-def]
    return ["trellis.v1", f"bearer.{token_login(user).access_token}"]


def _next(socket: ClientConnection) -> dict[str, Any]:
    return SERVER.check(orjson.loads(socket.recv(timeout=WAIT)))


def test_presence_and_tickets_across_two_processes(live_server_pair):
    a, b = live_server_pair
    owner, member = make_user(), make_user()
    room = make_presence_room(owner, members=[member])
    # A ticket issued by process A opens a socket on process B.
    ticket = httpx.post(f"{a}/api/v1/realtime/tickets", headers=auth_headers(owner)).json()
    with _socket(b, room.id, ticket["subprotocols"]) as watcher:
        assert watcher.subprotocol == "trellis.v1"
        assert _next(watcher)["type"] == "snapshot"
        # Joining on A publishes through A's process; B's socket hears it.
        with _socket(a, room.id, _bearer(member)) as joiner:
            connection_id = _next(joiner)["connection_id"]
            joined = _next(watcher)
            assert joined["participant"]["connection_id"] == connection_id
            seen_on_b = httpx.get(
                f"{b}/api/v1/presence/rooms/{room.id}/participants", headers=auth_headers(owner)
            ).json()["items"]
            assert connection_id in [p["connection_id"] for p in seen_on_b]
            joiner.send(orjson.dumps({"type": "cursor", "cursor": {"line": 7}}).decode())
            assert _next(watcher)["cursor"] == {"line": 7}
        # A's connection dropped: B sees it leave, and B's view of the room no longer has it.
        left = _next(watcher)
        assert (left["connection_id"], left["reason"]) == (connection_id, "closed")
        seen_on_b = httpx.get(
            f"{b}/api/v1/presence/rooms/{room.id}/participants", headers=auth_headers(owner)
        ).json()["items"]
        assert connection_id not in [p["connection_id"] for p in seen_on_b]
        # The spent ticket is refused by process A too.
        with _socket(a, room.id, ticket["subprotocols"]) as again:
            with pytest.raises(ConnectionClosed) as closed:
                again.recv(timeout=WAIT)
            assert closed.value.rcvd is not None
            assert closed.value.rcvd.code == CloseCode.UNAUTHENTICATED
        # A REST write on A (publish after commit) closes the socket on B.
        deleted = httpx.delete(f"{a}/api/v1/presence/rooms/{room.id}", headers=auth_headers(owner))
        assert deleted.status_code == 204
        with pytest.raises(ConnectionClosed) as closed:
            watcher.recv(timeout=WAIT)
        assert closed.value.rcvd is not None
        assert closed.value.rcvd.code == CloseCode.NOT_FOUND
