"""Identity: accounts, password login, refresh-token rotation, logout."""

from __future__ import annotations

import functools
import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

import anyio.to_thread
from sqlalchemy import bindparam, delete, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import ratelimit
from core.db import get_engine, utcnow
from core.errors import Conflict, NotFound, RuleViolated, Unauthorized
from core.pagination import Page, paginate, parse_datetime
from core.passwords import hash_password, needs_rehash, verify_password
from core.security import Actor
from core.settings import get_settings
from core.tokens import CONDUIT, MAIN, decode_access_token, issue_access_token
from db.models.identity import RefreshToken, User

REFRESH_PREFIX = "rt_"


class EmailTaken(Conflict):
    type = "/problems/identity/email-taken"


class InvalidCredentials(Unauthorized):
    type = "/problems/identity/invalid-credentials"


class InvalidRefreshToken(Unauthorized):
    type = "/problems/identity/invalid-refresh-token"


class RefreshTokenReused(InvalidRefreshToken):
    type = "/problems/identity/refresh-token-reused"
    keeps_changes = True  # the family revocation must survive the 401


class WrongPassword(RuleViolated):
    type = "/problems/identity/wrong-password"


class UserNotFound(NotFound):
    type = "/problems/identity/user-not-found"


@dataclass(frozen=True)
class TokenPair:
    access_token: str
    expires_in: int
    refresh_token: str
    refresh_expires_in: int


def email_key(email: str) -> str:
    return email.strip().lower()


def _hash_refresh(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_user(
    session: Session, *, email: str, password: str | None, display_name: str, role: str = "USER"
) -> User:
    """Creates an account; the email must be unused, compared case-insensitively. An account
    without a password (created by an OAuth login) cannot log in with one."""
    key = email_key(email)
    if session.scalar(select(User.id).where(User.email_key == key)) is not None:
        raise EmailTaken("An account with this email already exists.")
    user = User(
        email=email.strip(),
        email_key=key,
        display_name=display_name,
        password_hash=hash_password(password) if password is not None else None,
        role=role,
    )
    session.add(user)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:  # a concurrent signup with the same email won the race
        raise EmailTaken("An account with this email already exists.") from exc
    return user


def get_user(session: Session, actor: Actor) -> User:
    """The caller's own account."""
    user = session.get(User, actor.user_id)
    if user is None or user.is_disabled:
        raise InvalidCredentials("This account no longer exists.")
    return user


def issue_tokens(session: Session, user: User) -> TokenPair:
    """Starts a token login for an account whose identity was proven another way (OAuth)."""
    return _issue_pair(session, user)


def _issue_pair(session: Session, user: User, family_id: uuid.UUID | None = None) -> TokenPair:
    settings = get_settings()
    access, access_ttl = issue_access_token(user_id=user.id, role=user.role)
    refresh = REFRESH_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        RefreshToken(
            user_id=user.id,
            family_id=family_id or uuid.uuid4(),
            token_hash=_hash_refresh(refresh),
            created_at=now,
            expires_at=now + timedelta(seconds=settings.refresh_token_ttl_seconds),
        )
    )
    session.flush()
    return TokenPair(access, access_ttl, refresh, settings.refresh_token_ttl_seconds)


def log_in(session: Session, *, email: str, password: str, client_address: str) -> TokenPair:
    """Checks email and password, then starts a token login."""
    user = authenticate_password(
        session, email=email, password=password, client_address=client_address
    )
    return _issue_pair(session, user)


def authenticate_password(
    session: Session, *, email: str, password: str, client_address: str
) -> User:
    """The enabled account with this email and password (failures throttled per account and
    per address); every login, by token or by session cookie, goes through here."""
    settings = get_settings()
    key = email_key(email)
    throttles = (
        (settings.login_limit_per_account, "login-account", key),
        (settings.login_limit_per_address, "login-address", client_address),
    )
    for limit, *scope in throttles:
        ratelimit.check(limit, *scope, detail="Too many failed logins; retry later.")
    user = session.scalars(select(User).where(User.email_key == key)).first()
    password_hash = user.password_hash if user is not None else None
    if user is None or user.is_disabled or not verify_password(password_hash, password):
        for limit, *scope in throttles:
            ratelimit.hit(limit, *scope)
        raise InvalidCredentials("Wrong email or password.")
    if password_hash and needs_rehash(password_hash):
        user.password_hash = hash_password(password)
    return user


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
        _revoke_families(session, RefreshToken.family_id == row.family_id)
        raise RefreshTokenReused("This refresh token was already used; the login is revoked.")
    user = session.get(User, row.user_id)
    if user is None or user.is_disabled:
        raise InvalidRefreshToken("Unknown, expired or revoked refresh token.")
    row.rotated_at = now
    return _issue_pair(session, user, family_id=row.family_id)


def _revoke_families(session: Session, condition: object) -> None:
    session.execute(
        update(RefreshToken)
        .where(condition, RefreshToken.revoked_at.is_(None))  # type: ignore[arg-type]
        .values(revoked_at=utcnow())
    )


def log_out(session: Session, *, refresh_token: str, everywhere: bool) -> None:
    """Revokes the token's login, or every login of its user; unknown tokens are ignored."""
    row = session.scalars(
        select(RefreshToken).where(RefreshToken.token_hash == _hash_refresh(refresh_token))
    ).first()
    if row is None:
        return
    if everywhere:
        _revoke_families(session, RefreshToken.user_id == row.user_id)
    else:
        _revoke_families(session, RefreshToken.family_id == row.family_id)


def update_user(
    session: Session,
    actor: Actor,
    *,
    display_name: str | None = None,
    password: str | None = None,
    current_password: str | None = None,
) -> User:
    """Updates the caller's account; a password change needs the current one and ends all logins."""
    user = get_user(session, actor)
    if password is not None:
        if current_password is None or not verify_password(user.password_hash, current_password):
            raise WrongPassword("current_password is missing or wrong.")
        user.password_hash = hash_password(password)
        user.credentials_changed_at = utcnow()
        _revoke_families(session, RefreshToken.user_id == user.id)
    if display_name is not None:
        user.display_name = display_name
    session.flush()
    return user


def set_email_and_password(
    session: Session, actor: Actor, *, email: str | None = None, password: str | None = None
) -> User:
    """The Conduit contract's account update: the token holder may set a new email (unique) or
    password without the current one; a new password still ends every other login."""
    user = get_user(session, actor)
    if email is not None and email_key(email) != user.email_key:
        key = email_key(email)
        if session.scalar(select(User.id).where(User.email_key == key)) is not None:
            raise EmailTaken("An account with this email already exists.")
        user.email, user.email_key = email.strip(), key
    if password is not None:
        user.password_hash = hash_password(password)
        user.credentials_changed_at = utcnow()
        _revoke_families(session, RefreshToken.user_id == user.id)
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise EmailTaken("An account with this email already exists.") from exc
    return user


def list_users(
    session: Session, actor: Actor, *, email: str | None, limit: int, cursor: str | None
) -> Page[User]:
    """Every account, oldest first (admin only; the spec's x-roles enforces it)."""
    query = select(User)
    if email:
        query = query.where(User.email_key.contains(email.lower(), autoescape=True))
    return paginate(
        session,
        query,
        kind="users",
        columns=(User.created_at, User.id),
        key=lambda user: (user.created_at, user.id),
        parsers=(parse_datetime, uuid.UUID),
        limit=limit,
        cursor=cursor,
    )


def purge_expired_refresh_tokens(session: Session) -> int:
    """Deletes refresh tokens past their expiry; returns how many."""
    result = session.execute(delete(RefreshToken).where(RefreshToken.expires_at <= utcnow()))
    return int(result.rowcount)  # type: ignore[attr-defined]


def ensure_admin(
    session: Session, *, email: str, password: str | None, display_name: str = "Administrator"
) -> tuple[User, bool]:
    """Creates an admin, or promotes the existing account (resetting its password if given)."""
    user = session.scalars(select(User).where(User.email_key == email_key(email))).first()
    if user is None:
        if password is None:
            raise RuleViolated("A password is needed to create a new admin.")
        return create_user(
            session, email=email, password=password, display_name=display_name, role="ADMIN"
        ), True
    user.role = "ADMIN"
    user.is_disabled = False
    if password is not None:
        user.password_hash = hash_password(password)
        user.credentials_changed_at = utcnow()
        _revoke_families(session, RefreshToken.user_id == user.id)
    session.flush()
    return user, False


def find_admin(session: Session) -> User | None:
    """Any enabled admin account (the dev setup only needs to know whether one exists)."""
    return session.scalars(
        select(User).where(User.role == "ADMIN", User.is_disabled.is_(False)).limit(1)
    ).first()


# ---- authentication of every request ----------------------------------------------------------


async def bearer_info(token: str) -> dict[str, Any] | None:
    """Connexion's `x-bearerInfoFunc`: a verified main-API JWT whose account still exists, is
    enabled and has not changed its password since the token was issued."""
    return await _token_holder(token, kinds=(MAIN,))


async def conduit_token_info(apikey: str) -> dict[str, Any] | None:
    """The Conduit facade's `Authorization: Token <jwt>`: a facade token (long-lived, see
    core.tokens) or a main-API one, under the same account checks.

    `Bearer <jwt>` is taken too: the RealWorld project's own reference backend accepts both, and
    current frontends (those generated from its OpenAPI document) send Bearer."""
    scheme, _, token = apikey.partition(" ")
    if scheme.lower() not in ("token", "bearer") or not token.strip():
        return None
    return await _token_holder(token.strip(), kinds=(CONDUIT, MAIN))


async def _token_holder(token: str, *, kinds: tuple[str, ...]) -> dict[str, Any] | None:
    """The account is re-read on every request (in a worker thread, off the event loop), so
    disabling an account, changing its role or its password takes effect on its very next
    request, whatever tokens it holds. The role in the token is only a hint."""
    claims = decode_access_token(token, kinds=kinds)
    if claims is None:
        return None
    role = await anyio.to_thread.run_sync(
        functools.partial(account_role, uuid.UUID(claims["sub"]), issued_at=int(claims["iat"]))
    )
    if role is None:
        return None
    return {"sub": claims["sub"], "role": role, "scheme": "bearer"}


_ACCOUNT_STATE = select(User.role, User.is_disabled, User.credentials_changed_at).where(
    User.id == bindparam("user_id")
)


def account_role(user_id: uuid.UUID, *, issued_at: int | None = None) -> str | None:
    """The account's current role, or None when it is gone or disabled, or when a credential
    issued at `issued_at` (epoch seconds) predates the account's last password change.

    Token times are whole seconds, so a token issued within the same second as the change (the
    one the change itself answers with) still counts; anything older does not.

    One statement on an autocommit connection: no ORM session, no BEGIN/COMMIT round trips; this
    runs before every authenticated request.
    """
    with get_engine().connect() as connection:
        row = (
            connection.execution_options(isolation_level="AUTOCOMMIT")
            .execute(_ACCOUNT_STATE, {"user_id": user_id})
            .first()
        )
    if row is None or row.is_disabled:
        return None
    changed = row.credentials_changed_at
    if issued_at is not None and changed is not None and issued_at < int(changed.timestamp()):
        return None
    return str(row.role)
