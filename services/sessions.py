"""Cookie sessions for browsers, with CSRF protection.

Login (`start_session`) issues a new random session id in the HttpOnly `trellis_session` cookie
and its CSRF token in the script-readable `trellis_csrf` cookie; the table keeps only SHA-256 of
the id. A session ends after SESSION_IDLE_TIMEOUT_SECONDS without a request or
SESSION_ABSOLUTE_TIMEOUT_SECONDS after login, whichever comes first, or when revoked.

Fixation: an id is never accepted from the client at login (a presented one is revoked), and when
the account's role differs from the role the session was issued under, the next request rotates
the id (the old one is revoked, new cookies are set on that answer).

CSRF (double submit): for POST, PUT, PATCH and DELETE authenticated by the cookie, the
`X-CSRF-Token` header must equal the `trellis_csrf` cookie, which must be the token derived from
this session's id (a token planted by a sibling subdomain does not fit another session); and an
`Origin` (or else `Referer`) header, when present, must be this server's origin or one of
CORS_ORIGINS. Bearer and API-key requests carry no ambient credential and are not checked.

`session_info` runs on every cookie request: one indexed SELECT (with the account's state), and a
write only when last_seen_at is a minute old or the id rotates.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any
from urllib.parse import urlsplit

import anyio.to_thread
from sqlalchemy import bindparam, insert, select, update
from sqlalchemy.orm import Session

from core.db import get_engine, utcnow
from core.errors import Forbidden, NotFound
from core.http import cookie_header, cookies_must_be_secure
from core.pagination import Page, paginate, parse_datetime
from core.security import Actor
from core.settings import get_settings
from db.models.identity import User
from db.models.sessions import BrowserSession
from services import identity

SESSION_COOKIE = "trellis_session"
CSRF_COOKIE = "trellis_csrf"
CSRF_HEADER = "x-csrf-token"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
#: How stale last_seen_at (and so the idle timeout) may get: the price of not writing per request.
LAST_SEEN_GRANULARITY = timedelta(seconds=60)


class CsrfRejected(Forbidden):
    type = "/problems/csrf"


class SessionNotFound(NotFound):
    type = "/problems/sessions/not-found"


@dataclass(frozen=True)
class StartedSession:
    row: BrowserSession
    token: str

    @property
    def csrf_token(self) -> str:
        return csrf_token_for(self.token)


def _hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def csrf_token_for(session_token: str) -> str:
    """The CSRF token bound to a session id (one-way: it does not reveal the id)."""
    digest = hashlib.sha256(b"csrf:" + session_token.encode()).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def idle_expires_at(row: BrowserSession) -> datetime:
    idle = timedelta(seconds=get_settings().session_idle_timeout_seconds)
    return min(row.last_seen_at + idle, row.expires_at)


def cookie_headers(token: str | None, *, expires_at: datetime | None, secure: bool) -> list[str]:
    """Set-Cookie values that install a session (or clear both cookies when token is None)."""
    if token is None or expires_at is None:
        return [
            cookie_header(SESSION_COOKIE, "", max_age=0, secure=secure),
            cookie_header(CSRF_COOKIE, "", max_age=0, secure=secure, http_only=False),
        ]
    max_age = max(0, int((expires_at - utcnow()).total_seconds()))
    return [
        cookie_header(SESSION_COOKIE, token, max_age=max_age, secure=secure),
        cookie_header(
            CSRF_COOKIE, csrf_token_for(token), max_age=max_age, secure=secure, http_only=False
        ),
    ]


def start_session(
    session: Session,
    *,
    email: str,
    password: str,
    client_address: str,
    user_agent: str | None,
    presented_token: str | None,
) -> StartedSession:
    """Logs in with a password and starts a new session; a presented session id is revoked."""
    user = identity.authenticate_password(
        session, email=email, password=password, client_address=client_address
    )
    return start_session_for(
        session,
        user,
        client_address=client_address,
        user_agent=user_agent,
        presented_token=presented_token,
    )


def start_session_for(
    session: Session,
    user: User,
    *,
    client_address: str,
    user_agent: str | None,
    presented_token: str | None,
) -> StartedSession:
    """Starts a new session for an account already authenticated; a presented id is revoked."""
    now = utcnow()
    if presented_token:
        session.execute(
            update(BrowserSession)
            .where(
                BrowserSession.token_hash == _hash_token(presented_token),
                BrowserSession.revoked_at.is_(None),
            )
            .values(revoked_at=now)
        )
    token = secrets.token_urlsafe(32)
    row = BrowserSession(
        id=uuid.uuid4(),
        user_id=user.id,
        token_hash=_hash_token(token),
        role=user.role,
        user_agent=(user_agent or "")[:200] or None,
        client_address=client_address[:64],
        created_at=now,
        last_seen_at=now,
        expires_at=now + timedelta(seconds=get_settings().session_absolute_timeout_seconds),
    )
    session.add(row)
    session.flush()
    return StartedSession(row=row, token=token)


def _active(user_id: uuid.UUID, now: datetime) -> Any:
    idle = timedelta(seconds=get_settings().session_idle_timeout_seconds)
    return (
        (BrowserSession.user_id == user_id)
        & BrowserSession.revoked_at.is_(None)
        & (BrowserSession.expires_at > now)
        & (BrowserSession.last_seen_at > now - idle)
    )


def list_sessions(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[BrowserSession]:
    """The caller's sessions that have not ended, newest first."""
    query = select(BrowserSession).where(_active(actor.user_id, utcnow()))
    return paginate(
        session,
        query,
        kind="sessions",
        columns=(BrowserSession.created_at, BrowserSession.id),
        key=lambda row: (row.created_at, row.id),
        parsers=(parse_datetime, uuid.UUID),
        limit=limit,
        cursor=cursor,
        descending=True,
    )


def get_session(session: Session, actor: Actor, *, session_id: uuid.UUID) -> BrowserSession:
    """One of the caller's sessions, ended or not."""
    row = session.get(BrowserSession, session_id)
    if row is None or row.user_id != actor.user_id:
        raise SessionNotFound("No such session.")
    return row


def revoke_session(session: Session, actor: Actor, *, session_id: uuid.UUID) -> None:
    """Ends one of the caller's sessions; ending an ended one changes nothing."""
    row = get_session(session, actor, session_id=session_id)
    if row.revoked_at is None:
        row.revoked_at = utcnow()
        session.flush()


def revoke_all_sessions(session: Session, actor: Actor) -> int:
    """Ends every session of the caller; returns how many were still live."""
    result = session.execute(
        update(BrowserSession)
        .where(BrowserSession.user_id == actor.user_id, BrowserSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )
    return int(getattr(result, "rowcount", 0) or 0)


# --- authentication, on every request that carries the session cookie ------------------------

_SESSION_STATE = (
    select(
        BrowserSession.id,
        BrowserSession.user_id,
        BrowserSession.role,
        BrowserSession.last_seen_at,
        BrowserSession.expires_at,
        BrowserSession.revoked_at,
        User.role.label("account_role"),
        User.is_disabled,
    )
    .join(User, User.id == BrowserSession.user_id)
    .where(BrowserSession.token_hash == bindparam("token_hash"))
)


@dataclass(frozen=True)
class CookieRequest:
    """What the session check needs to know about the request."""

    method: str
    csrf_header: str | None
    csrf_cookie: str | None
    origin: str | None
    referer: str | None
    own_origin: str
    secure_cookies: bool


def secure_cookies_for(scheme: str, host: str) -> bool:
    insecure_localhost = get_settings().session_cookie_insecure_localhost
    return cookies_must_be_secure(scheme, host, insecure_localhost=insecure_localhost)


async def session_info(apikey: str, request: Any) -> dict[str, Any] | None:
    """Connexion's `x-apikeyInfoFunc` for the session cookie."""
    host = request.headers.get("host", "")
    scheme = request.url.scheme
    facts = CookieRequest(
        method=request.method,
        csrf_header=request.headers.get(CSRF_HEADER),
        csrf_cookie=request.cookies.get(CSRF_COOKIE),
        origin=request.headers.get("origin"),
        referer=request.headers.get("referer"),
        own_origin=f"{scheme}://{host}",
        secure_cookies=secure_cookies_for(scheme, host),
    )
    return await anyio.to_thread.run_sync(authenticate, apikey, facts)


def check_csrf(token: str, facts: CookieRequest) -> None:
    """Double-submit token bound to the session, plus a same-origin Origin/Referer when sent."""
    if facts.method not in UNSAFE_METHODS:
        return
    expected = csrf_token_for(token)
    header, cookie = facts.csrf_header or "", facts.csrf_cookie or ""
    if not (hmac.compare_digest(header, expected) and hmac.compare_digest(cookie, expected)):
        raise CsrfRejected(
            "The X-CSRF-Token header is missing or does not match the trellis_csrf cookie."
        )
    allowed = {facts.own_origin, *get_settings().cors_origins}
    if facts.origin is not None:
        if facts.origin not in allowed:
            raise CsrfRejected("Cross-origin requests may not use the session cookie.")
    elif facts.referer:
        parts = urlsplit(facts.referer)
        if f"{parts.scheme}://{parts.netloc}" not in allowed:
            raise CsrfRejected("Cross-origin requests may not use the session cookie.")


def authenticate(token: str, facts: CookieRequest) -> dict[str, Any] | None:
    """Checks a session cookie (blocking: the database); None = not a live session."""
    with get_engine().connect() as connection:
        row = (
            connection.execution_options(isolation_level="AUTOCOMMIT")
            .execute(_SESSION_STATE, {"token_hash": _hash_token(token)})
            .first()
        )
    now = utcnow()
    idle = timedelta(seconds=get_settings().session_idle_timeout_seconds)
    if (
        row is None
        or row.revoked_at is not None
        or row.expires_at <= now
        or row.last_seen_at + idle <= now
        or row.is_disabled
    ):
        return None
    check_csrf(token, facts)
    info: dict[str, Any] = {
        "sub": str(row.user_id),
        "role": row.account_role,
        "scheme": "session",
        "session_id": str(row.id),
    }
    if row.role != row.account_role:
        rotated = _rotate(row, now)
        if rotated is not None:
            new_id, new_token = rotated
            info["session_id"] = str(new_id)
            info["response_headers"] = [
                ("Set-Cookie", value)
                for value in cookie_headers(
                    new_token, expires_at=row.expires_at, secure=facts.secure_cookies
                )
            ]
    elif now - row.last_seen_at >= LAST_SEEN_GRANULARITY:
        with get_engine().begin() as connection:
            connection.execute(
                update(BrowserSession)
                .where(
                    BrowserSession.id == row.id,
                    BrowserSession.last_seen_at < now - LAST_SEEN_GRANULARITY,
                )
                .values(last_seen_at=now)
            )
    return info


def _rotate(row: Any, now: datetime) -> tuple[uuid.UUID, str] | None:
    """Replaces a session whose privileges changed by a new id (same absolute expiry).

    Of concurrent requests only the one whose revoke lands rotates; the others go on with the
    current role, and the old id stops working for everyone after this request.
    """
    token = secrets.token_urlsafe(32)
    new_id = uuid.uuid4()
    with get_engine().begin() as connection:
        revoked = connection.execute(
            update(BrowserSession)
            .where(BrowserSession.id == row.id, BrowserSession.revoked_at.is_(None))
            .values(revoked_at=now)
        ).rowcount
        if not revoked:
            return None
        old = connection.execute(
            select(BrowserSession.user_agent, BrowserSession.client_address).where(
                BrowserSession.id == row.id
            )
        ).one()
        connection.execute(
            insert(BrowserSession).values(
                id=new_id,
                user_id=row.user_id,
                token_hash=_hash_token(token),
                role=row.account_role,
                user_agent=old.user_agent,
                client_address=old.client_address,
                created_at=now,
                last_seen_at=now,
                expires_at=row.expires_at,
                revoked_at=None,
            )
        )
    return new_id, token
