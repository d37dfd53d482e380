"""WebSocket routes: where they come from, how their handshake authenticates, how they run.

    handlers/<slug>_realtime.py      a realtime row's sockets: `ROUTES` (Starlette routes, mounted
                                     on the outer app by core.app) and, optionally, `LIFESPANS`
                                     (async context manager factories run while the app serves: a
                                     sweeper); the functions themselves stay private (`_socket`)
    open_socket(websocket)           the handshake: finds the one credential the client presents,
                                     checks it with the identity layer, accepts with `trellis.v1`
                                     (or closes with 4401/4403) and gives a `Socket`
    run_socket(socket, channel=...)  the connection's life: the channel's messages out through a
                                     bounded queue, the client's messages in (size-capped,
                                     rate-limited, idle timeout), the credential watched; returns
                                     the close code it ended with

Credentials (docs/realtime.md), in this order, the first one found is the one used:
  1. a subprotocol beside `trellis.v1`: `bearer.<access token>` (a main-API JWT),
     `apikey.<key>` (an API key) or `ticket.<ticket>` (from POST /realtime/tickets). The server
     selects `trellis.v1` only, so the credential never comes back in the handshake answer.
  2. `?ticket=<ticket>` in the URL (single use and short-lived, so harmless in a log).
  3. the `trellis_session` cookie, only from an allowed Origin (this server's own, or one of
     CORS_ORIGINS): a browser sends the cookie to any site's page, so the Origin is what tells a
     page of ours from another site's (cross-site WebSocket hijacking).
Connexion routes no WebSocket, so none of its security runs: the checks are the same functions the
OpenAPI security schemes name (their `x-*InfoFunc`), looked up by name as core.auth does, and the
ticket functions of the realtime slice (TICKET_FUNCTIONS). A credential that lapses while the
socket is open (a token's expiry, or a recheck every `Limits.recheck_seconds` that finds the
account disabled, the key revoked, the session or login ended) closes it with 4401.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import inspect
import pkgutil
import time
import uuid
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass, field
from enum import IntEnum
from typing import Any

import anyio.to_thread
import orjson
import structlog
from connexion.utils import get_function_from_name
from starlette.routing import BaseRoute
from starlette.websockets import WebSocket, WebSocketDisconnect, WebSocketState

from core import realtime
from core.credentials import CSRF_COOKIE, CSRF_HEADER, Credential, Presented, PresentedCookie
from core.security import Actor
from core.settings import get_settings
from core.spec import GENERATED, MAIN_SPEC, load_spec
from core.tokens import MAIN, decode_access_token

log = structlog.get_logger("trellis.sockets")

#: The one application protocol; a client offers it, the server selects it.
PROTOCOL = "trellis.v1"
SESSION_COOKIE = "trellis_session"
#: The realtime contract (AsyncAPI 3.0), assembled and validated by make generate from
#: spec/asyncapi.yaml and the rows' spec/asyncapi/<slug>.yaml.
ASYNCAPI_SPEC = GENERATED / "asyncapi.yaml"
#: (redeem, recheck) of the realtime slice's tickets, by name (core imports no service).
TICKET_FUNCTIONS = ("services.realtime.redeem_ticket", "services.realtime.recheck_ticket_holder")


class CloseCode(IntEnum):
    """Every close code a Trellis socket ends with (also in spec/asyncapi.yaml, docs/realtime.md).
    4000-4099 say "resume": reconnect and reload (from your last cursor) at once."""

    #: The server stops (a deploy): reconnect with backoff.
    GOING_AWAY = 1001
    #: A message that is not a JSON object of a known type.
    INVALID_MESSAGE = 1007
    #: A message over the route's size cap.
    TOO_LARGE = 1009
    #: The subscription fell too far behind (or the fan-out lost messages): reload, reconnect.
    RESYNC = 4000
    #: No credential, a bad one, or one that lapsed while connected (expiry, revocation).
    UNAUTHENTICATED = 4401
    #: A valid credential that may not do this (a cookie from a foreign Origin, a refused key).
    FORBIDDEN = 4403
    #: The room or resource does not exist, or is not yours to see.
    NOT_FOUND = 4404
    #: No message (heartbeat) within the route's idle timeout.
    HEARTBEAT_TIMEOUT = 4408
    #: More messages than the per-connection rate allows.
    RATE_LIMITED = 4429


class Closing(Exception):
    """Raised by a route's callbacks to end the connection with `code`."""

    def __init__(self, code: CloseCode, reason: str = "") -> None:
        super().__init__(reason or code.name)
        self.code = code
        self.reason = reason or code.name.lower().replace("_", "-")


# --- route discovery -------------------------------------------------------------------------

RealtimeLifespan = Callable[[], AbstractAsyncContextManager[Any]]


@dataclass
class RealtimeModules:
    routes: list[BaseRoute] = field(default_factory=list)
    lifespans: list[RealtimeLifespan] = field(default_factory=list)


def discover(package: str = "handlers") -> RealtimeModules:
    """Every `<package>/<slug>_realtime.py`: its `ROUTES` and its `LIFESPANS`, if any. A new
    realtime row adds its sockets by adding that module; nothing shared is edited."""
    found = RealtimeModules()
    root = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda item: item.name):
        if not info.name.endswith("_realtime"):
            continue
        module = importlib.import_module(f"{package}.{info.name}")
        found.routes.extend(getattr(module, "ROUTES", ()))
        found.lifespans.extend(getattr(module, "LIFESPANS", ()))
    return found


# --- the handshake ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Check:
    """How to check one kind of credential now, and again later."""

    scheme: str
    check: Callable[[], Awaitable[Credential | None]]
    #: When it stops being valid by itself (a token's `exp`), epoch seconds.
    expires_at: float | None = None


def _scheme_functions() -> dict[str, str]:
    schemes = load_spec(MAIN_SPEC)["components"]["securitySchemes"]
    return {
        "bearer": schemes["bearerAuth"]["x-bearerInfoFunc"],
        "apikey": schemes["apiKeyAuth"]["x-apikeyInfoFunc"],
        "session": schemes["sessionCookie"]["x-apikeyInfoFunc"],
    }


async def _call(name: str, *args: Any) -> Any:
    function = get_function_from_name(name)
    if inspect.iscoroutinefunction(function):
        return await function(*args)
    return await anyio.to_thread.run_sync(function, *args)


def _client_address(websocket: WebSocket) -> str:
    return websocket.client.host if websocket.client else "unknown"


def offered_protocols(websocket: WebSocket) -> list[str]:
    return [
        item.strip()
        for header in websocket.headers.getlist("sec-websocket-protocol")
        for item in header.split(",")
        if item.strip()
    ]


def origin_allowed(websocket: WebSocket) -> bool:
    """The handshake's Origin is this server's own or one of CORS_ORIGINS."""
    origin = websocket.headers.get("origin")
    if not origin:
        return False
    scheme = "https" if websocket.url.scheme == "wss" else "http"
    own = f"{scheme}://{websocket.headers.get('host', '')}"
    return origin == own or origin in get_settings().cors_origins


def _find_check(websocket: WebSocket) -> _Check | Closing | None:
    """The check of the first credential the handshake carries (None: it carries none)."""
    names = _scheme_functions()
    address = _client_address(websocket)
    for protocol in offered_protocols(websocket):
        kind, dot, value = protocol.partition(".")
        if not dot or not value or kind not in ("bearer", "apikey", "ticket"):
            continue
        if kind == "ticket":
            return _ticket_check(value)
        presented = Presented(value, "GET", address)
        expires_at = None
        if kind == "bearer":
            claims = decode_access_token(value, kinds=(MAIN,))
            expires_at = float(claims["exp"]) if claims else None
        return _Check(kind, _presenting(names[kind], presented), expires_at)
    ticket = websocket.query_params.get("ticket")
    if ticket:
        return _ticket_check(ticket)
    cookie = websocket.cookies.get(SESSION_COOKIE)
    if cookie:
        if not origin_allowed(websocket):
            return Closing(CloseCode.FORBIDDEN, "origin-not-allowed")
        scheme = "https" if websocket.url.scheme == "wss" else "http"
        presented_cookie = PresentedCookie(
            cookie,
            "GET",
            address,
            csrf_header=websocket.headers.get(CSRF_HEADER),
            csrf_cookie=websocket.cookies.get(CSRF_COOKIE),
            origin=websocket.headers.get("origin"),
            referer=websocket.headers.get("referer"),
            scheme=scheme,
            host=websocket.headers.get("host", ""),
        )
        return _Check("session", _presenting(names["session"], presented_cookie))
    return None


def _presenting(name: str, presented: Presented) -> Callable[[], Awaitable[Credential | None]]:
    async def check() -> Credential | None:
        return await _call(name, presented)  # type: ignore[no-any-return]

    return check


def _ticket_check(ticket: str) -> _Check:
    redeem, recheck = TICKET_FUNCTIONS
    redeemed: list[Credential] = []

    async def check() -> Credential | None:
        # The first call spends the ticket; later ones (the recheck) ask about its holder.
        if not redeemed:
            credential = await _call(redeem, ticket)
            if credential is not None:
                redeemed.append(credential)
            return credential  # type: ignore[no-any-return]
        return await _call(recheck, redeemed[0])  # type: ignore[no-any-return]

    return _Check("ticket", check)


async def _verdict(check: _Check) -> Credential | Closing:
    try:
        credential = await check.check()
    except Exception as error:  # a refusal of the identity layer: 403, 429, or 401
        status = int(getattr(error, "status", 401))
        if status == 403:
            return Closing(CloseCode.FORBIDDEN, "credential-refused")
        if status == 429:
            return Closing(CloseCode.RATE_LIMITED, "too-many-attempts")
        return Closing(CloseCode.UNAUTHENTICATED, "credential-invalid")
    if credential is None:
        return Closing(CloseCode.UNAUTHENTICATED, "credential-invalid")
    if check.expires_at is not None and check.expires_at <= time.time():
        return Closing(CloseCode.UNAUTHENTICATED, "credential-expired")
    return credential


@dataclass(eq=False)
class Socket:
    """An accepted, authenticated connection."""

    websocket: WebSocket
    credential: Credential
    _check: _Check
    #: This connection's id (other clients see it beside the user id).
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def actor(self) -> Actor:
        return Actor(user_id=self.credential.user_id, role=self.credential.role)

    async def send(self, message: dict[str, Any]) -> None:
        await self.websocket.send_text(orjson.dumps(message).decode())

    async def close(self, code: CloseCode, reason: str = "") -> None:
        await close(self.websocket, code, reason)


class StreamCursor:
    """Where a socket stands in an ordered stream of stored items with increasing ids (a room's
    messages, a user's notifications): the id of the last item it sent, None before any.

    Resuming without gap or duplicate is three steps: subscribe to the live channel first (so
    nothing committed from then on is missed), `catch_up` with what was stored after the client's
    cursor, then send a live item only if `admit` lets it through (a live copy of an item already
    read from the database is dropped)."""

    def __init__(self, last: int | None = None) -> None:
        self.last = last

    async def catch_up(
        self,
        read: Callable[[int, int | None], Awaitable[list[dict[str, Any]]]],
        send: Callable[[dict[str, Any]], Awaitable[None]],
        *,
        batch_size: int,
        below: int | None = None,
    ) -> None:
        """Sends the stored items after the cursor (and before `below`), oldest first: `read(after,
        below)` gives at most `batch_size` of them, so a short batch is the end."""
        while True:
            batch = await read(self.last or 0, below)
            for item in batch:
                await send(item)
                self.last = item["id"]
            if len(batch) < batch_size:
                return

    def admit(self, item_id: int) -> bool:
        """True, and the cursor moves to it, for an item the client has not been sent."""
        if self.last is not None and item_id <= self.last:
            return False
        self.last = item_id
        return True


async def close(websocket: WebSocket, code: CloseCode, reason: str = "") -> None:
    """Closes with `code` (accepting first, so the client can read the code), unless the peer
    has already gone."""
    with contextlib.suppress(Exception):
        if websocket.client_state == WebSocketState.CONNECTING:
            await _accept(websocket)
        if websocket.application_state != WebSocketState.DISCONNECTED:
            await websocket.close(int(code), reason or code.name.lower().replace("_", "-"))


async def _accept(websocket: WebSocket) -> None:
    chosen = PROTOCOL if PROTOCOL in offered_protocols(websocket) else None
    await websocket.accept(subprotocol=chosen)


async def open_socket(websocket: WebSocket) -> Socket | None:
    """Authenticates the handshake; gives the accepted socket, or None when it was closed
    (4401 without a valid credential, 4403 for a cookie from a foreign Origin or a refused key,
    4429 after too many bad keys)."""
    found = _find_check(websocket)
    if found is None:
        await close(websocket, CloseCode.UNAUTHENTICATED, "no-credential")
        return None
    if isinstance(found, Closing):
        await close(websocket, found.code, found.reason)
        return None
    verdict = await _verdict(found)
    if isinstance(verdict, Closing):
        await close(websocket, verdict.code, verdict.reason)
        return None
    await _accept(websocket)
    return Socket(websocket, verdict, found)


# --- the connection's life -------------------------------------------------------------------


@dataclass(frozen=True)
class Limits:
    """What one route allows a connection (its row's settings fill it in)."""

    #: The biggest message a client may send, in bytes (over it: 1009).
    max_message_bytes: int = 4096
    #: Sustained messages per second from a client, and the burst above it (over it: 4429).
    messages_per_second: float = 20.0
    burst: int = 40
    #: Close with 4408 when the client sends nothing for this long (None: never).
    idle_seconds: float | None = None
    #: Messages the connection may fall behind its channel before 4000 (resync).
    queue: int = realtime.DEFAULT_MAX_QUEUE
    #: How often the credential is checked again while connected.
    recheck_seconds: float = 60.0


Outgoing = Callable[[dict[str, Any]], Awaitable[dict[str, Any] | None]]
Incoming = Callable[[dict[str, Any]], Awaitable[None]]


async def _as_is(message: dict[str, Any]) -> dict[str, Any] | None:
    return message


async def _ignore(_message: dict[str, Any]) -> None:
    return None


async def _pump(socket: Socket, subscription: realtime.Subscription, outgoing: Outgoing) -> None:
    try:
        async for message in subscription:
            shown = await outgoing(message)
            if shown is not None:
                await socket.send(shown)
    except realtime.Resync as gap:
        if gap.reason == realtime.STOPPING:
            raise Closing(CloseCode.GOING_AWAY, "server-stopping") from gap
        raise Closing(CloseCode.RESYNC, "resync") from gap


async def _read(socket: Socket, limits: Limits, incoming: Incoming) -> None:
    tokens, refilled = float(limits.burst), time.monotonic()
    while True:
        try:
            if limits.idle_seconds is None:
                text = await socket.websocket.receive_text()
            else:
                text = await asyncio.wait_for(socket.websocket.receive_text(), limits.idle_seconds)
        except TimeoutError:
            raise Closing(CloseCode.HEARTBEAT_TIMEOUT) from None
        except (WebSocketDisconnect, RuntimeError, KeyError):
            return  # the client went (or sent a binary frame, which no route speaks)
        if len(text.encode()) > limits.max_message_bytes:
            raise Closing(CloseCode.TOO_LARGE, "message-too-large")
        now = time.monotonic()
        tokens = min(float(limits.burst), tokens + (now - refilled) * limits.messages_per_second)
        refilled = now
        if tokens < 1:
            raise Closing(CloseCode.RATE_LIMITED)
        tokens -= 1
        try:
            message = orjson.loads(text)
        except orjson.JSONDecodeError:
            raise Closing(CloseCode.INVALID_MESSAGE, "not-json") from None
        if not isinstance(message, dict):
            raise Closing(CloseCode.INVALID_MESSAGE, "not-an-object")
        await incoming(message)


async def _watch(socket: Socket, limits: Limits) -> None:
    check = socket._check
    while True:
        wait = limits.recheck_seconds
        if check.expires_at is not None:
            wait = min(wait, max(0.0, check.expires_at - time.time()))
        await asyncio.sleep(wait)
        verdict = await _verdict(check)
        if isinstance(verdict, Closing):
            raise Closing(CloseCode.UNAUTHENTICATED, verdict.reason)


async def run_socket(
    socket: Socket,
    *,
    channel: str,
    limits: Limits = Limits(),
    incoming: Incoming = _ignore,
    outgoing: Outgoing = _as_is,
    ready: Callable[[], Awaitable[None]] | None = None,
    resume: Callable[[], str] | None = None,
) -> CloseCode | None:
    """Serves one connection until it ends; gives the close code (None: the client closed).

    `channel`'s messages go to the client through `outgoing` (None skips one; raising `Closing`
    ends the connection); `ready` runs once subscribed (so nothing published after it is missed:
    send a snapshot there); each client message (a JSON object) goes to `incoming`. `resume`, if
    given, is the client's resume cursor (the last id it was sent): a 4000 close then carries it
    as its reason, `resync after=<cursor>`, so the client reconnects from there."""
    async with realtime.subscribe(channel, max_queue=limits.queue) as subscription:
        code: CloseCode | None = None
        reason = ""
        tasks: list[asyncio.Task[None]] = []
        try:
            if ready is not None:
                await ready()
            tasks = [
                asyncio.create_task(_pump(socket, subscription, outgoing)),
                asyncio.create_task(_read(socket, limits, incoming)),
                asyncio.create_task(_watch(socket, limits)),
            ]
            done, _pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
            for task in done:
                error = task.exception()
                if isinstance(error, Closing):
                    code, reason = error.code, error.reason
                elif error is not None:
                    raise error
        except Closing as closing:
            code, reason = closing.code, closing.reason
        finally:
            for task in tasks:
                task.cancel()
            for task in tasks:
                with contextlib.suppress(BaseException):
                    await task
        if code == CloseCode.RESYNC and resume is not None:
            reason = f"resync after={resume()}"
        if code is not None:
            await socket.close(code, reason)
        else:
            with contextlib.suppress(Exception):
                await socket.websocket.close()
        return code


@contextlib.asynccontextmanager
async def realtime_lifespans(lifespans: list[RealtimeLifespan]) -> AsyncIterator[None]:
    """Runs the discovered rows' lifespans (inside core.realtime.serving)."""
    async with contextlib.AsyncExitStack() as stack:
        for lifespan in lifespans:
            await stack.enter_async_context(lifespan())
        yield
