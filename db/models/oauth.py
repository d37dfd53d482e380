"""OAuth login: pending authorization requests, the one-time codes a front end exchanges, and
provider identities linked to accounts."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base, new_id


class AuthorizationRequest(Base):
    """One `authorize` redirect, consumed by its callback (single use, 10 minutes)."""

    __tablename__ = "oauth_requests"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    # SHA-256 of the state sent to the provider.
    state_hash: Mapped[str] = mapped_column(String(64), unique=True)
    nonce: Mapped[str] = mapped_column(String(64))
    code_verifier: Mapped[str] = mapped_column(String(128))
    result: Mapped[str] = mapped_column(String(20))
    # SHA-256 of the value of the browser-binding cookie set with the redirect (None: a request
    # stored before the binding existed, which no browser can finish).
    browser_hash: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    used_at: Mapped[datetime | None]


class LoginCode(Base):
    """A finished login handed to the front end: exchanged once, within a minute, by the browser
    that started it."""

    __tablename__ = "oauth_login_codes"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    # SHA-256 of the code in the redirect's fragment.
    code_hash: Mapped[str] = mapped_column(String(64), unique=True)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), index=True
    )
    result: Mapped[str] = mapped_column(String(20))
    browser_hash: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(index=True)
    used_at: Mapped[datetime | None]


class LinkedIdentity(Base):
    """A provider account (issuer + subject) that logs in as one local account."""

    __tablename__ = "oauth_identities"
    __table_args__ = (
        UniqueConstraint("issuer", "subject"),
        Index("ix_oauth_identities_user_created", "user_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    issuer: Mapped[str] = mapped_column(String(255))
    subject: Mapped[str] = mapped_column(String(255))
    email: Mapped[str | None] = mapped_column(String(254))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
