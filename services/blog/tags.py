"""Tags in use: the tags of published posts with how many posts carry each, read from the counts
kept beside the rows (services/blog/counts.py), most used first from an index."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, or_, select
from sqlalchemy.orm import Session

from core.pagination import Page, decode_cursor, encode_cursor
from db.models.blog import BlogTag


@dataclass(frozen=True)
class TagCount:
    tag: str
    count: int


def list_tags(session: Session, *, limit: int = 20, cursor: str | None = None) -> Page[TagCount]:
    """Tags of published posts with their counts, most used first, ties by name."""
    count = BlogTag.posts_count
    query = select(BlogTag.tag, count).where(count > 0)
    if cursor:
        last_count, last_tag = decode_cursor(cursor, "blog-tags", (int, str))
        query = query.where(
            or_(count < last_count, and_(count == last_count, BlogTag.tag > last_tag))
        )
    rows = session.execute(query.order_by(count.desc(), BlogTag.tag).limit(limit + 1)).all()
    items = [TagCount(tag, number) for tag, number in rows[:limit]]
    more = len(rows) > limit
    return Page(
        items, encode_cursor("blog-tags", (items[-1].count, items[-1].tag)) if more else None
    )
