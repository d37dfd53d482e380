"""Presence: document rooms, their owner and members (who is in a room now is not stored here:
services/presence/state.py keeps it in Redis or in memory)."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamped, cascading_key, new_id


class PresenceRoom(Timestamped, Base):
    __tablename__ = "presence_rooms"
    __table_args__ = (Index("ix_presence_rooms_owner_created", "owner_id", "created_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    # Bumped on every write; the ETag is derived from it.
    version: Mapped[int] = mapped_column(default=1)

    members: Mapped[list[PresenceMember]] = relationship(
        order_by="PresenceMember.user_id", cascade="all, delete-orphan", lazy="selectin"
    )


class PresenceMember(Base):
    __tablename__ = "presence_room_members"
    __table_args__ = (Index("ix_presence_room_members_user", "user_id"),)

    room_id: Mapped[uuid.UUID] = cascading_key("presence_rooms.id")
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), primary_key=True
    )
