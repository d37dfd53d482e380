from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.http import iso
from core.security import current_actor
from core.timeutil import with_datetimes
from core.wire import page_json
from handlers import _wire as wire
from services import apikeys


def _key_json(key: apikeys.ApiKey) -> dict[str, Any]:
    return {
        "id": str(key.id),
        "owner_id": str(key.user_id),
        "name": key.name,
        "prefix": apikeys.display_prefix(key),
        "scope": key.scope,
        "rate_limit_per_minute": apikeys.effective_rate_limit(key),
        "created_at": iso(key.created_at),
        "last_used_at": iso(key.last_used_at),
        "expires_at": iso(key.expires_at),
        "revoked_at": iso(key.revoked_at),
    }


def list_api_keys(
    owner_id: str | None = None, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = apikeys.list_keys(
            session,
            current_actor(),
            owner_id=uuid.UUID(owner_id) if owner_id else None,
            limit=limit,
            cursor=cursor,
        )
        return page_json(page, _key_json)


def create_api_key(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    with transaction(write=True) as session:
        created = apikeys.create_key(session, current_actor(), **with_datetimes(body, "expires_at"))
        return {**_key_json(created.key), "key": created.secret}, 201


def get_api_key(key_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        return _key_json(apikeys.get_key(session, current_actor(), key_id=uuid.UUID(key_id)))


def update_api_key(key_id: str, body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        key = apikeys.update_key(
            session,
            current_actor(),
            key_id=uuid.UUID(key_id),
            name=body.get("name"),
            revoked=body.get("revoked"),
        )
        return _key_json(key)


def list_api_key_events(key_id: str, limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = apikeys.list_key_events(
            session, current_actor(), key_id=uuid.UUID(key_id), limit=limit, cursor=cursor
        )
        return page_json(page, wire.audit_event_json)
