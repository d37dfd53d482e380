"""The security log: what happened to an account's credentials, kept in the audit trail
(services.audit) with the account as target, so the account reads its own and admins read any.

    SIGNED_UP, LOGGED_IN (client address, user agent), LOGIN_FAILED, PASSWORD_CHANGED,
    PASSWORD_RESET, EMAIL_VERIFIED, OAUTH_LINKED, OAUTH_UNLINKED, SESSION_REVOKED,
    INVITED; and the admin changes services.admin records (ROLE_CHANGED, USER_DISABLED, ...)

Failed logins are rolled up: one LOGIN_FAILED row per account per window
(IDENTITY_LOGIN_FAILED_WINDOW_SECONDS) counts the attempts, when the first and last came and
from which addresses (the first few), so a password-guessing attack grows a counter, not the
table. The row is updated under its row lock, so concurrent failures all count.
"""

from __future__ import annotations

import uuid
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.db import utcnow
from core.pagination import Page
from db.models.core import AuditEvent
from services import audit
from services.identity.account_settings import flow_settings

TARGET = "user"
#: Distinct client addresses a rolled-up LOGIN_FAILED row keeps.
MAX_FAILED_ADDRESSES = 5


def record(
    session: Session,
    user_id: uuid.UUID,
    action: str,
    *,
    actor_id: uuid.UUID | None,
    **details: Any,
) -> None:
    """Adds an event about the account `user_id`, done by `actor_id` (None: unknown)."""
    audit.record(
        session,
        actor_id=actor_id,
        action=action,
        target_type=TARGET,
        target_id=user_id,
        **details,
    )


def logged_in(
    session: Session, user_id: uuid.UUID, *, client_address: str, user_agent: str | None, via: str
) -> None:
    record(
        session,
        user_id,
        "LOGGED_IN",
        actor_id=user_id,
        via=via,
        client_address=client_address[:64],
        user_agent=(user_agent or "")[:200] or None,
    )


def login_failed(session: Session, user_id: uuid.UUID, *, client_address: str) -> None:
    """Counts a failed login in the account's open LOGIN_FAILED row, or opens one."""
    now = utcnow()
    since = now - timedelta(seconds=flow_settings().login_failed_window_seconds)
    row = session.scalars(
        select(AuditEvent)
        .where(
            AuditEvent.target_id == str(user_id),
            AuditEvent.action == "LOGIN_FAILED",
            AuditEvent.created_at > since,
        )
        .order_by(AuditEvent.created_at.desc())
        .limit(1)
        .with_for_update()
    ).first()
    address = client_address[:64]
    if row is None:
        record(
            session,
            user_id,
            "LOGIN_FAILED",
            actor_id=None,  # whoever tried: not known to be the account's owner
            count=1,
            last_at=now.isoformat(),
            client_addresses=[address],
        )
        session.flush()
        return
    details = dict(row.details)
    addresses = list(details.get("client_addresses", []))
    if address not in addresses and len(addresses) < MAX_FAILED_ADDRESSES:
        addresses.append(address)
    row.details = {
        **details,
        "count": int(details.get("count", 0)) + 1,
        "last_at": now.isoformat(),
        "client_addresses": addresses,
    }


def list_security_events(
    session: Session, user_id: uuid.UUID, *, limit: int = 20, cursor: str | None = None
) -> Page[AuditEvent]:
    """Every event about the account, newest first."""
    return audit.list_events(
        session, target_type=TARGET, target_id=str(user_id), limit=limit, cursor=cursor
    )
