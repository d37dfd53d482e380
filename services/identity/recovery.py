"""Mailed account flows: password reset, email verification, and the invitation an admin sends.

Each flow mails a one-use token (`AccountToken`: only its SHA-256 is stored) and a later request
spends it. Requests name an email address and always get the same answer, whether or not an
account has it, so the answer never tells who has an account; the message itself goes out after
the commit from core.mail's pool, so the answer's timing does not tell it either. Requests are
limited per client address (429) and per email address (past the limit nothing is sent, the
answer is the same). A new token of a purpose replaces the unspent ones of that account.

    sign_up                 creates an account and mails its first VERIFY token
    request_password_reset  mails a RESET token (valid IDENTITY_RESET_TOKEN_TTL_SECONDS)
    reset_password          spends it: the new password, every login ended, the email verified
    request_verification    mails a VERIFY token to an unverified account
    verify_email            spends it: the email is verified
    oauth_linked / oauth_unlinked
                            what services.oauth reports, for the security log
    invite                  mails a RESET token valid IDENTITY_INVITATION_TTL_SECONDS to an
                            account an admin created without a password
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from core import mail, ratelimit
from core.db import utcnow
from core.errors import RuleViolated, TooManyRequests
from core.settings import get_settings
from db.models.identity import AccountToken, User
from services.identity import security_log
from services.identity.account_settings import flow_settings
from services.identity.accounts import _set_password, create_user, email_key

RESET, VERIFY = "RESET", "VERIFY"
_PREFIX = {RESET: "pr_", VERIFY: "ev_"}


class InvalidResetToken(RuleViolated, type="/problems/identity/invalid-reset-token"): ...


class InvalidVerificationToken(
    RuleViolated, type="/problems/identity/invalid-verification-token"
): ...


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _throttle(*, email: str, client_address: str) -> bool:
    """429 past the per-address limit; False (send nothing) past the per-email one."""
    settings = flow_settings()
    window = ratelimit.consume(settings.mail_limit_per_address, "identity-mail", client_address)
    if not window.allowed:
        raise TooManyRequests(
            "Too many reset or verification requests; retry later.",
            retry_after=window.reset_after,
        )
    return ratelimit.hit(settings.mail_limit_per_account, "identity-mail-email", email_key(email))


def _issue(session: Session, user: User, purpose: str, ttl_seconds: int) -> str:
    """A new token of `purpose` for `user`; its earlier unspent ones stop working."""
    now = utcnow()
    _spend_all(session, user, purpose)
    token = _PREFIX[purpose] + secrets.token_urlsafe(32)
    session.add(
        AccountToken(
            user_id=user.id,
            purpose=purpose,
            token_hash=_hash(token),
            created_at=now,
            expires_at=now + timedelta(seconds=ttl_seconds),
        )
    )
    session.flush()
    return token


def _spend_all(session: Session, user: User, purpose: str) -> None:
    session.execute(
        update(AccountToken)
        .where(
            AccountToken.user_id == user.id,
            AccountToken.purpose == purpose,
            AccountToken.used_at.is_(None),
        )
        .values(used_at=utcnow())
    )


def _spend(session: Session, token: str, purpose: str) -> User | None:
    """The enabled account a live token of `purpose` belongs to, the token spent; else None."""
    row = session.scalars(
        select(AccountToken)
        .where(AccountToken.token_hash == _hash(token), AccountToken.purpose == purpose)
        .with_for_update()
    ).first()
    if row is None or row.used_at is not None or row.expires_at <= utcnow():
        return None
    user = session.get(User, row.user_id)
    if user is None or user.is_disabled:
        return None
    row.used_at = utcnow()
    return user


def _link(token: str) -> str:
    base = flow_settings().link_base_url
    return f"Link: {base}#token={token}\n" if base else ""


def _mail(session: Session, user: User, *, kind: str, subject: str, text: str) -> None:
    mail.send_after_commit(
        session, mail.Message(to=user.email, subject=subject, body=text, kind=kind)
    )


def _minutes(seconds: int) -> str:
    return f"{seconds // 3600} hours" if seconds >= 7200 else f"{seconds // 60} minutes"


def _send_reset(session: Session, user: User, *, ttl_seconds: int, invited: bool) -> None:
    token = _issue(session, user, RESET, ttl_seconds)
    if invited:
        subject, opening = (
            "You are invited to Trellis",
            "An administrator created a Trellis account for this address. To start using it, "
            "choose a password",
        )
    else:
        subject, opening = (
            "Reset your Trellis password",
            "Someone asked to reset the password of the Trellis account for this address. "
            "If it was you, choose a new one",
        )
    text = (
        f"{opening} with this code (POST /identity/password-reset-confirmations):\n\n"
        f"Code: {token}\n{_link(token)}\n"
        f"The code works once, within {_minutes(ttl_seconds)}. If you did not ask for it, "
        "ignore this message: nothing changes.\n"
    )
    _mail(
        session,
        user,
        kind="invitation" if invited else "password-reset",
        subject=subject,
        text=text,
    )


def _account_for(session: Session, email: str) -> User | None:
    user = session.scalars(select(User).where(User.email_key == email_key(email))).first()
    return None if user is None or user.is_disabled else user


def request_password_reset(session: Session, *, email: str, client_address: str) -> None:
    """Mails a reset token if an enabled account has this email; answers alike either way."""
    if not _throttle(email=email, client_address=client_address):
        return
    user = _account_for(session, email)
    if user is not None:
        _send_reset(
            session, user, ttl_seconds=flow_settings().reset_token_ttl_seconds, invited=False
        )


def invite(session: Session, user: User) -> None:
    """Mails an admin-created account the token with which it sets its first password."""
    _send_reset(session, user, ttl_seconds=flow_settings().invitation_ttl_seconds, invited=True)


def reset_password(session: Session, *, token: str, password: str) -> User:
    """Spends a reset token: sets the password, ends every login, and marks the email verified
    (the token was read from that mailbox)."""
    user = _spend(session, token, RESET)
    if user is None:
        raise InvalidResetToken("This reset code is unknown, expired or already used.")
    _spend_all(session, user, RESET)
    _set_password(session, user, password)
    security_log.record(session, user.id, "PASSWORD_RESET", actor_id=user.id)
    _mark_verified(session, user)
    session.flush()
    return user


def send_verification(session: Session, user: User) -> None:
    """Mails `user` a token proving the email (sign-up, or a request to send it again)."""
    ttl = flow_settings().verification_token_ttl_seconds
    token = _issue(session, user, VERIFY, ttl)
    text = (
        "Confirm that this address belongs to your Trellis account with this code "
        "(POST /identity/email-verification-confirmations):\n\n"
        f"Code: {token}\n{_link(token)}\n"
        f"The code works once, within {_minutes(ttl)}. If you did not sign up, ignore this "
        "message.\n"
    )
    _mail(session, user, kind="email-verification", subject="Confirm your email", text=text)


def request_verification(session: Session, *, email: str, client_address: str) -> None:
    """Mails a new verification token if an enabled, unverified account has this email;
    answers alike either way."""
    if not _throttle(email=email, client_address=client_address):
        return
    user = _account_for(session, email)
    if user is not None and not user.email_verified:
        send_verification(session, user)


def verify_email(session: Session, *, token: str) -> User:
    """Spends a verification token: the account's email is verified."""
    user = _spend(session, token, VERIFY)
    if user is None:
        raise InvalidVerificationToken(
            "This verification code is unknown, expired or already used."
        )
    _mark_verified(session, user)
    session.flush()
    return user


def sign_up(
    session: Session, *, email: str, password: str, display_name: str, client_address: str
) -> User:
    """Creates a USER account (the email unused) and mails it a verification token. Sign-ups are
    limited per client address, counted before the password is hashed (refused ones too: a taken
    email is as good a probe as a new one)."""
    ratelimit.reserve(
        get_settings().signup_limit_per_address,
        "signup-address",
        client_address,
        detail="Too many sign-ups from this address; retry later.",
    )
    user = create_user(session, email=email, password=password, display_name=display_name)
    security_log.record(session, user.id, "SIGNED_UP", actor_id=user.id)
    send_verification(session, user)
    return user


def _mark_verified(session: Session, user: User, **details: str) -> None:
    if not user.email_verified:
        user.email_verified = True
        security_log.record(session, user.id, "EMAIL_VERIFIED", actor_id=user.id, **details)


def oauth_linked(session: Session, user: User, *, issuer: str) -> None:
    """A provider identity was linked to `user` (whose verified email it shares): the link is
    logged, and the email counts as verified."""
    security_log.record(session, user.id, "OAUTH_LINKED", actor_id=user.id, issuer=issuer)
    _mark_verified(session, user, via="oauth")


def oauth_unlinked(session: Session, user: User, *, issuer: str) -> None:
    """A provider identity was unlinked from `user`: the unlinking is logged."""
    security_log.record(session, user.id, "OAUTH_UNLINKED", actor_id=user.id, issuer=issuer)
