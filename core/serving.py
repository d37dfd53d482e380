"""The HTTP protocol `trellis serve` runs uvicorn with: uvicorn's httptools protocol, whose writes
made in one turn of the event loop leave in one send.

uvicorn writes a response's head when the app sends `http.response.start` and its body when the
app sends `http.response.body`, and uvloop sends each write at once: two `send` system calls for
every ordinary response, where the kernel's cost (on loopback it also delivers the segment to
the reader) is most of what a write costs. Here the writes a request makes in one turn of the
loop are gathered and sent together at the end of that turn (`loop.call_soon`), so a head and a
body sent one after the other (every JSON answer, every problem) leave in one send, in order. A
streamed response (a download, SSE) still leaves chunk by chunk, each at the end of the turn it
was written in; nothing waits for a later turn. What is gathered is sent at once when it
reaches `SEND_AT_ONCE` bytes, so a big answer written in one turn is neither held whole in memory
nor kept from the transport's flow control (it pauses the writer when the socket is full).
"""

from __future__ import annotations

import asyncio
from typing import Any

from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

#: Bytes gathered in one turn that are sent without waiting for the turn's end.
SEND_AT_ONCE = 64 * 1024

#: The protocol as uvicorn's `--http` option (and `uvicorn.Config(http=...)`) names it.
HTTP_PROTOCOL = "core.serving:HttpProtocol"


class _TurnWrites:
    """A transport whose writes of one loop turn are sent at the turn's end, in one write. Every
    other call goes to the real transport; closing or aborting sends what is pending first
    (aborting drops it, as the real transport drops its own buffer)."""

    __slots__ = ("_loop", "_pending", "_size", "_transport")

    def __init__(self, transport: asyncio.Transport, loop: asyncio.AbstractEventLoop) -> None:
        self._transport = transport
        self._loop = loop
        self._pending: list[bytes] | None = None
        self._size = 0

    def write(self, data: bytes) -> None:
        if self._pending is None:
            self._pending, self._size = [data], len(data)
            self._loop.call_soon(self._send)
        else:
            self._pending.append(data)
            self._size += len(data)
        if self._size >= SEND_AT_ONCE:
            self._send()  # the turn's callback then finds nothing to send

    def writelines(self, data: Any) -> None:
        for chunk in data:
            self.write(chunk)

    def _send(self) -> None:
        pending, self._pending, self._size = self._pending, None, 0
        if not pending or self._transport.is_closing():
            return
        self._transport.write(pending[0] if len(pending) == 1 else b"".join(pending))

    def get_write_buffer_size(self) -> int:
        return self._transport.get_write_buffer_size() + self._size

    def close(self) -> None:
        self._send()
        self._transport.close()

    def abort(self) -> None:
        self._pending, self._size = None, 0
        self._transport.abort()

    def write_eof(self) -> None:
        self._send()
        self._transport.write_eof()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._transport, name)


class HttpProtocol(HttpToolsProtocol):
    """uvicorn's httptools protocol on a `_TurnWrites` transport (see the module)."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(_TurnWrites(transport, self.loop))  # type: ignore[arg-type]
