"""Admin: find and read accounts, invite users, change roles, disable and enable accounts.
Every change is audited.

A disabled account stops working at once: its refresh tokens are revoked here, login and refresh
refuse it, and every authenticated request checks the account (services.identity.authentication;
with Redis from a cache that the change invalidates after commit, services.identity.account_cache),
so an access token issued before the change is refused on its next use, and a new role applies
on the next request. An admin cannot demote or disable their own account, so the last admin can
never lock everyone out.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core.db import utcnow
from core.errors import RuleViolated
from core.pagination import Page, paginate_by_creation
from core.security import Actor
from db.models.identity import User
from services import audit, identity
from services.audit import AuditEvent


class SelfLockout(RuleViolated, type="/problems/admin/self-lockout"): ...


def search_users(
    session: Session,
    *,
    q: str | None = None,
    role: str | None = None,
    disabled: bool | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[User]:
    """Accounts oldest first; `q` is a case-insensitive substring of the email or display name."""
    query = select(User)
    if q:
        needle = q.lower()
        query = query.where(
            or_(
                User.email_key.contains(needle, autoescape=True),
                func.lower(User.display_name).contains(needle, autoescape=True),
            )
        )
    if role:
        query = query.where(User.role == role)
    if disabled is not None:
        query = query.where(User.is_disabled.is_(disabled))
    return paginate_by_creation(
        session, query, kind="admin-users", limit=limit, cursor=cursor, newest_first=False
    )


def update_account(
    session: Session, actor: Actor, *, user_id: uuid.UUID, changes: dict[str, Any]
) -> User:
    """Changes role and/or disabled state under the row lock, auditing each change."""
    user = session.scalars(select(User).where(User.id == user_id).with_for_update()).first()
    if user is None:
        raise identity.UserNotFound("No such account.")
    if user.id == actor.user_id and (
        changes.get("role", user.role) != user.role or changes.get("disabled") is True
    ):
        raise SelfLockout("Admins cannot demote or disable their own account.")
    if "role" in changes and changes["role"] != user.role:
        audit.record(
            session,
            actor_id=actor.user_id,
            action="ROLE_CHANGED",
            target_type="user",
            target_id=user.id,
            before=user.role,
            after=changes["role"],
        )
        user.role = changes["role"]
    if "disabled" in changes and changes["disabled"] != user.is_disabled:
        user.is_disabled = changes["disabled"]
        action = "USER_DISABLED" if user.is_disabled else "USER_ENABLED"
        audit.record(
            session, actor_id=actor.user_id, action=action, target_type="user", target_id=user.id
        )
        if user.is_disabled:
            identity.end_every_login(session, user_id=user.id)
    user.updated_at = utcnow()
    session.flush()
    return user


def get_account(session: Session, *, user_id: uuid.UUID) -> User:
    """One account, enabled or not."""
    user = session.get(User, user_id)
    if user is None:
        raise identity.UserNotFound("No such account.")
    return user


def account_security_events(
    session: Session, *, user_id: uuid.UUID, limit: int = 20, cursor: str | None = None
) -> Page[AuditEvent]:
    """An account's security log, newest first (404 for an unknown account)."""
    user = get_account(session, user_id=user_id)
    return identity.list_security_events(session, user.id, limit=limit, cursor=cursor)


def invite_account(
    session: Session, actor: Actor, *, email: str, display_name: str, role: str = "USER"
) -> User:
    """Creates an account without a password (the email unused) and mails its owner the
    invitation with which they set one."""
    user = identity.create_user(
        session, email=email, password=None, display_name=display_name, role=role
    )
    identity.invite(session, user)
    identity.record_security_event(session, user.id, "INVITED", actor_id=actor.user_id, role=role)
    return user
