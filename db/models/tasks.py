"""Tasks: a user's to-do items."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, new_id


class Task(Timestamped, Base):
    __tablename__ = "tasks_tasks"
    __table_args__ = (
        Index("ix_tasks_tasks_owner_created", "owner_id", "created_at", "id"),
        Index("ix_tasks_tasks_owner_due", "owner_id", "due_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    notes: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="OPEN")
    due_at: Mapped[datetime | None]
    completed_at: Mapped[datetime | None]
    # Bumped on every write; the ETag is derived from it (optimistic concurrency).
    version: Mapped[int] = mapped_column(default=1)
