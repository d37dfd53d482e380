"""Polls: questions with 2..20 options, the ballots cast on them and each ballot's chosen options.

One ballot per voter and poll is the UNIQUE key (poll_id, voter_key): `u:<user id>` for polls that
need an account, `d:<device id>` for anonymous ones. A ballot's choices carry the poll id, so the
results are one grouped COUNT over the poll's choices.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamped, new_id


class PollsPoll(Timestamped, Base):
    __tablename__ = "polls_polls"
    __table_args__ = (Index("ix_polls_polls_owner_created", "owner_id", "created_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    question: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    opens_at: Mapped[datetime]
    # None: open until the owner closes it.
    closes_at: Mapped[datetime | None]
    multiple_choice: Mapped[bool] = mapped_column(default=False)
    max_choices: Mapped[int] = mapped_column(default=1)
    allow_vote_change: Mapped[bool] = mapped_column(default=False)
    # ALWAYS or AFTER_CLOSE (the owner always sees them).
    results_visibility: Mapped[str] = mapped_column(String(20), default="ALWAYS")
    anonymous: Mapped[bool] = mapped_column(default=False)
    # Bumped on every write of the poll itself; the ETag is derived from it.
    version: Mapped[int] = mapped_column(default=1)
    # Bumped under the poll's row lock by every committed ballot change: the order of the
    # realtime "votes changed" messages (polls:<poll id>).
    votes_version: Mapped[int] = mapped_column(default=0)

    options: Mapped[list[PollsOption]] = relationship(
        order_by="PollsOption.position",
        cascade="all, delete-orphan",
        lazy="selectin",
        passive_deletes=True,
    )


class PollsOption(Base):
    __tablename__ = "polls_options"
    __table_args__ = (UniqueConstraint("poll_id", "position"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    poll_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("polls_polls.id", ondelete="CASCADE"))
    position: Mapped[int]
    text: Mapped[str] = mapped_column(String(200))


class PollsBallot(Timestamped, Base):
    __tablename__ = "polls_ballots"
    # The one-ballot-per-voter rule: the database decides, never a read-then-write check.
    __table_args__ = (UniqueConstraint("poll_id", "voter_key"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    poll_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("polls_polls.id", ondelete="CASCADE"))
    voter_key: Mapped[str] = mapped_column(String(80))


class PollsChoice(Base):
    __tablename__ = "polls_choices"
    __table_args__ = (Index("ix_polls_choices_poll_option", "poll_id", "option_id"),)

    ballot_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("polls_ballots.id", ondelete="CASCADE"), primary_key=True
    )
    option_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("polls_options.id", ondelete="CASCADE"), primary_key=True
    )
    poll_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("polls_polls.id", ondelete="CASCADE"))
