"""What authentication passes to services and gets back: plain values, no request.

core.auth reads a credential and the facts about its request into `Presented` (or
`PresentedCookie`), calls the service function the spec names with it, and gets a `Credential`.
Services import these names only; they never see Connexion or Starlette.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

#: The double-submit CSRF pair a browser sends with a cookie credential.
CSRF_HEADER = "X-CSRF-Token"
CSRF_COOKIE = "trellis_csrf"


@dataclass(frozen=True)
class Presented:
    """A credential as the request carried it, with the facts about the request rules use."""

    value: str
    method: str
    client_address: str


@dataclass(frozen=True)
class PresentedCookie(Presented):
    """A credential the browser sends by itself: CSRF rules need to know where the request
    comes from and whether it carries the CSRF pair."""

    csrf_header: str | None
    csrf_cookie: str | None
    origin: str | None
    referer: str | None
    scheme: str
    host: str

    @property
    def own_origin(self) -> str:
        return f"{self.scheme}://{self.host}"


@dataclass(frozen=True)
class Credential:
    """Who a request acts for, and with what."""

    user_id: uuid.UUID
    role: str
    #: "bearer", "apikey" or "session".
    scheme: str
    key_id: uuid.UUID | None = None
    session_id: uuid.UUID | None = None
    #: Safe methods only (an account whose email is unverified, when a setting says so), except
    #: on operations marked `x-unverified: allowed`; core.security refuses the rest with 403.
    read_only: bool = False
    #: Headers the answer must carry, whatever it is (RateLimit-*, a rotated session's cookies).
    response_headers: tuple[tuple[str, str], ...] = ()
