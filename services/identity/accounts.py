"""Accounts: signup, password login, the caller's own account, and the admin bootstrap.

Emails are unique compared case-insensitively (`email_key`). Passwords are Argon2id hashes,
rehashed at login when the parameters changed; a password change ends every other login (refresh
tokens now, access tokens and sessions through `credentials_changed_at`, which request
authentication compares with the time a credential was issued).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core import ratelimit
from core.db import utcnow
from core.errors import Conflict, NotFound, RuleViolated, TooManyRequests, Unauthorized
from core.pagination import Page, paginate_by_creation
from core.passwords import hash_password, needs_rehash, verify_password
from core.security import Actor, EmailNotVerified
from core.settings import get_settings
from db.models.identity import AccountToken, User
from services.identity import security_log
from services.identity.account_settings import flow_settings
from services.identity.token_families import TokenPair, end_every_login, issue_tokens


class EmailTaken(Conflict, type="/problems/identity/email-taken"): ...


class InvalidCredentials(Unauthorized, type="/problems/identity/invalid-credentials"): ...


# A failed password login: its count in the security log must survive the 401.
class LoginRefused(InvalidCredentials, keeps_changes=True): ...


class WrongPassword(RuleViolated, type="/problems/identity/wrong-password"): ...


class UserNotFound(NotFound, type="/problems/identity/user-not-found"): ...


@dataclass(frozen=True)
class PasswordLogin:
    """A password login as the request carries it: the email and password given, and the address
    it came from (failures are throttled per account and per address; the security log keeps
    the address and the user agent)."""

    email: str
    password: str
    client_address: str
    user_agent: str | None = None


def email_key(email: str) -> str:
    return email.strip().lower()


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


def log_in(session: Session, *, login: PasswordLogin) -> TokenPair:
    """Checks email and password, then starts a token login."""
    return issue_tokens(session, authenticate_password(session, login=login))


def authenticate_password(session: Session, *, login: PasswordLogin) -> User:
    """The enabled account with this email and password; every login, by token or by session
    cookie, goes through here.

    Each attempt is counted per account and per client address BEFORE the password is checked
    (core.ratelimit.reserve: parallel attempts cannot overtake the count), and given back when
    it succeeds, so the limits count failed logins. The work is the same whatever the account's
    state: with no usable account (unknown, disabled, without a password) a dummy hash is
    verified in its place, so the answer's timing does not tell them apart.
    """
    settings = get_settings()
    key = email_key(login.email)
    throttles = (
        (settings.login_limit_per_account, "login-account", key),
        (settings.login_limit_per_address, "login-address", login.client_address),
    )
    reservations: list[ratelimit.Reservation] = []
    try:
        for limit, *scope in throttles:
            reservations.append(
                ratelimit.reserve(limit, *scope, detail="Too many failed logins; retry later.")
            )
    except TooManyRequests:
        for reservation in reservations:  # refused: this attempt counts nowhere
            reservation.release()
        raise
    user = session.scalars(select(User).where(User.email_key == key)).first()
    usable = user is not None and not user.is_disabled and user.password_hash is not None
    password_hash = user.password_hash if user is not None and usable else None
    # Always one hash verification: verify_password checks a dummy hash when given None.
    verified = verify_password(password_hash, login.password)
    if user is None or password_hash is None or not verified:
        if user is not None:
            security_log.login_failed(session, user.id, client_address=login.client_address)
        raise LoginRefused("Wrong email or password.")
    for reservation in reservations:
        reservation.release()
    if needs_rehash(password_hash):
        user.password_hash = hash_password(login.password)
    refuse_if_blocked(user)
    security_log.logged_in(
        session,
        user.id,
        client_address=login.client_address,
        user_agent=login.user_agent,
        via="password",
    )
    return user


def refuse_if_blocked(user: User) -> None:
    """403 for an unverified account when IDENTITY_UNVERIFIED_ACCOUNTS=block."""
    if not user.email_verified and flow_settings().unverified_accounts == "block":
        raise EmailNotVerified("Confirm your email address before signing in.")


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
        _set_password(session, user, password)
        security_log.record(session, user.id, "PASSWORD_CHANGED", actor_id=user.id)
    if display_name is not None:
        user.display_name = display_name
    session.flush()
    return user


def set_email_and_password(
    session: Session, actor: Actor, *, email: str | None = None, password: str | None = None
) -> User:
    """The Conduit contract's account update: the token holder may set a new email (unique,
    unverified until confirmed) or password without the current one; a new password still ends
    every other login."""
    user = get_user(session, actor)
    if email is not None and email_key(email) != user.email_key:
        key = email_key(email)
        if session.scalar(select(User.id).where(User.email_key == key)) is not None:
            raise EmailTaken("An account with this email already exists.")
        user.email, user.email_key = email.strip(), key
        _forget_mailbox(session, user)
    if password is not None:
        _set_password(session, user, password)
        security_log.record(session, user.id, "PASSWORD_CHANGED", actor_id=user.id, via="conduit")
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise EmailTaken("An account with this email already exists.") from exc
    return user


def _forget_mailbox(session: Session, user: User) -> None:
    """A new email is not verified yet, and the codes mailed to the old one stop working."""
    user.email_verified = False
    session.execute(
        update(AccountToken)
        .where(AccountToken.user_id == user.id, AccountToken.used_at.is_(None))
        .values(used_at=utcnow())
    )


def _set_password(session: Session, user: User, password: str) -> None:
    user.password_hash = hash_password(password)
    user.credentials_changed_at = utcnow()
    end_every_login(session, user_id=user.id)


def list_users(
    session: Session, actor: Actor, *, email: str | None, limit: int, cursor: str | None
) -> Page[User]:
    """Every account, oldest first (admin only; the spec's x-roles enforces it)."""
    query = select(User)
    if email:
        query = query.where(User.email_key.contains(email.lower(), autoescape=True))
    return paginate_by_creation(
        session, query, kind="users", limit=limit, cursor=cursor, newest_first=False
    )


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
        _set_password(session, user, password)
    session.flush()
    return user, False


def find_admin(session: Session) -> User | None:
    """Any enabled admin account (the dev setup only needs to know whether one exists)."""
    return session.scalars(
        select(User).where(User.role == "ADMIN", User.is_disabled.is_(False)).limit(1)
    ).first()
