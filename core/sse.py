"""Server-Sent Events: the wire framing and the response every `text/event-stream` operation
answers with (the notifications stream, the live poll results stream).

    retry(3000)                          b"retry: 3000\\n\\n"   how long an EventSource waits to
                                         reconnect; sent first, once the stream is subscribed
    event({"a": 1}, id=7, name="x")      b"id: 7\\nevent: x\\ndata: {\\"a\\":1}\\n\\n"
    KEEP_ALIVE                           b": keep-alive\\n\\n"  a comment for a quiet stream
    stream(chunks)                       the StreamingResponse: no caching, no proxy buffering

`data` is one line of compact JSON (orjson never writes a raw newline), so one `data:` field
carries it whole.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import orjson
from starlette.responses import StreamingResponse

MEDIA_TYPE = "text/event-stream"
KEEP_ALIVE = b": keep-alive\n\n"


def retry(milliseconds: int) -> bytes:
    return b"retry: %d\n\n" % milliseconds


def event(data: Any, *, id: int | str, name: str) -> bytes:
    head = b"id: %s\nevent: %s\n" % (str(id).encode(), name.encode())
    return head + b"data: " + orjson.dumps(data) + b"\n\n"


def stream(chunks: AsyncIterator[bytes]) -> StreamingResponse:
    """The answer of an event stream operation (nginx and caches pass it through unbuffered)."""
    return StreamingResponse(
        chunks,
        media_type=MEDIA_TYPE,
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )
