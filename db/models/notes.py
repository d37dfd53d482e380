"""Notes: a personal wiki of Markdown pages with revisions, tags and slugs that survive renames."""

from __future__ import annotations

import uuid
from datetime import datetime

from sqlalchemy import ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.db import utcnow
from db.base import Base, TagRow, Timestamped, cascading_key, new_id, tag_list


class NotePage(Timestamped, Base):
    __tablename__ = "notes_pages"
    __table_args__ = (
        UniqueConstraint("owner_id", "slug"),
        Index("ix_notes_pages_owner_updated", "owner_id", "updated_at", "id"),
    )

    id: Mapped[uuid.UUID] = mapped_column(primary_key=True, default=new_id)
    owner_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("identity_users.id", ondelete="CASCADE"))
    title: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(100))
    body: Mapped[str] = mapped_column(Text, default="")
    html: Mapped[str] = mapped_column(Text, default="")
    archived_at: Mapped[datetime | None]
    revision: Mapped[int] = mapped_column(default=0)
    version: Mapped[int] = mapped_column(default=1)

    tags: Mapped[list[NoteTag]] = tag_list("NoteTag")


class NoteTag(TagRow, Base):
    __tablename__ = "notes_page_tags"
    parent_key = "page_id"

    page_id: Mapped[uuid.UUID] = cascading_key("notes_pages.id")


class NoteSlug(Base):
    """A former slug of a page (renamed), kept so old links redirect."""

    __tablename__ = "notes_slugs"

    owner_id: Mapped[uuid.UUID] = cascading_key("identity_users.id")
    slug: Mapped[str] = mapped_column(String(100), primary_key=True)
    page_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("notes_pages.id", ondelete="CASCADE"))


class NoteRevision(Base):
    __tablename__ = "notes_revisions"

    page_id: Mapped[uuid.UUID] = cascading_key("notes_pages.id")
    number: Mapped[int] = mapped_column(primary_key=True)
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    author_id: Mapped[uuid.UUID] = mapped_column(
        ForeignKey("identity_users.id", ondelete="CASCADE")
    )
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
