"""Chat: rooms (groups and two-person direct rooms), their members and their messages.

A message's id counts up from 1 in its room (`ChatRoom.last_message_id` is bumped under the room's
row lock), so a room's messages commit in id order and a socket can tell a gap from a duplicate."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base, Timestamped, cascading_key, new_id


class ChatRoom(Timestamped, Base):
    __tablename__ = "chat_rooms"

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    #: GROUP or DIRECT.
    kind: Mapped[str] = mapped_column(String(10), default="GROUP")
    #: A direct room's two user ids, sorted and joined: unique, so asking twice gives one room.
    direct_key: Mapped[str | None] = mapped_column(String(80), unique=True)
    #: Whether members' read and delivered marks are broadcast as receipts.
    receipts: Mapped[bool] = mapped_column(default=True)
    #: The id of the room's newest message (0: none yet).
    last_message_id: Mapped[int] = mapped_column(BigInteger, default=0)
    version: Mapped[int] = mapped_column(default=1)


class ChatMember(Base):
    __tablename__ = "chat_members"
    __table_args__ = (Index("ix_chat_members_user", "user_id"),)

    room_id: Mapped[uuid.UUID] = cascading_key("chat_rooms.id")
    user_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), primary_key=True
    )
    #: The newest message id this member has read.
    last_read_id: Mapped[int] = mapped_column(BigInteger, default=0)
    #: The newest message id this member's device acknowledged (a delivery receipt; never below
    #: last_read_id, since reading implies delivered).
    delivered_id: Mapped[int] = mapped_column(BigInteger, default=0, server_default="0")
    #: When this member last opened or closed a socket on the room.
    last_seen_at: Mapped[datetime | None]
    joined_at: Mapped[datetime] = mapped_column(default=utcnow)


class ChatMessage(Base):
    __tablename__ = "chat_messages"

    room_id: Mapped[uuid.UUID] = cascading_key("chat_rooms.id")
    id: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE"), index=True
    )
    body: Mapped[str] = mapped_column(String(4000))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
