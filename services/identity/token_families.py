"""Token logins: an access JWT plus a refresh token, rotated on every use.

Each login is a family of refresh tokens: refreshing rotates the presented token (marks it used)
and issues the next one of the same family. Presenting a token that was already rotated means it
was copied: the whole family is revoked, and that revocation survives the 401 it answers with.
Only SHA-256 of a refresh token is stored.

A family is a login: its id is the `sid` every access token of the login names, and the login is
live while any of its refresh tokens is unrevoked (`login_is_live`). Logging out revokes the
family, so its access tokens stop working on their next request too. A login whose access token
is never refreshed (the Conduit facade's, `start_lasting_login`) is a family of one refresh token
that nobody is given, kept as long as that access token lives.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import ColumnElement, delete, exists, select, update
from sqlalchemy.orm import InstrumentedAttribute, Session

from core.db import utcnow
from core.errors import Unauthorized
from core.settings import get_settings
from core.tokens import issue_access_token
from db.models.identity import RefreshToken, User
from services.identity import account_cache, security_log

REFRESH_PREFIX = "rt_"


class InvalidRefreshToken(Unauthorized, type="/problems/identity/invalid-refresh-token"):
    oauth_error = "invalid_grant"  # RFC 6749 §5.2, for the token endpoint's form requests


# The family revocation must survive the 401.
class RefreshTokenReused(
    InvalidRefreshToken, type="/problems/identity/refresh-token-reused", keeps_changes=True
): ...


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_in: int


def _hash_refresh(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_tokens(session: Session, user: User) -> TokenPair:
    """Starts a token login (a new family) for an account whose identity was proven."""
    return _issue_pair(session, user)


def _issue_pair(session: Session, user: User, family_id: uuid.UUID | None = None) -> TokenPair:
    settings = get_settings()
    family_id = family_id or uuid.uuid4()
    access, access_ttl = issue_access_token(user_id=user.id, role=user.role, login_id=family_id)
    refresh_token = _add_refresh_token(
        session, user, family_id=family_id, lifetime=settings.refresh_token_ttl_seconds
    )
    return TokenPair(access, access_ttl, refresh_token, settings.refresh_token_ttl_seconds)


def _add_refresh_token(session: Session, user: User, *, family_id: uuid.UUID, lifetime: int) -> str:
    refresh_token = REFRESH_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id,
            token_hash=_hash_refresh(refresh_token),
            created_at=now,
            expires_at=now + timedelta(seconds=lifetime),
        )
    )
    session.flush()
    return refresh_token


def start_lasting_login(session: Session, user: User, *, kind: str) -> str:
    """Starts a login whose one access token (for the contract `kind`) is never refreshed, and
    answers that token: the Conduit facade's login and registration."""
    login_id = uuid.uuid4()
    token, lifetime = issue_access_token(
        user_id=user.id, role=user.role, login_id=login_id, kind=kind
    )
    _add_refresh_token(session, user, family_id=login_id, lifetime=lifetime)
    return token


def renew_lasting_login(session: Session, user: User, *, login_id: uuid.UUID, kind: str) -> str:
    """A fresh access token of the same login (a RealWorld client reading its user), which the
    login now outlives: its refresh token is kept as long as the new access token."""
    token, lifetime = issue_access_token(
        user_id=user.id, role=user.role, login_id=login_id, kind=kind
    )
    session.execute(
        update(RefreshToken)
        .where(
            RefreshToken.family_id == login_id,
            RefreshToken.user_id == user.id,
            RefreshToken.revoked_at.is_(None),
        )
        .values(expires_at=utcnow() + timedelta(seconds=lifetime))
    )
    return token


def login_is_live(
    user_id: InstrumentedAttribute[uuid.UUID], login_id: object
) -> ColumnElement[bool]:
    """SQL: the account's login `login_id` has not ended (logout, reuse, password change)."""
    return exists().where(
        RefreshToken.family_id == login_id,
        RefreshToken.user_id == user_id,
        RefreshToken.revoked_at.is_(None),
    )


def refresh(session: Session, *, refresh_token: str) -> TokenPair:
    """Rotates a refresh token; reusing a rotated one revokes its whole family."""
    row = session.scalars(
        select(RefreshToken)
        .where(RefreshToken.token_hash == _hash_refresh(refresh_token))
        .with_for_update()
    ).first()
    now = utcnow()
    if row is None or row.revoked_at is not None or row.expires_at <= now:
        raise InvalidRefreshToken("Unknown, expired or revoked refresh token.")
    if row.rotated_at is not None:
        _revoke(session, row.user_id, RefreshToken.family_id == row.family_id)
        raise RefreshTokenReused("This refresh token was already used; the login is revoked.")
    user = session.get(User, row.user_id)
    if user is None or user.is_disabled:
        raise InvalidRefreshToken("Unknown, expired or revoked refresh token.")
    row.rotated_at = now
    return _issue_pair(session, user, family_id=row.family_id)


def log_out(session: Session, *, refresh_token: str, everywhere: bool) -> None:
    """Revokes the token's login, or every login of its user; unknown tokens are ignored."""
    row = session.scalars(
        select(RefreshToken).where(RefreshToken.token_hash == _hash_refresh(refresh_token))
    ).first()
    if row is None:
        return
    if everywhere:
        end_every_login(session, user_id=row.user_id)
    else:
        _revoke(session, row.user_id, RefreshToken.family_id == row.family_id)
    security_log.record(
        session,
        row.user_id,
        "SESSION_REVOKED",
        actor_id=row.user_id,
        kind="token",
        everywhere=everywhere,
    )


def end_every_login(
    session: Session, *, user_id: uuid.UUID, keep_login: uuid.UUID | None = None
) -> None:
    """Ends every token login of an account (disabled account, password change), but the one
    named `keep_login` (the login that changed the password)."""
    if keep_login is None:
        _revoke(session, user_id, RefreshToken.user_id == user_id)
    else:
        _revoke(
            session,
            user_id,
            (RefreshToken.user_id == user_id) & (RefreshToken.family_id != keep_login),
        )


def _revoke(session: Session, user_id: uuid.UUID, condition: object) -> None:
    """Ends the logins of `user_id` that `condition` selects (account_cache hears of it)."""
    account_cache.account_changed(session, user_id)
    session.execute(
        update(RefreshToken)
        .where(condition, RefreshToken.revoked_at.is_(None))  # type: ignore[arg-type]
        .values(revoked_at=utcnow())
    )


def purge_expired_refresh_tokens(session: Session) -> int:
    """Deletes refresh tokens past their expiry; returns how many."""
    result = session.execute(delete(RefreshToken).where(RefreshToken.expires_at <= utcnow()))
    return int(result.rowcount)  # type: ignore[attr-defined]
