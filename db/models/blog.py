"""Blog: author profiles, Markdown posts with tags, comments, favorites and follows.

The tables are shared by the main API and the RealWorld Conduit facade, so posts are addressed by
a unique slug, comments carry integer ids, and profiles are keyed by a case-insensitive username.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.db import utcnow
from db.base import Base, TagRow, Timestamped, cascading_key, new_id, tag_list


class BlogProfile(Timestamped, Base):
    """A user's public blog identity, created the first time they write or follow."""

    __tablename__ = "blog_profiles"

    user_id: Mapped[uuid.UUID] = cascading_key("identity_users.id")
    username: Mapped[str] = mapped_column(String(40))
    # Lower-cased username: the uniqueness key, so Jake and jake are one profile.
    username_key: Mapped[str] = mapped_column(String(40), unique=True)
    bio: Mapped[str | None] = mapped_column(Text)
    image: Mapped[str | None] = mapped_column(String(500))
    # Published posts by this author, moved in the transaction that publishes, unpublishes or
    # deletes one (services/blog/counts.py): an author's count and the total are read, not counted.
    posts_count: Mapped[int] = mapped_column(default=0, server_default="0")

    __table_args__ = (CheckConstraint("posts_count >= 0", name="posts_count_not_negative"),)


class BlogPost(Timestamped, Base):
    __tablename__ = "blog_posts"
    __table_args__ = (
        Index("ix_blog_posts_created", "created_at", "id"),
        Index("ix_blog_posts_author_created", "author_id", "created_at", "id"),
        # The published listing's filter and order in one index (newest first, read backwards).
        Index("ix_blog_posts_status_created", "status", "created_at", "id"),
        # Whether a reader has drafts (services/blog/posts.py `has_drafts`), on one probe
        # whatever the number of the reader's published posts.
        Index(
            "ix_blog_posts_author_drafts",
            "author_id",
            postgresql_where=text("status = 'DRAFT'"),
            sqlite_where=text("status = 'DRAFT'"),
        ),
        CheckConstraint("favorites_count >= 0", name="favorites_count_not_negative"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    # Assigned once from the title; never changes, so links stay valid.
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("blog_profiles.user_id", ondelete="CASCADE")
    )
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(String(500), default="")
    body: Mapped[str] = mapped_column(Text, default="")
    html: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(10), default="DRAFT")
    published_at: Mapped[datetime | None]
    # Kept by atomic increments beside the unique (post, user) favorite rows.
    favorites_count: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)

    author: Mapped[BlogProfile] = relationship(lazy="joined", innerjoin=True)
    tags: Mapped[list[BlogPostTag]] = tag_list("BlogPostTag")


class BlogPostTag(TagRow, Base):
    __tablename__ = "blog_post_tags"
    parent_key = "post_id"

    post_id: Mapped[uuid.UUID] = cascading_key("blog_posts.id")


class BlogTag(Base):
    """A tag's popularity: how many published posts carry it, moved in the transaction that
    changes a post's tags or publication (services/blog/counts.py), so the tag list reads the most
    used tags from an index instead of counting every post's tags."""

    __tablename__ = "blog_tags"
    # The tag list's order (most used first, ties by name) is an index on PostgreSQL,
    # `pgix_blog_tags_popular` (its migration: a mixed-direction index SQLite cannot reflect back).
    # No CHECK on the count: one upsert carries increments and decrements together (counts.py),
    # and PostgreSQL checks a proposed row before it finds the conflict that makes it an update.

    tag: Mapped[str] = mapped_column(String(50), primary_key=True)
    posts_count: Mapped[int] = mapped_column(default=0)


class BlogComment(Timestamped, Base):
    __tablename__ = "blog_comments"
    # AUTOINCREMENT on SQLite: a deleted comment's id is never handed out again (a client may still
    # hold it); PostgreSQL's sequence never reuses ids anyway.
    __table_args__ = (
        Index("ix_blog_comments_thread", "post_id", "created_at", "id"),
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    post_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("blog_posts.id", ondelete="CASCADE"))
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("blog_profiles.user_id", ondelete="CASCADE")
    )
    body: Mapped[str] = mapped_column(Text)

    author: Mapped[BlogProfile] = relationship(lazy="joined", innerjoin=True)


class BlogFavorite(Base):
    """The primary key makes a second favorite of the same post by the same user a no-op."""

    __tablename__ = "blog_favorites"
    __table_args__ = (Index("ix_blog_favorites_user", "user_id", "post_id"),)

    post_id: Mapped[uuid.UUID] = cascading_key("blog_posts.id")
    user_id: Mapped[uuid.UUID] = cascading_key("blog_profiles.user_id")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class BlogFollow(Base):
    __tablename__ = "blog_follows"
    __table_args__ = (
        Index("ix_blog_follows_followee", "followee_id", "follower_id"),
        CheckConstraint("follower_id <> followee_id", name="not_self"),
    )

    follower_id: Mapped[uuid.UUID] = cascading_key("blog_profiles.user_id")
    followee_id: Mapped[uuid.UUID] = cascading_key("blog_profiles.user_id")
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
