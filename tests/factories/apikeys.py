from __future__ import annotations

from datetime import datetime

from core.db import transaction
from core.security import Actor
from db.models.identity import User
from services import apikeys


def make_api_key(
    user: User,
    *,
    scope: str = "READ_WRITE",
    name: str = "test key",
    expires_at: datetime | None = None,
    rate_limit_per_minute: int | None = None,
) -> apikeys.CreatedKey:
    with transaction(write=True) as session:
        return apikeys.create_key(
            session,
            Actor(user_id=user.id, role=user.role),
            name=name,
            scope=scope,
            expires_at=expires_at,
            rate_limit_per_minute=rate_limit_per_minute,
        )


def key_headers(created: apikeys.CreatedKey) -> dict[str, str]:
    return {"X-API-Key": created.secret}
