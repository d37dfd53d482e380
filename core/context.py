"""Request-scoped values shared by middleware, logging and error rendering, and the one way to add
a header to the answer of the current request from outside its handler.

Some steps learn before the handler runs what the answer must carry: an API key's RateLimit-*
headers, the new cookies of a session whose id was rotated. They call `add_response_header`;
`ResponseHeadersMiddleware` (installed in every Connexion app by core.connexion_app, outside
Connexion's error handling) gives each request an empty list and appends what was added to the
answer, whatever produced it: the handler, a validation error or a refused credential. A rotated
session cookie must reach the client even when the request fails, or the client is left holding
an id that no longer works.
"""

from __future__ import annotations

import contextvars

from starlette.types import ASGIApp, Message, Receive, Scope, Send

request_id_var: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "trellis_request_id", default=None
)
_response_headers: contextvars.ContextVar[list[tuple[bytes, bytes]] | None] = (
    contextvars.ContextVar("trellis_response_headers", default=None)
)


def add_response_header(name: str, value: str) -> None:
    """Adds a header to the answer of the current request (several calls may add the same name:
    each Set-Cookie is its own header)."""
    pending = _response_headers.get()
    if pending is None:
        raise RuntimeError("add_response_header() outside a request served by a Connexion app")
    pending.append((name.lower().encode("latin-1"), value.encode("latin-1")))


class ResponseHeadersMiddleware:
    """Writes the headers added during a request onto its answer."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        pending: list[tuple[bytes, bytes]] = []
        token = _response_headers.set(pending)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start" and pending:
                message = {**message, "headers": [*message.get("headers", []), *pending]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_headers)
        finally:
            _response_headers.reset(token)
