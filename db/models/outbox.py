"""Outbox: email messages stored in the sender's transaction and delivered by a worker.

The row is the truth about a message: its status (PENDING -> SENDING -> SENT, or FAILED and
retried, or DEAD), how many attempts were started, the last error and when the next attempt is
due. A worker owns a SENDING row until `lease_expires_at`; after that the sweep may hand it to
another worker.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, new_id


class OutboxMessage(Timestamped, Base):
    __tablename__ = "outbox_messages"
    __table_args__ = (
        Index("ix_outbox_messages_owner_created", "owner_id", "created_at", "id"),
        Index("ix_outbox_messages_status_due", "status", "next_attempt_at"),
        Index("ix_outbox_messages_status_created", "status", "created_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    #: Who asked for the message through the API; null for messages other domains enqueue.
    owner_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE")
    )
    #: A caller's key for "this message once": a second enqueue with it returns the first row.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    to_address: Mapped[str] = mapped_column(String(254))
    subject: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(8), default="PENDING")
    attempts: Mapped[int] = mapped_column(default=0)
    last_error: Mapped[str | None] = mapped_column(String(300))
    next_attempt_at: Mapped[datetime | None]
    lease_expires_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    dead_at: Mapped[datetime | None]
