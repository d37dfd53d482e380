from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.security import current_actor
from core.wire import page_json
from handlers import _wire as wire
from services import admin, audit, identity


def _account_json(user: identity.User) -> dict[str, Any]:
    return {**wire.user_json(user), "disabled": user.is_disabled}


def search_accounts(
    q: str | None = None,
    role: str | None = None,
    disabled: bool | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = admin.search_users(
            session, q=q, role=role, disabled=disabled, limit=limit, cursor=cursor
        )
        return page_json(page, _account_json)


def update_account(user_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        user = admin.update_account(
            session, current_actor(), user_id=uuid.UUID(user_id), changes=body
        )
        return _account_json(user)


def list_audit_events(
    action: str | None = None,
    target_id: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = audit.list_events(
            session, action=action, target_id=target_id, limit=limit, cursor=cursor
        )
        return page_json(page, wire.audit_event_json)


def list_account_security_events(
    user_id: str, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = admin.account_security_events(
            session, user_id=uuid.UUID(user_id), limit=limit, cursor=cursor
        )
        return page_json(page, wire.audit_event_json)


def get_account(user_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        return _account_json(admin.get_account(session, user_id=uuid.UUID(user_id)))


def invite_account(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    with transaction(write=True) as session:
        return _account_json(admin.invite_account(session, current_actor(), **body)), 201
