"""The blog's kept answers on the wire (services/blog/kept.py `KEPT`, core/kept_answers.py),
shared by the Conduit facade's handlers and the main API's: which request an answer is kept for,
keeping what a handler built, and sending a kept answer from an operation's `x-fast-path`.

An answer is kept by its request's raw path and query string, exactly as sent, and only for a GET
without credentials (each API names the headers that carry them): a signed reader's answer may
differ. The generation is taken before a handler's reads, so a change that races with them keeps
nothing.
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from connexion import request
from starlette.types import Scope, Send

from core.connexion_app import json_answer_body
from services.blog.kept import KEPT

#: Headers that carry credentials on the Conduit facade (its only scheme: `Authorization`).
CONDUIT_CREDENTIALS = (b"authorization",)
#: ... and on the main API: a bearer token, an API key, or a session cookie (any cookie: a
#: request with one is left to the handler, which knows which cookie signs in).
API_CREDENTIALS = (b"authorization", b"x-api-key", b"cookie")


def request_key(scope: Scope) -> bytes | None:
    """A GET's raw path and query string, exactly as sent (None for another method)."""
    if scope["method"] != "GET" or scope.get("raw_path") is None:
        return None
    return bytes(scope["raw_path"]) + b"?" + bytes(scope.get("query_string", b""))


def anonymous_key(scope: Scope, credentials: Iterable[bytes]) -> bytes | None:
    """The key of an anonymous GET's kept answer; None for a request that carries any of the
    `credentials` headers (valid or not)."""
    names = set(credentials)
    if any(name in names for name, _ in scope["headers"]):
        return None
    return request_key(scope)


@dataclass(frozen=True, slots=True)
class KeptResponse:
    """A kept 200 JSON answer: its bytes and the headers its handler sent besides the type."""

    body: bytes
    headers: tuple[tuple[bytes, bytes], ...] = ()


class Keeping:
    """Keeps the answer a handler builds for an anonymous request (call it before the reads)."""

    def __init__(self, credentials: Iterable[bytes], *, anonymous: bool) -> None:
        key = anonymous_key(request.scope, credentials) if anonymous else None
        self.key = key
        self.since = KEPT.generation() if key is not None else None
        self.read_at = time.monotonic()

    def keep(self, answer: dict[str, Any], headers: dict[str, str] | None = None) -> None:
        if self.key is None or self.since is None:
            return
        extra = tuple(
            (name.lower().encode(), value.encode()) for name, value in (headers or {}).items()
        )
        kept = KeptResponse(json_answer_body(answer), extra)
        KEPT.store(self.key, kept, since=self.since, read_at=self.read_at)


def kept_response(scope: Scope, credentials: Iterable[bytes]) -> KeptResponse | None:
    """The kept answer of an anonymous GET, if there is one (on the serving loop: it starts the
    follower on first use)."""
    KEPT.follow()
    key = anonymous_key(scope, credentials)
    kept = KEPT.cached(key) if key is not None else None
    return kept if isinstance(kept, KeptResponse) else None


async def send_kept(scope: Scope, send: Send, operation_id: str, kept: KeptResponse) -> None:
    """A kept 200 JSON answer, with the headers its handler's answer has."""
    extensions = scope.setdefault("extensions", {})
    extensions.setdefault("connexion_routing", {})["operation_id"] = operation_id
    await send(
        {
            "type": "http.response.start",
            "status": 200,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", b"%d" % len(kept.body)),
                *kept.headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": kept.body})
