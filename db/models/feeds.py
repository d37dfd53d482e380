"""Feeds: the feeds themselves (one row per URL, shared by every subscriber and fetched once for
all of them), the entries read from them (stored once however many feeds carry them), which feed
carries which entry, each user's subscriptions, and each user's read marks."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from db.base import Base, Timestamped, cascading_key, new_id


class FeedsFeed(Timestamped, Base):
    """One RSS/Atom feed URL, its conditional-request validators and its polling state."""

    __tablename__ = "feeds_feeds"
    __table_args__ = (Index("ix_feeds_feeds_next_fetch", "next_fetch_at"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    #: SHA-256 of the normalised URL: the feed's identity (a URL can outgrow an index entry).
    url_hash: Mapped[str] = mapped_column(String(64), unique=True)
    url: Mapped[str] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    site_url: Mapped[str | None] = mapped_column(Text)
    etag: Mapped[str | None] = mapped_column(String(500))
    last_modified: Mapped[str | None] = mapped_column(String(100))
    #: The last attempt, whatever its outcome, and the last one that worked.
    last_fetched_at: Mapped[datetime | None]
    last_success_at: Mapped[datetime | None]
    next_fetch_at: Mapped[datetime]
    #: Set while one poller fetches the feed, so the sweep does not queue it twice.
    lease_expires_at: Mapped[datetime | None]
    #: Failures since the last success (the backoff grows with it).
    error_count: Mapped[int] = mapped_column(default=0)
    last_error_type: Mapped[str | None] = mapped_column(String(100))
    last_error: Mapped[str | None] = mapped_column(String(500))
    last_error_at: Mapped[datetime | None]


class FeedsEntry(Base):
    """One item, normalised and sanitised, stored once across every feed that carries it."""

    __tablename__ = "feeds_entries"
    __table_args__ = (Index("ix_feeds_entries_sort", "sort_at", "id"),)

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    #: SHA-256 of the entry's identity (canonical link, global guid, or feed-scoped guid).
    dedupe_key: Mapped[str] = mapped_column(String(64), unique=True)
    guid: Mapped[str | None] = mapped_column(Text)
    link: Mapped[str | None] = mapped_column(Text)
    title: Mapped[str | None] = mapped_column(Text)
    summary: Mapped[str | None] = mapped_column(Text)
    author: Mapped[str | None] = mapped_column(Text)
    published_at: Mapped[datetime | None]
    #: The timeline's order: published_at, but never later than when the entry was first seen.
    sort_at: Mapped[datetime]
    created_at: Mapped[datetime]


class FeedsFeedEntry(Base):
    """Feed `feed_id` carried entry `entry_id`."""

    __tablename__ = "feeds_feed_entries"
    __table_args__ = (Index("ix_feeds_feed_entries_entry", "entry_id", "feed_id"),)

    feed_id: Mapped[uuid.UUID] = cascading_key("feeds_feeds.id")
    entry_id: Mapped[uuid.UUID] = cascading_key("feeds_entries.id")


class FeedsSubscription(Timestamped, Base):
    """A user following a feed."""

    __tablename__ = "feeds_subscriptions"
    __table_args__ = (
        Index("ix_feeds_subscriptions_owner_created", "owner_id", "created_at", "id"),
        Index("uq_feeds_subscriptions_owner_feed", "owner_id", "feed_id", unique=True),
        Index("ix_feeds_subscriptions_feed", "feed_id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    feed_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("feeds_feeds.id", ondelete="CASCADE"))
    #: The user's own name for the feed; the feed's title when null.
    title: Mapped[str | None] = mapped_column(String(200))


class FeedsRead(Base):
    """User `owner_id` has read entry `entry_id` (no row: unread)."""

    __tablename__ = "feeds_reads"

    owner_id: Mapped[uuid.UUID] = cascading_key("identity_users.id")
    entry_id: Mapped[uuid.UUID] = cascading_key("feeds_entries.id")
    read_at: Mapped[datetime]
