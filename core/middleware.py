"""Outer ASGI middleware: request id, request log, metrics, body-size cap.

Pure ASGI (no BaseHTTPMiddleware) so streaming responses and the thread pool are unaffected.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterable
from re import Pattern
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.context import request_id_var
from core.errors import DomainError
from core.logging import hot_logger
from core.metrics import IN_FLIGHT, observe_request
from core.problems import send_problem
from core.settings import setting_value

_SANE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
_request_log = hot_logger("trellis.request")

#: uuid4's fixed bits: version 4 (bits 76-79) and the RFC 4122 variant (bits 62-63).
_UUID4_CLEAR = ~((0xF << 76) | (0x3 << 62))
_UUID4_SET = (0x4 << 76) | (0x2 << 62)


def new_request_id() -> str:
    """`uuid.uuid4().hex` (the same 32 hex digits, version and variant bits) without building a
    UUID object: its constructor's checks were 19 Python calls per request."""
    return f"{(int.from_bytes(os.urandom(16)) & _UUID4_CLEAR) | _UUID4_SET:032x}"


class PayloadTooLarge(DomainError):
    status = 413
    type = "/problems/payload-too-large"
    title = "Content Too Large"


def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers", ()):
        if key == name:
            return str(value.decode("latin-1"))
    return None


async def _buffer_chunked(scope: Scope, receive: Receive) -> tuple[Scope, Receive]:
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    headers = [(k, v) for k, v in scope["headers"] if k != b"transfer-encoding"]
    headers.append((b"content-length", str(len(body)).encode()))
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if sent:
            return await receive()
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    return {**scope, "headers": headers}, replay


class BodyCaps:
    """The largest body a request may send: its operation's `x-max-body-bytes` (bytes, or the
    setting naming them, read on first use), else the platform's MAX_BODY_BYTES."""

    def __init__(
        self, default: int, declared: Iterable[tuple[str, Pattern[str], int | str]] = ()
    ) -> None:
        self.default = default
        self._declared = list(declared)
        self._resolved: list[tuple[str, Pattern[str], int]] | None = None

    def cap(self, method: str, path: str) -> int:
        if not self._declared or method in ("GET", "HEAD", "OPTIONS", "DELETE"):
            return self.default
        if self._resolved is None:
            self._resolved = [
                (verb, pattern, cap if isinstance(cap, int) else int(setting_value(cap)))
                for verb, pattern, cap in self._declared
            ]
        for verb, pattern, cap in self._resolved:
            if verb == method and pattern.match(path):
                return cap
        return self.default


class RequestContextMiddleware:
    def __init__(self, app: ASGIApp, *, body_caps: BodyCaps) -> None:
        self.app = app
        self.body_caps = body_caps

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        incoming = _header(scope, b"x-request-id")
        request_id = incoming if incoming and _SANE_REQUEST_ID.match(incoming) else new_request_id()
        rid_token = request_id_var.set(request_id)
        scope.setdefault("extensions", {})
        status = 500
        response_started = False

        async def send_wrapper(message: Message) -> None:
            nonlocal status, response_started
            if message["type"] == "http.response.start":
                response_started = True
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        received = 0
        cap = self.body_caps.cap(scope["method"], scope["path"])

        async def receive_wrapper() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > cap:
                    raise PayloadTooLarge(f"The request body exceeds {cap} bytes.")
            return message

        IN_FLIGHT.inc()
        try:
            length = _header(scope, b"content-length")
            if length is not None and length.isdigit() and int(length) > cap:
                await send_problem(
                    scope,
                    receive,
                    send_wrapper,
                    PayloadTooLarge(f"The request body exceeds {cap} bytes."),
                )
            elif length is None and _header(scope, b"transfer-encoding") is not None:
                # Connexion treats a body without Content-Length as absent: buffer the chunked
                # body (within the cap) and give it a length.
                scope, buffered = await _buffer_chunked(scope, receive_wrapper)
                await self.app(scope, buffered, send_wrapper)
            else:
                await self.app(scope, receive_wrapper, send_wrapper)
        except Exception as exc:
            if response_started:
                raise
            await send_problem(scope, receive, send_wrapper, exc)
        finally:
            routing: dict[str, Any] = scope["extensions"].get("connexion_routing", {})
            context: dict[str, Any] = scope["extensions"].get("connexion_context", {})
            credential = context.get("token_info")
            elapsed = time.perf_counter() - started
            IN_FLIGHT.dec()
            observe_request(routing.get("operation_id"), scope["method"], status, elapsed)
            _request_log().info(
                "request",
                request_id=request_id,
                method=scope["method"],
                path=scope["path"],
                operation_id=routing.get("operation_id"),
                status=status,
                duration_ms=round(elapsed * 1000, 2),
                user_id=str(credential.user_id) if credential else None,
            )
            request_id_var.reset(rid_token)
