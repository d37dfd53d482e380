"""Notifications: what other domains told a user (one row per user and event), the user's
choice of which kinds to receive, and one row per user that serialises the user's notifications
so their ids reach the stream in commit order."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, ForeignKey, Index, Integer, String, text
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base


class NotificationsInbox(Base):
    """Locked (FOR UPDATE) by every `notify` for its user until that transaction ends, so a
    user's notifications commit in id order: a stream that has sent id N never misses a lower
    id committed later."""

    __tablename__ = "notifications_inboxes"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), primary_key=True
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class NotificationsItem(Base):
    __tablename__ = "notifications_items"
    # AUTOINCREMENT on SQLite: a deleted notification's id is never handed out again (it is the
    # stream's event id, which clients hold as Last-Event-ID).
    __table_args__ = (
        Index("ix_notifications_items_user", "user_id", "id"),
        Index(
            "ix_notifications_items_unread",
            "user_id",
            "id",
            postgresql_where=text("read_at IS NULL"),
            sqlite_where=text("read_at IS NULL"),
        ),
        {"sqlite_autoincrement": True},
    )

    # BIGINT on PostgreSQL; SQLite's AUTOINCREMENT needs its INTEGER rowid (64-bit anyway).
    id: Mapped[int] = mapped_column(
        BigInteger().with_variant(Integer(), "sqlite"), primary_key=True, autoincrement=True
    )
    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    kind: Mapped[str] = mapped_column(String(64))
    subject: Mapped[str] = mapped_column(String(200))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    read_at: Mapped[datetime | None]


class NotificationsSubscription(Base):
    """A user's explicit choice for one kind; kinds without a row follow the kind's default."""

    __tablename__ = "notifications_subscriptions"

    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), primary_key=True
    )
    kind: Mapped[str] = mapped_column(String(64), primary_key=True)
    enabled: Mapped[bool]
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
