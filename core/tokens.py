"""Access tokens: short-lived HS256 JWTs with a `kid`, so signing keys can rotate.

The first key of `JWT_SIGNING_KEYS` signs; every listed key verifies, so a new key is rolled out by
putting it first and removing the old one after one access-token lifetime. Only HS256 is accepted:
`alg: none`, other algorithms, unknown `kid`s, wrong issuer or audience, and expired or
not-yet-valid tokens are all rejected the same way (None).

Each token names its login in `sid` (a token login's refresh-token family, the Conduit facade's
own login): request authentication refuses a token whose login has ended, so logging out ends the
access tokens of that login on their next request. Tokens without a `sid` are refused.

Two audiences: the main API's (`JWT_AUDIENCE`) and the Conduit facade's (`<JWT_AUDIENCE>:conduit`).
RealWorld frontends keep one token and never refresh it, so Conduit tokens live longer
(`CONDUIT_TOKEN_TTL_SECONDS`) and are confined to the facade: the main API refuses them.
"""

from __future__ import annotations

import secrets
import threading
import time
import uuid
from typing import Any

import jwt
from cachetools import TTLCache

from core.settings import get_settings

ALGORITHM = "HS256"
MAIN = "main"
CONDUIT = "conduit"


def audience(kind: str) -> str:
    """The `aud` of tokens for one contract (MAIN or CONDUIT)."""
    base = get_settings().jwt_audience
    return base if kind == MAIN else f"{base}:{kind}"


def issue_access_token(
    *, user_id: uuid.UUID, role: str, login_id: uuid.UUID, kind: str = MAIN
) -> tuple[str, int]:
    """Returns (token, lifetime in seconds) for the main API or, with kind=CONDUIT, the facade;
    the token names its login (`sid`)."""
    settings = get_settings()
    kid, secret = next(iter(settings.jwt_signing_keys.items()))
    now = int(time.time())
    ttl = (
        settings.conduit_token_ttl_seconds if kind == CONDUIT else settings.access_token_ttl_seconds
    )
    claims = {
        "sub": str(user_id),
        "sid": str(login_id),
        "role": role,
        "iss": settings.jwt_issuer,
        "aud": audience(kind),
        "iat": now,
        "nbf": now,
        "exp": now + ttl,
        "jti": secrets.token_hex(8),
    }
    return jwt.encode(claims, secret, algorithm=ALGORITHM, headers={"kid": kid}), ttl


#: token -> verified claims. A client sends the same token for minutes; verifying it again costs
#: ~200 µs of base64 and JSON work per request. Entries live 60 s at most and never past `exp`.
#: Only the signature check is remembered: whether the account and the login (`sid`) are still
#: live is read on every request (services.identity.authentication), so a logout is never
#: hidden by this memo.
_verified: TTLCache[str, dict[str, Any]] = TTLCache(maxsize=10_000, ttl=60)
_verified_lock = threading.Lock()


def decode_access_token(token: str, *, kinds: tuple[str, ...] = (MAIN,)) -> dict[str, Any] | None:
    """Verified claims of a token we issued for one of these audiences, or None for anything
    else."""
    with _verified_lock:
        claims = _verified.get(token)
    if claims is None or claims["exp"] <= time.time():
        claims = _verify(token)
        if claims is None:
            return None
        with _verified_lock:
            _verified[token] = claims
    return claims if claims["aud"] in {audience(kind) for kind in kinds} else None


def forget_verified_tokens() -> None:
    """Drops every remembered verification (signing keys changed, tests)."""
    with _verified_lock:
        _verified.clear()


def _verify(token: str) -> dict[str, Any] | None:
    settings = get_settings()
    try:
        header = jwt.get_unverified_header(token)
        secret = settings.jwt_signing_keys.get(str(header.get("kid")))
        if secret is None or header.get("alg") != ALGORITHM:
            return None
        claims: dict[str, Any] = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            audience=[audience(MAIN), audience(CONDUIT)],
            issuer=settings.jwt_issuer,
            options={"require": ["exp", "iat", "nbf", "sub", "sid", "iss", "aud"]},
            leeway=5,
        )
        uuid.UUID(claims["sub"])
        uuid.UUID(claims["sid"])
    except (jwt.PyJWTError, ValueError, TypeError, AttributeError):
        return None
    return claims
