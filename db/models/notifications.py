"""Notifications: TODO one line on what the domain stores."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, new_id


class NotificationsItem(Timestamped, Base):
    __tablename__ = "notifications_items"
    __table_args__ = (
        Index("ix_notifications_items_owner_created", "owner_id", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    # Bumped on every write; the ETag is derived from it (optimistic concurrency).
    version: Mapped[int] = mapped_column(default=1)
