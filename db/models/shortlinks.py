"""Shortlinks: each user's short codes and where they lead, and their clicks counted per day."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import BigInteger, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, new_id


class ShortlinksLink(Timestamped, Base):
    """A short code and its target; `/s/{code}` redirects there while the link is usable."""

    __tablename__ = "shortlinks_links"
    __table_args__ = (Index("ix_shortlinks_links_owner_created", "owner_id", "created_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    #: Case-sensitive, unique across every user: random (base62) or the alias its owner chose.
    code: Mapped[str] = mapped_column(String(64), unique=True)
    custom: Mapped[bool] = mapped_column(default=False)
    target_url: Mapped[str] = mapped_column(String(2048))
    redirect_status: Mapped[int] = mapped_column(default=302)
    enabled: Mapped[bool] = mapped_column(default=True)
    expires_at: Mapped[datetime | None]
    max_visits: Mapped[int | None]
    #: Redirects answered. Exact and written by the redirect itself for links with max_visits;
    #: for the others, added from the click buffers when they flush (services.shortlinks.clicks).
    visits: Mapped[int] = mapped_column(BigInteger, default=0)
    # Bumped on every owner's edit (not by visits); the ETag is derived from it.
    version: Mapped[int] = mapped_column(default=1)


class ShortlinksClick(Base):
    """Clicks of one link on one UTC day, counted along one dimension: `total` (value ''),
    `referrer` (the referring host, or '' when none was sent) or `agent` (a user-agent family)."""

    __tablename__ = "shortlinks_clicks"

    link_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("shortlinks_links.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(primary_key=True)
    dimension: Mapped[str] = mapped_column(String(10), primary_key=True)
    value: Mapped[str] = mapped_column(String(255), primary_key=True)
    clicks: Mapped[int] = mapped_column(BigInteger, default=0)
