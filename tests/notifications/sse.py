"""An in-process client for the notification stream that reads it event by event.

httpx's ASGITransport and Starlette's TestClient both collect the whole body before answering, so
they cannot read a stream that stays open: this drives the ASGI app directly on the running loop
(the loop `core.realtime.serving()` serves) and parses the body as it arrives."""

from __future__ import annotations

import asyncio
from typing import Any
from urllib.parse import urlencode

import orjson

#: A bound on each wait for the server, long enough for a loaded machine; arrivals return at once.
WAIT = 20.0


class Stream:
    """`async with Stream(app, headers, params) as stream:` then `await stream.event()`; `path`
    names another event stream operation (the live poll results)."""

    def __init__(
        self,
        app: Any,
        headers: dict[str, str],
        params: dict[str, Any] | None = None,
        *,
        path: str = "/api/v1/notifications/stream",
    ):
        self.app = app
        self.path = path
        self.headers = headers
        self.query = urlencode(params or {})
        self.status = 0
        self.response_headers: dict[str, str] = {}
        self.buffer = b""
        self.ended = False
        self._messages: asyncio.Queue[dict[str, Any]] = asyncio.Queue()
        self._disconnected = asyncio.Event()
        self._requested = False

    async def __aenter__(self) -> Stream:
        path = self.path
        scope = {
            "type": "http",
            "asgi": {"version": "3.0", "spec_version": "2.3"},
            "http_version": "1.1",
            "method": "GET",
            "scheme": "http",
            "path": path,
            "raw_path": path.encode(),
            "root_path": "",
            "query_string": self.query.encode(),
            "headers": [(b"host", b"127.0.0.1")]
            + [(name.lower().encode(), value.encode()) for name, value in self.headers.items()],
            "client": ("127.0.0.1", 50000),
            "server": ("127.0.0.1", 80),
            "state": {},
        }
        self._task = asyncio.create_task(self.app(scope, self._receive, self._messages.put))
        start = await self._next()
        assert start["type"] == "http.response.start", start
        self.status = start["status"]
        self.response_headers = {k.decode(): v.decode() for k, v in start["headers"]}
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._disconnected.set()
        try:
            await asyncio.wait_for(self._task, WAIT)
        finally:
            self._task.cancel()

    async def _receive(self) -> dict[str, Any]:
        if not self._requested:
            self._requested = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await self._disconnected.wait()
        return {"type": "http.disconnect"}

    async def _next(self) -> dict[str, Any]:
        get = asyncio.ensure_future(self._messages.get())
        done, _ = await asyncio.wait({get, self._task}, timeout=WAIT, return_when="FIRST_COMPLETED")
        if get in done:
            return get.result()
        get.cancel()
        if self._task in done:
            self._task.result()  # the app's exception, if any
            raise AssertionError("the app ended without answering")
        raise TimeoutError("the stream sent nothing")

    async def block(self) -> str | None:
        """The next block of lines (up to a blank line), None once the stream has ended."""
        while b"\n\n" not in self.buffer:
            if self.ended:
                return None
            message = await self._next()
            self.buffer += message.get("body", b"")
            self.ended = not message.get("more_body", False)
        block, self.buffer = self.buffer.split(b"\n\n", 1)
        return block.decode()

    async def event(self) -> dict[str, Any]:
        """The next event that carries data, as {"id", "event", "data"}; comments are skipped."""
        while True:
            block = await self.block()
            assert block is not None, "the stream ended"
            fields = dict(line.split(": ", 1) for line in block.split("\n") if ": " in line)
            if "data" in fields:
                return {
                    "id": int(fields["id"]),
                    "event": fields["event"],
                    "data": orjson.loads(fields["data"]),
                }

    async def rest(self) -> str:
        """Everything until the stream ends."""
        while not self.ended:
            message = await self._next()
            self.buffer += message.get("body", b"")
            self.ended = not message.get("more_body", False)
        rest, self.buffer = self.buffer, b""
        return rest.decode()
