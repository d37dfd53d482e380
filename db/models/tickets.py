"""Tickets: a team issue tracker with a workflow, an activity log and comment threads."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base, Timestamped, new_id


class Ticket(Timestamped, Base):
    __tablename__ = "tickets_tickets"
    __table_args__ = (
        Index("ix_tickets_tickets_created", "created_at", "id"),
        Index("ix_tickets_tickets_assignee_state", "assignee_id", "state"),
        Index("ix_tickets_tickets_reporter", "reporter_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    state: Mapped[str] = mapped_column(String(12), default="OPEN")
    priority: Mapped[str] = mapped_column(String(8), default="MEDIUM")
    reporter_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE")
    )
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("identity_users.id", ondelete="SET NULL")
    )
    closed_at: Mapped[datetime | None]
    # Bumped on every write; the ETag is derived from it (optimistic concurrency).
    version: Mapped[int] = mapped_column(default=1)
    # Position of the last activity entry: entries are numbered under the ticket's row lock, so
    # the log has one total order even when entries share a timestamp.
    activity_count: Mapped[int] = mapped_column(default=0)


class TicketActivity(Base):
    __tablename__ = "tickets_activities"
    __table_args__ = (UniqueConstraint("ticket_id", "seq"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    ticket_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tickets_tickets.id", ondelete="CASCADE")
    )
    seq: Mapped[int]
    kind: Mapped[str] = mapped_column(String(16))
    actor_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    from_value: Mapped[str | None] = mapped_column(String(64))
    to_value: Mapped[str | None] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class TicketComment(Base):
    __tablename__ = "tickets_comments"
    __table_args__ = (Index("ix_tickets_comments_thread", "ticket_id", "created_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    ticket_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("tickets_tickets.id", ondelete="CASCADE")
    )
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE")
    )
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
