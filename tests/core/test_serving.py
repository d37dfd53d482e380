"""core.serving's HTTP protocol under a real uvicorn server on loopback: what a request writes in
one turn of the loop reaches the connection's transport as one write, and every kind of answer
(JSON, streamed, closing, upgraded to a WebSocket) still arrives whole and in order."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
import uvicorn
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol
from websockets.sync.client import connect

from core.serving import HTTP_PROTOCOL, HttpProtocol
from tests.live import in_this_process

#: Every write that reached a connection's real transport, per test server.
_WRITES: list[bytes] = []


class _Counted:
    """The real transport, with the writes it is given recorded."""

    def __init__(self, transport: asyncio.Transport) -> None:
        self._transport = transport

    def write(self, data: bytes) -> None:
        _WRITES.append(bytes(data))
        self._transport.write(data)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class _CountedOurs(HttpProtocol):
    """core.serving's protocol, its transport's writes counted underneath its own."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(_Counted(transport))  # type: ignore[arg-type]


class _CountedStock(HttpToolsProtocol):
    """uvicorn's own httptools protocol, counted the same way (what the module improves on)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(_Counted(transport))  # type: ignore[arg-type]


async def _app(scope: dict[str, Any], receive: Any, send: Any) -> None:
    if scope["type"] == "lifespan":
        assert (await receive())["type"] == "lifespan.startup"
        await send({"type": "lifespan.startup.complete"})
        assert (await receive())["type"] == "lifespan.shutdown"
        await send({"type": "lifespan.shutdown.complete"})
        return
    if scope["type"] == "websocket":
        assert (await receive())["type"] == "websocket.connect"
        await send({"type": "websocket.accept"})
        while (message := await receive())["type"] == "websocket.receive":
            await send({"type": "websocket.send", "text": "echo " + message["text"]})
        return
    path = scope["path"]
    json = [(b"content-type", b"application/json")]
    if path == "/json":
        headers = [*json, (b"content-length", b"14")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b'{"answer": 42}'})
    elif path == "/stream":
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for chunk in (b"one ", b"two ", b"three"):
            await send({"type": "http.response.body", "body": chunk, "more_body": True})
            await asyncio.sleep(0)  # the end of this turn of the loop, not a timed wait
        await send({"type": "http.response.body", "body": b""})
    elif path == "/big":  # 4 MiB written in one turn of the loop, 256 KiB at a time
        await send({"type": "http.response.start", "status": 200, "headers": []})
        for _ in range(16):
            await send({"type": "http.response.body", "body": b"x" * 262144, "more_body": True})
        await send({"type": "http.response.body", "body": b""})
    elif path == "/close":
        headers = [*json, (b"content-length", b"13"), (b"connection", b"close")]
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        await send({"type": "http.response.body", "body": b'{"bye": true}'})


def _server(protocol: type[asyncio.Protocol]) -> Any:
    return in_this_process(_app, http=protocol, loop="uvloop")


@pytest.fixture
def ours() -> Iterator[str]:
    _WRITES.clear()
    with _server(_CountedOurs) as address:
        yield address


def _writes_of(address: str, path: str, **headers: str) -> tuple[httpx.Response, list[bytes]]:
    with httpx.Client(base_url=f"http://{address}") as client:
        client.get("/json")  # the connection is open before the writes are counted
        _WRITES.clear()
        answer = client.get(path, headers=headers)
        return answer, list(_WRITES)


def test_a_head_and_its_body_leave_in_one_write(ours: str) -> None:
    answer, writes = _writes_of(ours, "/json")
    assert answer.status_code == 200
    assert answer.json() == {"answer": 42}
    assert len(writes) == 1
    assert writes[0].startswith(b"HTTP/1.1 200 OK\r\n")
    assert writes[0].endswith(b'\r\n\r\n{"answer": 42}')


def test_uvicorns_own_protocol_writes_twice() -> None:
    """What the test above would see without core.serving."""
    _WRITES.clear()
    with _server(_CountedStock) as address:
        answer, writes = _writes_of(address, "/json")
    assert answer.json() == {"answer": 42}
    assert len(writes) == 2


def test_a_streamed_answer_leaves_turn_by_turn_in_order(ours: str) -> None:
    answer, writes = _writes_of(ours, "/stream")
    assert answer.status_code == 200
    assert answer.text == "one two three"
    # The head goes with the first chunk; each later chunk at the end of its own turn; the
    # chunked encoding's end with nothing after it.
    assert len(writes) == 4
    assert writes[0].startswith(b"HTTP/1.1 200 OK\r\n") and writes[0].endswith(b"4\r\none \r\n")
    assert writes[-1] == b"0\r\n\r\n"


def test_a_big_answer_written_in_one_turn_is_not_held_until_its_end(ours: str) -> None:
    answer, writes = _writes_of(ours, "/big")
    assert answer.content == b"x" * (16 * 262144)
    # Each chunk goes to the transport as it is written (where the transport's own flow control
    # can pause the writer), not all 4 MiB at the end of the turn.
    assert len(writes) >= 16
    assert max(len(write) for write in writes) < 2 * 262144


def test_what_is_pending_is_sent_before_the_connection_closes(ours: str) -> None:
    host, port = ours.split(":")
    with socket.create_connection((host, int(port))) as raw:
        raw.sendall(b"GET /close HTTP/1.1\r\nhost: test\r\n\r\n")
        received = b""
        while chunk := raw.recv(65536):  # the server closes the connection after its answer
            received += chunk
    assert received.startswith(b"HTTP/1.1 200 OK\r\n")
    assert received.endswith(b'\r\n\r\n{"bye": true}')


def test_a_websocket_upgraded_from_it_talks_both_ways(ours: str) -> None:
    with connect(f"ws://{ours}/socket") as socket_:
        socket_.send("hello")
        assert socket_.recv(timeout=5) == "echo hello"
        socket_.send("again")
        assert socket_.recv(timeout=5) == "echo again"


def test_the_protocol_is_named_for_uvicorn() -> None:
    """`trellis serve`, the live test servers and the benchmark name it by this import string."""
    assert uvicorn.importer.import_from_string(HTTP_PROTOCOL) is HttpProtocol
