"""Request headers that satisfy an operation's `security`, for a given user, by scheme name."""

from __future__ import annotations

from typing import Any

from core.settings import get_settings
from db.models.identity import User
from tests.factories.apikeys import key_headers, make_api_key
from tests.factories.identity import PASSWORD, auth_headers, conduit_headers
from tests.support.contract import Operation


def session_headers(client: Any, user: User) -> dict[str, str]:
    """Logs `user` in through POST /sessions: the session cookie and its CSRF token as headers,
    so they can be sent by a client whose cookie jar keeps nothing (`Secure` over http)."""
    response = client.post("/api/v1/sessions", json={"email": user.email, "password": PASSWORD})
    assert response.status_code == 201, response.text
    cookies = "; ".join(
        f"{name}={response.cookies[name]}" for name in ("trellis_session", "trellis_csrf")
    )
    return {"Cookie": cookies, "X-CSRF-Token": response.json()["csrf_token"]}


_SCHEMES = {
    "bearerAuth": lambda client, user: auth_headers(user),
    "apiKeyAuth": lambda client, user: key_headers(
        make_api_key(user, rate_limit_per_minute=get_settings().api_key_max_rate_limit_per_minute)
    ),
    "sessionCookie": session_headers,
    "Token": lambda client, user: conduit_headers(user),
}


class Credentials:
    """Headers for the first `security` alternative of an operation, made once per scheme."""

    def __init__(self, client: Any, user: User) -> None:
        self.client = client
        self.user = user
        self._made: dict[str, dict[str, str]] = {}

    def for_scheme(self, scheme: str) -> dict[str, str]:
        if scheme not in self._made:
            self._made[scheme] = _SCHEMES[scheme](self.client, self.user)
        return self._made[scheme]

    def for_alternative(self, alternative: list[str]) -> dict[str, str]:
        headers: dict[str, str] = {}
        for scheme in alternative:
            headers |= self.for_scheme(scheme)
        return headers

    def __call__(self, operation: Operation) -> dict[str, str]:
        return {} if operation.is_public else self.for_alternative(operation.security[0])
