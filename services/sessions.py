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

`authenticate_session` (the spec's `x-apikeyInfoFunc` for the cookie) runs on every cookie
request: one indexed SELECT (with the account's state), and a write only when last_seen_at is a
minute old or the id rotates.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import uuid
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from urllib.parse import urlsplit

from sqlalchemy.orm import Session

from core.credentials import CSRF_COOKIE, Credential, PresentedCookie
from core.db import utcnow
from core.errors import Forbidden, NotFound
from core.http import cookie_header, cookies_must_be_secure
from core.pagination import Page, decode_cursor, encode_cursor, parse_datetime
from core.security import Actor
from core.settings import get_settings
from db.models.identity import User
from services import identity
from services.session_store import LAST_SEEN_GRANULARITY, get_store
from services.session_store import SessionRecord as SessionRecord  # re-exported for handlers

SESSION_COOKIE = "trellis_session"
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class CsrfRejected(Forbidden, type="/problems/csrf"): ...


class SessionNotFound(NotFound, type="/problems/sessions/not-found"): ...


@dataclass(frozen=True)
class StartedSession:
    row: SessionRecord
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
    login: identity.PasswordLogin,
    user_agent: str | None,
    presented_token: str | None,
) -> StartedSession:
    """Logs in with a password and starts a new session; a presented session id is revoked."""
    return start_session_for(
        session,
        identity.authenticate_password(session, login=login),
        client_address=login.client_address,
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
    store = get_store()
    now = utcnow()
    if presented_token:
        presented = store.find_in(session, _hash_token(presented_token))
        if presented is not None:
            store.revoke(session, presented, now)
    token = secrets.token_urlsafe(32)
    record = SessionRecord(
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
    store.add(session, record)
    return StartedSession(row=record, token=token)


def list_sessions(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[SessionRecord]:
    """The caller's sessions that have not ended, newest first."""
    records = get_store().live_sessions(session, actor.user_id, utcnow())
    if cursor is not None:
        after = tuple(decode_cursor(cursor, "sessions", (parse_datetime, uuid.UUID)))
        records = [r for r in records if (r.created_at, r.id) < after]
    page, more = records[:limit], len(records) > limit
    last = page[-1] if page else None
    next_cursor = encode_cursor("sessions", (last.created_at, last.id)) if more and last else None
    return Page(items=page, next=next_cursor)


def get_session(session: Session, actor: Actor, *, session_id: uuid.UUID) -> SessionRecord:
    """One of the caller's sessions, ended or not."""
    record = get_store().get(session, session_id)
    if record is None or record.user_id != actor.user_id:
        raise SessionNotFound("No such session.")
    return record


def revoke_session(session: Session, actor: Actor, *, session_id: uuid.UUID) -> None:
    """Ends one of the caller's sessions; ending an ended one changes nothing."""
    record = get_session(session, actor, session_id=session_id)
    get_store().revoke(session, record, utcnow())
    _record_revoked(session, actor, session_id=str(record.id))


def revoke_all_sessions(session: Session, actor: Actor) -> None:
    """Ends every session of the caller."""
    get_store().revoke_all(session, actor.user_id, utcnow())
    _record_revoked(session, actor, everywhere=True)


def _record_revoked(session: Session, actor: Actor, **details: object) -> None:
    identity.record_security_event(
        session, actor.user_id, "SESSION_REVOKED", actor_id=actor.user_id, kind="session", **details
    )


# --- authentication, on every request that carries the session cookie ------------------------


def secure_cookies_for(scheme: str, host: str) -> bool:
    insecure_localhost = get_settings().session_cookie_insecure_localhost
    return cookies_must_be_secure(scheme, host, insecure_localhost=insecure_localhost)


def check_csrf(presented: PresentedCookie) -> None:
    """Double-submit token bound to the session, plus a same-origin Origin/Referer when sent."""
    if presented.method not in UNSAFE_METHODS:
        return
    expected = csrf_token_for(presented.value)
    header, cookie = presented.csrf_header or "", presented.csrf_cookie or ""
    if not (hmac.compare_digest(header, expected) and hmac.compare_digest(cookie, expected)):
        raise CsrfRejected(
            "The X-CSRF-Token header is missing or does not match the trellis_csrf cookie."
        )
    allowed = {presented.own_origin, *get_settings().cors_origins}
    if presented.origin is not None:
        if presented.origin not in allowed:
            raise CsrfRejected("Cross-origin requests may not use the session cookie.")
    elif presented.referer:
        parts = urlsplit(presented.referer)
        if f"{parts.scheme}://{parts.netloc}" not in allowed:
            raise CsrfRejected("Cross-origin requests may not use the session cookie.")


def authenticate_session(presented: PresentedCookie) -> Credential | None:
    """The holder of a live session cookie (blocking: the store and the database); None when
    the session has ended, raises when the request fails the CSRF check."""
    store = get_store()
    token = presented.value
    record = store.find(_hash_token(token))
    now = utcnow()
    if record is None or not record.live(now):
        return None
    # None: the account is gone or disabled, or its password changed after this login (from
    # another login: the session that made the change goes on).
    state = identity.account_state(
        record.user_id, issued_at=int(record.created_at.timestamp()), login_id=record.id
    )
    if state is None:
        return None
    role = state.role
    check_csrf(presented)
    credential = Credential(
        user_id=record.user_id,
        role=role,
        scheme="session",
        session_id=record.id,
        login_id=record.id,
        read_only=state.read_only,
    )
    if record.role != role:
        # Privileges changed since login: a new id, so an id captured before cannot ride on them.
        new_token = secrets.token_urlsafe(32)
        rotated = replace(
            record,
            id=uuid.uuid4(),
            token_hash=_hash_token(new_token),
            role=role,
            created_at=now,
            last_seen_at=now,
        )
        if store.rotate(record, rotated, now):
            secure = secure_cookies_for(presented.scheme, presented.host)
            cookies = cookie_headers(new_token, expires_at=record.expires_at, secure=secure)
            credential = replace(
                credential,
                session_id=rotated.id,
                login_id=rotated.id,
                response_headers=tuple(("Set-Cookie", value) for value in cookies),
            )
    elif now - record.last_seen_at >= LAST_SEEN_GRANULARITY:
        store.touch(record, now)
    return credential
