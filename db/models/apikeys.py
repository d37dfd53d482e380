"""API keys: named, scoped, rate-limited credentials stored only as keyed hashes."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base, new_id


class ApiKey(Base):
    __tablename__ = "apikeys_keys"
    __table_args__ = (Index("ix_apikeys_keys_owner_created", "user_id", "created_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    # The public part of the key (`trk_<lookup_id>_<secret>`): finds the row in one index probe.
    lookup_id: Mapped[str] = mapped_column(String(32), unique=True)
    # HMAC-SHA256 of the secret part under API_KEY_PEPPER, hex; the secret itself is never stored.
    secret_hash: Mapped[str] = mapped_column(String(64))
    scope: Mapped[str] = mapped_column(String(20))
    # Requests per minute; None = the API_KEY_RATE_LIMIT_PER_MINUTE default.
    rate_limit_per_minute: Mapped[int | None]
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]
    last_used_at: Mapped[datetime | None]
