"""Identity: users, their refresh-token families, and the one-use tokens mailed to them."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, String, false
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, new_id


class User(Timestamped, Base):
    __tablename__ = "identity_users"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    email: Mapped[str] = mapped_column(String(254))
    # Lower-cased email: the uniqueness key, so Ann@x.org and ann@x.org are one account.
    email_key: Mapped[str] = mapped_column(String(254), unique=True)
    display_name: Mapped[str] = mapped_column(String(100))
    password_hash: Mapped[str | None] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20), default="USER")
    is_disabled: Mapped[bool] = mapped_column(default=False)
    # Set when the password changes: access tokens issued before it are refused from then on.
    credentials_changed_at: Mapped[datetime | None]
    # Proven by a mailed token (verification, password reset, invitation) or by an OAuth login.
    email_verified: Mapped[bool] = mapped_column(default=False, server_default=false())


class RefreshToken(Base):
    """One issued refresh token; tokens rotated from one login share a family_id."""

    __tablename__ = "identity_refresh_tokens"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), index=True
    )
    family_id: Mapped[uuid.UUID] = mapped_column(index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    rotated_at: Mapped[datetime | None]
    revoked_at: Mapped[datetime | None]


class AccountToken(Base):
    """A one-use token mailed to an account (RESET: set a new password, VERIFY: prove the
    email); only its SHA-256 is stored, and `used_at` marks it spent."""

    __tablename__ = "identity_account_tokens"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), index=True
    )
    purpose: Mapped[str] = mapped_column(String(10))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime]
    expires_at: Mapped[datetime]
    used_at: Mapped[datetime | None]
