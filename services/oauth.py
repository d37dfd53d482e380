"""OAuth 2.0 / OpenID Connect login: authorization code flow with PKCE against one provider.

`begin_login` stores a single-use request (state, nonce, S256 code verifier; 10 minutes) and
returns the provider's authorization URL and a random value for the browser-binding cookie,
whose SHA-256 is stored with the request. `finish_login` consumes the request named by `state`
and refuses it unless the browser presents that cookie (RFC 9700 §4.7: a callback URL an
attacker obtained for their own login cannot sign a victim's browser in), then exchanges the code
with the verifier and the client secret, validates the ID token (signature with the provider's
JWKS, iss, aud, exp, iat, nonce) and maps the provider's subject to a local account: an identity
already linked logs in as its account; otherwise an account with the same email is linked only
when the provider says the email is verified, and a new account (without a password) is created
for a verified email nobody uses. An unverified email never links or creates anything.

With OAUTH_FRONTEND_URL set, the callback does not answer the login itself: it stores a one-time
code (SHA-256 only, 60 seconds, single use, bound to the same browser cookie) and redirects to
the front end with the code in the URL fragment; `exchange_login_code` redeems it. Tokens never
travel in a URL.

The provider's discovery document and keys are cached for an hour (keys are fetched again when
an ID token names an unknown `kid`). Linked identities can be listed and unlinked, except the
last way into an account that has no password.
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
from typing import Any, TypeVar
from urllib.parse import urlencode

import jwt
import orjson
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import outbound
from core.db import utcnow
from core.errors import (
    Conflict,
    Forbidden,
    NotFound,
    RuleViolated,
    Unauthorized,
    UpstreamUnavailable,
)
from core.http import cookie_header
from core.pagination import Page, paginate_by_creation
from core.security import Actor
from core.settings import get_settings
from db.models.identity import User
from db.models.oauth import AuthorizationRequest, LoginCode
from db.models.oauth import LinkedIdentity as LinkedIdentity  # re-exported for handlers
from services import identity

REQUEST_TTL = timedelta(minutes=10)
LOGIN_CODE_TTL = timedelta(seconds=60)
# `__Host-`: only ever set by this exact origin over https, Path=/, no Domain, so neither a
# sibling subdomain nor a plain-http network attacker can plant one. Plain http to loopback in
# development (SESSION_COOKIE_INSECURE_LOCALHOST) cannot carry the prefix: the cookie is then
# named without it, and only that name is read on such a request.
BROWSER_COOKIE = "__Host-trellis_oauth"
BROWSER_COOKIE_INSECURE = "trellis_oauth"
DISCOVERY_TTL_SECONDS = 3600
MAX_PROVIDER_RESPONSE_BYTES = 512 * 1024
SIGNING_ALGORITHMS = ["RS256", "RS384", "RS512", "PS256", "ES256", "ES384", "EdDSA"]


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


# Consumes the state or code it refuses, like InvalidState.
class BrowserMismatch(Forbidden, type="/problems/oauth/browser-mismatch", keeps_changes=True): ...


class InvalidLoginCode(
    RuleViolated, type="/problems/oauth/invalid-login-code", keeps_changes=True
): ...


# An account disabled between the callback and the exchange: the code is used up all the same.
class DisabledAtExchange(identity.InvalidCredentials, keeps_changes=True): ...


class LinkedIdentityNotFound(NotFound, type="/problems/oauth/identity-not-found"): ...


class LastSignInMethod(Conflict, type="/problems/oauth/last-sign-in-method"): ...


@dataclass(frozen=True)
class StartedLogin:
    location: str  # the provider's authorization URL
    browser_value: str  # the browser-binding cookie's value


@dataclass(frozen=True)
class LoginResult:
    user: User
    result: str  # TOKENS or SESSION, as asked at `begin_login`
    # Set when OAUTH_FRONTEND_URL is: where to send the browser (a one-time code in the fragment).
    redirect_to: str | None = None


def browser_cookie(secure: bool) -> str:
    """The browser-binding cookie's name for a request whose cookies are Secure (or not)."""
    return BROWSER_COOKIE if secure else BROWSER_COOKIE_INSECURE


def browser_cookie_header(value: str | None, *, secure: bool) -> str:
    """Set-Cookie that binds a login to this browser for 10 minutes (None clears it)."""
    max_age = int(REQUEST_TTL.total_seconds()) if value else 0
    return cookie_header(browser_cookie(secure), value or "", max_age=max_age, secure=secure)


def _same_browser(stored_hash: str | None, presented: str | None) -> bool:
    return bool(stored_hash and presented) and hmac.compare_digest(
        stored_hash or "", _hash(presented or "")
    )


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
    fetched = _call(url)
    if fetched.status != 200:
        raise ProviderUnavailable(f"The provider answered {fetched.status}.")
    return _json_object(fetched.body)


def _call(url: str, form: dict[str, str] | None = None) -> outbound.Fetched:
    """A call to the configured provider (core.outbound, unguarded: an operator may run it on a
    private network); any failure to get an answer is the provider being unavailable."""
    try:
        if form is None:
            return outbound.fetch(url, guarded=False, max_bytes=MAX_PROVIDER_RESPONSE_BYTES)
        return outbound.fetch(
            url,
            method="POST",
            headers={"Content-Type": "application/x-www-form-urlencoded"},
            content=urlencode(form).encode(),
            guarded=False,
            max_bytes=MAX_PROVIDER_RESPONSE_BYTES,
        )
    except outbound.ResponseTooLarge as exc:
        raise ProviderUnavailable("The identity provider's answer is too large.") from exc
    except (UpstreamUnavailable, outbound.UrlRefused) as exc:
        raise ProviderUnavailable("The identity provider could not be reached.") from exc


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


def begin_login(session: Session, *, result: str = "TOKENS") -> StartedLogin:
    """Stores a single-use authorization request bound to a new browser value; returns the
    provider URL to redirect to and that value (for the binding cookie)."""
    settings = get_settings()
    metadata = provider_metadata()
    state, nonce, verifier, browser = (secrets.token_urlsafe(32) for _ in range(4))
    now = utcnow()
    session.add(
        AuthorizationRequest(
            id=uuid.uuid4(),
            state_hash=_hash(state),
            nonce=nonce,
            code_verifier=verifier,
            result=result,
            browser_hash=_hash(browser),
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
    location = f"{endpoint}{'&' if '?' in endpoint else '?'}{query}"
    return StartedLogin(location=location, browser_value=browser)


def finish_login(
    session: Session,
    *,
    state: str,
    code: str | None,
    error: str | None = None,
    browser_value: str | None,
) -> LoginResult:
    """Consumes the request named by `state`; refuses it unless this browser started it; redeems
    the code and returns the local account (and, with a front end, where to send the browser)."""
    found = session.scalars(
        select(AuthorizationRequest)
        .where(AuthorizationRequest.state_hash == _hash(state))
        .with_for_update()
    ).first()
    unusable = InvalidState("Unknown, expired or already used state: start the login again.")
    request = _use_up(session, found, browser_value, unusable)
    if error or not code:
        raise ProviderRefused(f"The provider did not authorize the login ({error or 'no code'}).")
    claims = _redeem(code, request)
    user = _account_for(session, claims)
    frontend = get_settings().oauth_frontend_url
    if not frontend:
        return LoginResult(user=user, result=request.result)
    now = utcnow()
    login_code = secrets.token_urlsafe(32)
    session.add(
        LoginCode(
            code_hash=_hash(login_code),
            user_id=user.id,
            result=request.result,
            browser_hash=request.browser_hash,
            created_at=now,
            expires_at=now + LOGIN_CODE_TTL,
        )
    )
    session.flush()
    # The fragment never reaches a server: not the front end's logs, nor a Referer header.
    redirect_to = f"{frontend}#{urlencode({'login_code': login_code})}"
    return LoginResult(user=user, result=request.result, redirect_to=redirect_to)


def exchange_login_code(session: Session, *, code: str, browser_value: str | None) -> LoginResult:
    """Consumes a one-time login code; refuses it unless the browser that started the login
    presents it; returns the account and what the login asked for."""
    found = session.scalars(
        select(LoginCode).where(LoginCode.code_hash == _hash(code)).with_for_update()
    ).first()
    unusable = InvalidLoginCode("Unknown, expired or already used login code: sign in again.")
    login_code = _use_up(session, found, browser_value, unusable)
    user = session.get(User, login_code.user_id)  # the code goes with its account (cascade)
    if user is None or user.is_disabled:
        raise DisabledAtExchange("This account is disabled.")
    return LoginResult(user=user, result=login_code.result)


SingleUse = TypeVar("SingleUse", AuthorizationRequest, LoginCode)


def _use_up(
    session: Session, row: SingleUse | None, browser_value: str | None, unusable: Exception
) -> SingleUse:
    """Marks a pending login or login code used; raises `unusable` when there is none live, and
    BrowserMismatch (it stays used) when this browser did not start the login."""
    now = utcnow()
    if row is None or row.used_at is not None or row.expires_at <= now:
        raise unusable
    row.used_at = now
    session.flush()
    if not _same_browser(row.browser_hash, browser_value):
        raise BrowserMismatch(
            "This login was not started in this browser: start the login again here."
        )
    return row


# --- linked identities -------------------------------------------------------------------------


def list_linked_identities(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[LinkedIdentity]:
    """The provider accounts that sign in as the caller's account, newest first."""
    query = select(LinkedIdentity).where(LinkedIdentity.user_id == actor.user_id)
    return paginate_by_creation(session, query, kind="oauth-identities", limit=limit, cursor=cursor)


def unlink_identity(session: Session, actor: Actor, *, identity_id: uuid.UUID) -> None:
    """Unlinks one of the caller's provider accounts; refuses to remove the last way to sign in
    (no password and no other link)."""
    # The account row is locked first, so two unlinks of an account's last two links queue up
    # and the second sees that only one is left.
    user = session.scalars(select(User).where(User.id == actor.user_id).with_for_update()).first()
    link = session.get(LinkedIdentity, identity_id)
    if user is None or link is None or link.user_id != user.id:
        raise LinkedIdentityNotFound("No such linked identity.")
    if user.password_hash is None:
        links = session.scalar(
            select(func.count())
            .select_from(LinkedIdentity)
            .where(LinkedIdentity.user_id == user.id)
        )
        if (links or 0) <= 1:
            raise LastSignInMethod(
                "This is the only way to sign in to this account: set a password or link another "
                "provider account first."
            )
    session.delete(link)
    identity.oauth_unlinked(session, user, issuer=link.issuer)
    session.flush()


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
    fetched = _call(metadata["token_endpoint"], form)
    if fetched.status >= 500:
        raise ProviderUnavailable(f"The provider answered {fetched.status}.")
    body, status = fetched.body, fetched.status
    answer = _json_object(body)
    if status != 200:
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
