"""Small accessors for the current request, for handlers that need more than their arguments."""

from __future__ import annotations

from datetime import datetime

from connexion import request


def client_address() -> str:
    """The caller's IP (uvicorn applies X-Forwarded-For only from TRUSTED_PROXIES)."""
    client = request.scope.get("client")
    return str(client[0]) if client else "unknown"


def header(name: str) -> str | None:
    value = request.headers.get(name)
    return str(value) if value is not None else None


def iso(value: datetime | None) -> str | None:
    """An optional timestamp as RFC 3339 (None stays None, which the contract allows as null)."""
    return value.isoformat() if value is not None else None
