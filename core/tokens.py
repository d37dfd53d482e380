"""Access tokens: short-lived JWTs with a `kid`, so signing keys can rotate.

By default they are HS256 with the shared secrets of `JWT_SIGNING_KEYS` (zero configuration: a
development key is generated). With `JWT_PRIVATE_KEY_FILES` they are signed with key pairs
instead, EdDSA (Ed25519) or RS256 by the key's type, and the public keys are published as a JWK
Set (`public_jwks`, served at `/.well-known/jwks.json`), so another service can verify a Trellis
token without any secret. Either way the first listed key signs and every listed key verifies:
a new key is rolled out by putting it first and removing the old one after one token lifetime.
Each key verifies only its own algorithm: `alg: none`, another algorithm than the key's (an
HS256 token "signed" with a public key), unknown `kid`s, wrong issuer or audience, and expired or
not-yet-valid tokens are all rejected the same way (None).

Each token names its login in `sid` (a token login's refresh-token family, the Conduit facade's
own login): request authentication refuses a token whose login has ended, so logging out ends the
access tokens of that login on their next request. Tokens without a `sid` are refused.

Two audiences: the main API's (`JWT_AUDIENCE`) and the Conduit facade's (`<JWT_AUDIENCE>:conduit`).
RealWorld frontends keep one token and never refresh it, so Conduit tokens live longer
(`CONDUIT_TOKEN_TTL_SECONDS`) and are confined to the facade: the main API refuses them.
"""

from __future__ import annotations

import functools
import secrets
import threading
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cachetools import TTLCache
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from jwt.algorithms import OKPAlgorithm, RSAAlgorithm

from core.settings import get_settings

ALGORITHM = "HS256"
MAIN = "main"
CONDUIT = "conduit"


@dataclass(frozen=True)
class SigningKey:
    kid: str
    algorithm: str
    #: The HS256 secret, or the private key of a pair.
    signing: Any
    #: The HS256 secret, or the public key of a pair.
    verifying: Any


def signing_keys() -> tuple[SigningKey, ...]:
    """The configured keys, the signing one first."""
    settings = get_settings()
    if settings.jwt_private_key_files:
        return _key_pairs(tuple(settings.jwt_private_key_files.items()))
    return tuple(
        SigningKey(kid, ALGORITHM, secret, secret)
        for kid, secret in settings.jwt_signing_keys.items()
    )


@functools.cache
def _key_pairs(files: tuple[tuple[str, Path], ...]) -> tuple[SigningKey, ...]:
    keys = []
    for kid, path in files:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
        if isinstance(private, ed25519.Ed25519PrivateKey):
            algorithm = "EdDSA"
        elif isinstance(private, rsa.RSAPrivateKey) and private.key_size >= 2048:
            algorithm = "RS256"
        else:
            raise ValueError(f"JWT_PRIVATE_KEY_FILES: {kid} is neither Ed25519 nor RSA 2048+")
        keys.append(SigningKey(kid, algorithm, private, private.public_key()))
    return tuple(keys)


def public_jwks() -> dict[str, Any]:
    """The JWK Set of the verifying keys of a key-pair setup (RFC 7517); empty under HS256,
    whose keys are secrets."""
    published = []
    for key in signing_keys():
        if key.algorithm == ALGORITHM:
            continue
        codec = OKPAlgorithm if key.algorithm == "EdDSA" else RSAAlgorithm
        jwk: dict[str, Any] = codec.to_jwk(key.verifying, as_dict=True)
        published.append({**jwk, "kid": key.kid, "alg": key.algorithm, "use": "sig"})
    return {"keys": published}


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
    key = signing_keys()[0]
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
    return jwt.encode(claims, key.signing, algorithm=key.algorithm, headers={"kid": key.kid}), ttl


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


def still_verified(token: str, claims: dict[str, Any]) -> bool:
    """`claims` are still what the memo of verifications holds for `token`, and unexpired: for a
    credential worked out from them and remembered (services.identity.authentication), which
    must end when they do (expiry, the memo's 60 s, signing keys changed)."""
    with _verified_lock:
        remembered = _verified.get(token)
    return remembered is claims and claims["exp"] > time.time()


def forget_verified_tokens() -> None:
    """Drops every remembered verification (signing keys changed, tests)."""
    with _verified_lock:
        _verified.clear()


def _verify(token: str) -> dict[str, Any] | None:
    settings = get_settings()
    try:
        header = jwt.get_unverified_header(token)
        kid = str(header.get("kid"))
        key = next((key for key in signing_keys() if key.kid == kid), None)
        if key is None or header.get("alg") != key.algorithm:
            return None
        claims: dict[str, Any] = jwt.decode(
            token,
            key.verifying,
            algorithms=[key.algorithm],
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
