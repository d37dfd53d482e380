"""Token logins: an access JWT plus a refresh token, rotated on every use.

Each login is a family of refresh tokens: refreshing rotates the presented token (marks it used)
and issues the next one of the same family. Presenting a token that was already rotated means it
was copied: the whole family is revoked, and that revocation survives the 401 it answers with.
Only SHA-256 of a refresh token is stored.
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from core.db import utcnow
from core.errors import Unauthorized
from core.settings import get_settings
from core.tokens import issue_access_token
from db.models.identity import RefreshToken, User
from services.identity import security_log

REFRESH_PREFIX = "rt_"


class InvalidRefreshToken(Unauthorized, type="/problems/identity/invalid-refresh-token"): ...


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
    access, access_ttl = issue_access_token(user_id=user.id, role=user.role)
    refresh_token = REFRESH_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id or uuid.uuid4(),
            token_hash=_hash_refresh(refresh_token),
            created_at=now,
            expires_at=now + timedelta(seconds=settings.refresh_token_ttl_seconds),
        )
    )
    session.flush()
    return TokenPair(access, access_ttl, refresh_token, settings.refresh_token_ttl_seconds)


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
        _revoke(session, RefreshToken.family_id == row.family_id)
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
        _revoke(session, RefreshToken.family_id == row.family_id)
    security_log.record(
        session,
        row.user_id,
        "SESSION_REVOKED",
        actor_id=row.user_id,
        kind="token",
        everywhere=everywhere,
    )


def end_every_login(session: Session, *, user_id: uuid.UUID) -> None:
    """Revokes every refresh token of an account (password change, disabled account)."""
    _revoke(session, RefreshToken.user_id == user_id)


def _revoke(session: Session, condition: object) -> None:
    session.execute(
        update(RefreshToken)
        .where(condition, RefreshToken.revoked_at.is_(None))  # type: ignore[arg-type]
        .values(revoked_at=utcnow())
    )


def purge_expired_refresh_tokens(session: Session) -> int:
    """Deletes refresh tokens past their expiry; returns how many."""
    result = session.execute(delete(RefreshToken).where(RefreshToken.expires_at <= utcnow()))
    return int(result.rowcount)  # type: ignore[attr-defined]
