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
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from connexion import request
from starlette.types import Scope, Send

from core.connexion_app import json_answer_body
from core.db import read_connection, transaction
from core.security import Actor
from services import blog
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
        kept = KeptResponse(json_answer_body(answer), _header_pairs(headers))
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


#: Before a request's key: its answer as `Shared`, beside the bytes anonymous readers get.
SHARED = b"shared "
#: Before a reader's id: whether that reader has drafts (`has_drafts`), kept like the answers.
_DRAFTS = b"drafts "

#: The ids of the posts an answer shows, in order.
Ids = tuple[uuid.UUID, ...]
#: Reads an answer in a unit of work (the session `transaction` gives) for a reader (None: as
#: anonymous readers see it): its body, its headers and the ids of the posts it shows.
Read = Callable[[Any, Actor | None], tuple[dict[str, Any], dict[str, str], Ids]]
#: A reader's `(favorited, following)` flags by post id (a post gone since has none).
Flags = dict[uuid.UUID, tuple[bool, bool]]
NO_FLAGS = (False, False)
#: An answer's body with a reader's flags of its posts (new dicts: the kept ones are shared).
Flag = Callable[[dict[str, Any], Ids, Flags], dict[str, Any]]


@dataclass(frozen=True, slots=True)
class Shared:
    """An answer as an anonymous reader gets it, which is every reader's but for the `favorited`
    and `following` flags: a signed reader's answer is this one with its own flags, read for
    `post_ids` (the posts it shows, in order) in one statement."""

    body: dict[str, Any]
    headers: dict[str, str]
    post_ids: Ids


def flagged(shown: dict[str, Any], flags: tuple[bool, bool]) -> dict[str, Any]:
    """A post's answer (`favorited`, `author.following`) with a reader's flags, as a new dict."""
    favorited, following = flags
    return {**shown, "favorited": favorited, "author": {**shown["author"], "following": following}}


def shared_read(
    viewer: Actor | None, read: Read, flag: Flag, *, drafts_shown: bool = False
) -> tuple[dict[str, Any], dict[str, str]]:
    """The answer of `read` for `viewer` (body, headers), from what every reader shares when it
    is kept.

    While answers may be kept (core/kept_answers.py), what anonymous readers get is kept per
    request both as bytes (the operations' `x-fast-path`) and as `Shared`, whoever read it, and a
    signed reader's answer is the kept one with the reader's flags read fresh: one statement over
    the posts shown. `drafts_shown`: the reader's own drafts would be in its answer (a main-API
    listing without `status`), so only a reader without any (kept as the answers are) and no
    admin shares it. Otherwise (no Redis) the reader's answer is read with its flags. The
    generation is taken before the reads, so a change that races with them keeps nothing."""
    key = request_key(request.scope)
    since = KEPT.generation() if key is not None else None
    if since is None or key is None or (viewer is not None and drafts_shown and viewer.is_admin):
        with transaction(write=False) as session:
            return read(session, viewer)[:2]
    shared: Shared | None = KEPT.cached(SHARED + key)
    if shared is not None and viewer is None:
        return shared.body, shared.headers
    drafts = KEPT.cached(_DRAFTS + viewer.user_id.bytes) if viewer and drafts_shown else False
    if shared is not None and viewer is not None and drafts is False:
        with read_connection() as connection:  # the reader's flags: one statement
            flags = blog.reader_flags(connection, viewer, shared.post_ids)
        return flag(shared.body, shared.post_ids, flags), shared.headers
    with transaction(write=False) as session:
        read_at = time.monotonic()
        if viewer is not None and drafts is None:
            drafts = blog.has_drafts(session, viewer)
            KEPT.store(_DRAFTS + viewer.user_id.bytes, drafts, since=since, read_at=read_at)
        if viewer is not None and drafts:
            return read(session, viewer)[:2]
        if shared is None:
            try:
                shared = Shared(*read(session, None))
            except blog.PostNotFound:
                if viewer is None:
                    raise
                return read(session, viewer)[:2]  # a draft its author or an admin may see
            KEPT.store(SHARED + key, shared, since=since, read_at=read_at)
            kept = KeptResponse(json_answer_body(shared.body), _header_pairs(shared.headers))
            KEPT.store(key, kept, since=since, read_at=read_at)
        if viewer is None:
            return shared.body, shared.headers
        flags = blog.reader_flags(session, viewer, shared.post_ids)
    return flag(shared.body, shared.post_ids, flags), shared.headers


def _header_pairs(headers: dict[str, str] | None) -> tuple[tuple[bytes, bytes], ...]:
    return tuple((name.lower().encode(), value.encode()) for name, value in (headers or {}).items())
