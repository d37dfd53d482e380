"""Small accessors for the current request, for handlers that need more than their arguments."""

from __future__ import annotations

from datetime import datetime
from typing import Any

import orjson
from connexion import request
from starlette.responses import Response


def client_address() -> str:
    """The caller's IP (uvicorn applies X-Forwarded-For only from TRUSTED_PROXIES)."""
    client = request.scope.get("client")
    return str(client[0]) if client else "unknown"


def header(name: str) -> str | None:
    value = request.headers.get(name)
    return str(value) if value is not None else None


def cookie(name: str) -> str | None:
    value = request.cookies.get(name)
    return str(value) if value is not None else None


def scheme_and_host() -> tuple[str, str]:
    """How the caller reached us (uvicorn applies X-Forwarded-Proto only from TRUSTED_PROXIES)."""
    return str(request.url.scheme), str(request.headers.get("host", ""))


def iso(value: datetime | None) -> str | None:
    """An optional timestamp as RFC 3339 (None stays None, which the contract allows as null)."""
    return value.isoformat() if value is not None else None


def cookie_header(
    name: str, value: str, *, max_age: int, secure: bool, http_only: bool = True
) -> str:
    """A Set-Cookie value with the attributes every Trellis cookie uses (SameSite=Lax, Path=/);
    `max_age=0` clears the cookie."""
    parts = [f"{name}={value}", "Path=/", f"Max-Age={max_age}", "SameSite=Lax"]
    if http_only:
        parts.append("HttpOnly")
    if secure:
        parts.append("Secure")
    return "; ".join(parts)


LOOPBACK_HOSTS = frozenset({"localhost", "127.0.0.1", "[::1]"})


def cookies_must_be_secure(scheme: str, host: str, *, insecure_localhost: bool) -> bool:
    """Secure, except for plain http to a loopback host when the setting allows it."""
    hostname = host.rsplit(":", 1)[0] if not host.endswith("]") else host
    return not (insecure_localhost and scheme == "http" and hostname in LOOPBACK_HOSTS)


def response_with_cookies(
    body: dict[str, Any] | None, status: int, set_cookies: list[str]
) -> Response:
    """A JSON (or empty) answer with several Set-Cookie headers, which a handler's headers
    mapping cannot hold."""
    if body is None:
        response = Response(status_code=status)
    else:
        response = Response(orjson.dumps(body), status_code=status, media_type="application/json")
    for value in set_cookies:
        response.raw_headers.append((b"set-cookie", value.encode("latin-1")))
    return response
