"""Previews: the page cache (one row per URL, shared by every user: a page's preview is the same
whoever asks) and each user's lookups (their history, theirs alone)."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Base, Timestamped, new_id


class PreviewsPage(Base):
    """What a URL's page said when last fetched; refetched once `expires_at` has passed."""

    __tablename__ = "previews_pages"

    #: SHA-256 of the normalised URL (a URL can be longer than an index entry should be).
    url_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    url: Mapped[str] = mapped_column(Text)
    final_url: Mapped[str] = mapped_column(Text)
    content_type: Mapped[str] = mapped_column(String(100))
    title: Mapped[str | None] = mapped_column(Text)
    description: Mapped[str | None] = mapped_column(Text)
    image: Mapped[str | None] = mapped_column(Text)
    site_name: Mapped[str | None] = mapped_column(Text)
    canonical_url: Mapped[str | None] = mapped_column(Text)
    favicon: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str | None] = mapped_column(String(100))
    fetched_at: Mapped[datetime]
    expires_at: Mapped[datetime]


class PreviewsLookup(Timestamped, Base):
    """One user asking for one URL's preview."""

    __tablename__ = "previews_lookups"
    __table_args__ = (
        Index("ix_previews_lookups_owner_created", "owner_id", "created_at", "id"),
        Index("ix_previews_lookups_owner_host", "owner_id", "host"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    url: Mapped[str] = mapped_column(Text)
    #: The URL's host, lower case: the `site` filter of the list.
    host: Mapped[str] = mapped_column(String(255))
    url_hash: Mapped[str] = mapped_column(
        ForeignKey("previews_pages.url_hash", ondelete="CASCADE"), index=True
    )
    #: Whether this lookup was answered from the cache.
    from_cache: Mapped[bool] = mapped_column(default=False)
    page: Mapped[PreviewsPage] = relationship(lazy="joined", innerjoin=True)
