"""OAuth 2.0 / OpenID Connect login: authorization code flow with PKCE against one provider.

`begin_login` stores a single-use request (state, nonce, S256 code verifier; 10 minutes) and
returns the provider's authorization URL. `finish_login` consumes the request named by `state`,
exchanges the code with the verifier and the client secret, validates the ID token (signature
with the provider's JWKS, iss, aud, exp, iat, nonce) and maps the provider's subject to a local
account: an identity already linked logs in as its account; otherwise an account with the same
email is linked only when the provider says the email is verified, and a new account (without a
password) is created for a verified email nobody uses. An unverified email never links or
creates anything. The provider's discovery document and keys are cached for an hour (keys are
fetched again when an ID token names an unknown `kid`).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import httpx
import jwt
import orjson
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.db import utcnow
from core.errors import Forbidden, NotFound, RuleViolated, Unauthorized, UpstreamUnavailable
from core.settings import get_settings
from db.models.identity import User
from db.models.oauth import AuthorizationRequest, LinkedIdentity
from services import identity

REQUEST_TTL = timedelta(minutes=10)
DISCOVERY_TTL_SECONDS = 3600
MAX_PROVIDER_RESPONSE_BYTES = 512 * 1024
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"]
TIMEOUT = httpx.Timeout(10.0, connect=5.0)


class OAuthNotConfigured(NotFound, type="/problems/oauth/not-configured"): ...


# A consumed request stays consumed.
class InvalidState(RuleViolated, type="/problems/oauth/invalid-state", keeps_changes=True): ...


class ProviderRefused(
    RuleViolated, type="/problems/oauth/provider-refused", keeps_changes=True
): ...


class InvalidIdToken(Unauthorized, type="/problems/oauth/invalid-id-token", keeps_changes=True): ...


class EmailNotVerified(
    Forbidden, type="/problems/oauth/email-not-verified", keeps_changes=True
): ...


class EmailMissing(RuleViolated, type="/problems/oauth/email-missing", keeps_changes=True): ...


class ProviderUnavailable(
    UpstreamUnavailable, type="/problems/oauth/provider-unavailable", keeps_changes=True
): ...


@dataclass(frozen=True)
class LoginResult:
    user: User
    result: str  # TOKENS or SESSION, as asked at `begin_login`


def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _hash(value: str) -> str:
    return hashlib.sha256(value.encode()).hexdigest()


# --- the provider: discovery document and keys, cached -----------------------------------------

_discovery: dict[str, tuple[float, dict[str, Any]]] = {}
_keys: dict[str, tuple[float, dict[str, Any]]] = {}


def forget_provider() -> None:
    """Drops cached discovery documents and keys (tests, provider key rotation)."""
    _discovery.clear()
    _keys.clear()


def _get_json(url: str) -> dict[str, Any]:
    try:
        with httpx.Client(timeout=TIMEOUT) as client, client.stream("GET", url) as response:
            body = _read_capped(response)
            if response.status_code != 200:
                raise ProviderUnavailable(f"The provider answered {response.status_code}.")
    except httpx.HTTPError as exc:
        raise ProviderUnavailable("The identity provider could not be reached.") from exc
    return _json_object(body)


def _read_capped(response: httpx.Response) -> bytes:
    body = b""
    for chunk in response.iter_bytes():
        body += chunk
        if len(body) > MAX_PROVIDER_RESPONSE_BYTES:
            raise ProviderUnavailable("The identity provider's answer is too large.")
    return body


def _json_object(body: bytes) -> dict[str, Any]:
    try:
        data = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise ProviderUnavailable(
            "The identity provider answered something else than JSON."
        ) from exc
    if not isinstance(data, dict):
        raise ProviderUnavailable("The identity provider answered something else than an object.")
    return data


def _cached(
    cache: dict[str, tuple[float, dict[str, Any]]], url: str, refresh: bool
) -> dict[str, Any]:
    hit = cache.get(url)
    if hit is not None and not refresh and time.monotonic() - hit[0] < DISCOVERY_TTL_SECONDS:
        return hit[1]
    value = _get_json(url)
    cache[url] = (time.monotonic(), value)
    return value


def provider_metadata() -> dict[str, Any]:
    settings = get_settings()
    if not settings.oauth_client_id:
        raise OAuthNotConfigured("OAuth login is not configured on this server.")
    metadata = _cached(_discovery, settings.oauth_discovery_url, refresh=False)
    for field in ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri"):
        if not isinstance(metadata.get(field), str):
            raise ProviderUnavailable(f"The provider's discovery document has no {field}.")
    return metadata


# --- the flow ---------------------------------------------------------------------------------


def begin_login(session: Session, *, result: str = "TOKENS") -> str:
    """Stores a single-use authorization request and returns the provider URL to redirect to."""
    settings = get_settings()
    metadata = provider_metadata()
    state, nonce, verifier = (secrets.token_urlsafe(32) for _ in range(3))
    now = utcnow()
    session.add(
        AuthorizationRequest(
            id=uuid.uuid4(),
            state_hash=_hash(state),
            nonce=nonce,
            code_verifier=verifier,
            result=result,
            created_at=now,
            expires_at=now + REQUEST_TTL,
        )
    )
    session.flush()
    query = urlencode(
        {
            "response_type": "code",
            "client_id": settings.oauth_client_id,
            "redirect_uri": settings.oauth_redirect_uri,
            "scope": settings.oauth_scopes,
            "state": state,
            "nonce": nonce,
            "code_challenge": _b64(hashlib.sha256(verifier.encode()).digest()),
            "code_challenge_method": "S256",
        }
    )
    endpoint = metadata["authorization_endpoint"]
    return f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"


def finish_login(
    session: Session,
    *,
    state: str,
    code: str | None,
    error: str | None = None,
) -> LoginResult:
    """Consumes the request named by `state`, redeems the code and returns the local account."""
    request = session.scalars(
        select(AuthorizationRequest)
        .where(AuthorizationRequest.state_hash == _hash(state))
        .with_for_update()
    ).first()
    now = utcnow()
    if request is None or request.used_at is not None or request.expires_at <= now:
        raise InvalidState("Unknown, expired or already used state: start the login again.")
    request.used_at = now
    session.flush()
    if error or not code:
        raise ProviderRefused(f"The provider did not authorize the login ({error or 'no code'}).")
    claims = _redeem(code, request)
    return LoginResult(user=_account_for(session, claims), result=request.result)


def _redeem(code: str, request: AuthorizationRequest) -> dict[str, Any]:
    settings = get_settings()
    metadata = provider_metadata()
    form = {
        "grant_type": "authorization_code",
        "code": code,
        "redirect_uri": settings.oauth_redirect_uri,
        "code_verifier": request.code_verifier,
        "client_id": settings.oauth_client_id,
        "client_secret": settings.oauth_client_secret,
    }
    try:
        with (
            httpx.Client(timeout=TIMEOUT) as client,
            client.stream("POST", metadata["token_endpoint"], data=form) as response,
        ):
            body = _read_capped(response)
    except httpx.HTTPError as exc:
        raise ProviderUnavailable("The identity provider could not be reached.") from exc
    if response.status_code >= 500:
        raise ProviderUnavailable(f"The provider answered {response.status_code}.")
    answer = _json_object(body)
    if response.status_code != 200:
        # invalid_grant: a replayed or expired code, or a verifier that does not match.
        raise ProviderRefused(f"The provider refused the code ({answer.get('error', 'error')}).")
    id_token = answer.get("id_token")
    if not isinstance(id_token, str):
        raise InvalidIdToken("The provider returned no ID token.")
    return validate_id_token(id_token, nonce=request.nonce, metadata=metadata)


def validate_id_token(id_token: str, *, nonce: str, metadata: dict[str, Any]) -> dict[str, Any]:
    """Signature (JWKS), iss, aud, exp, iat and nonce of an ID token."""
    settings = get_settings()
    try:
        header = jwt.get_unverified_header(id_token)
    except jwt.InvalidTokenError as exc:
        raise InvalidIdToken("The ID token is malformed.") from exc
    if header.get("alg") not in SIGNING_ALGORITHMS:
        raise InvalidIdToken("The ID token is not signed with an accepted algorithm.")
    key = _signing_key(metadata["jwks_uri"], header.get("kid"))
    try:
        claims: dict[str, Any] = jwt.decode(
            id_token,
            key=key,
            algorithms=[header["alg"]],
            audience=settings.oauth_client_id,
            issuer=metadata["issuer"],
            leeway=30,
            options={"require": ["iss", "aud", "exp", "iat", "sub"]},
        )
    except jwt.InvalidTokenError as exc:
        raise InvalidIdToken(f"The ID token is not valid: {exc}.") from exc
    if not hmac.compare_digest(str(claims.get("nonce", "")), nonce):
        raise InvalidIdToken("The ID token's nonce is not the one this login sent.")
    return claims


def _signing_key(jwks_uri: str, kid: str | None) -> Any:
    for refresh in (False, True):
        try:
            keys = jwt.PyJWKSet.from_dict(_cached(_keys, jwks_uri, refresh=refresh))
        except jwt.PyJWKSetError as exc:
            raise ProviderUnavailable("The provider's key set is unusable.") from exc
        for key in keys.keys:
            if kid is None or key.key_id == kid:
                return key.key
    raise InvalidIdToken("The ID token is signed with a key the provider does not publish.")


def _account_for(session: Session, claims: dict[str, Any]) -> User:
    """The account of a provider identity; links or creates one only for a verified email."""
    issuer, subject = str(claims["iss"]), str(claims["sub"])
    linked = session.scalars(
        select(User)
        .join(LinkedIdentity, LinkedIdentity.user_id == User.id)
        .where(LinkedIdentity.issuer == issuer, LinkedIdentity.subject == subject)
    ).first()
    if linked is not None:
        return _enabled(linked)
    email = claims.get("email")
    if not isinstance(email, str) or not email:
        raise EmailMissing("The provider shared no email address; allow the email scope.")
    if claims.get("email_verified") is not True:
        raise EmailNotVerified(
            "The provider has not verified this email address, so it cannot sign in here."
        )
    user = session.scalars(select(User).where(User.email_key == identity.email_key(email))).first()
    if user is None:
        display_name = str(claims.get("name") or email.split("@", 1)[0])[:100]
        user = identity.create_user(session, email=email, password=None, display_name=display_name)
    try:
        with session.begin_nested():
            session.add(
                LinkedIdentity(user_id=user.id, issuer=issuer, subject=subject, email=email)
            )
            session.flush()
    except IntegrityError:  # a concurrent first login linked it: use that link
        winner = session.scalars(
            select(User)
            .join(LinkedIdentity, LinkedIdentity.user_id == User.id)
            .where(LinkedIdentity.issuer == issuer, LinkedIdentity.subject == subject)
        ).one()
        return _enabled(winner)
    identity.oauth_linked(session, user, issuer=issuer)
    return _enabled(user)


def _enabled(user: User) -> User:
    if user.is_disabled:
        raise identity.InvalidCredentials("This account is disabled.")
    return user
