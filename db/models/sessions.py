"""Cookie sessions: server-side rows behind an opaque session id."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base, new_id


class BrowserSession(Base):
    __tablename__ = "sessions_sessions"
    __table_args__ = (Index("ix_sessions_sessions_owner_created", "user_id", "created_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    # SHA-256 of the cookie value: a leaked table does not hand out live sessions.
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    # The role the session was issued under: a different stored role rotates the id.
    role: Mapped[str] = mapped_column(String(20))
    user_agent: Mapped[str | None] = mapped_column(String(200))
    client_address: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    last_seen_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime]
    revoked_at: Mapped[datetime | None]
