"""Tags in use: the tags of published posts with how many posts carry each."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, func, or_, select
from sqlalchemy.orm import Session

from core.pagination import Page, decode_cursor, encode_cursor
from db.models.blog import BlogPost, BlogPostTag
from services.blog.posts import PUBLISHED


@dataclass(frozen=True)
class TagCount:
    tag: str
    count: int


def list_tags(session: Session, *, limit: int = 20, cursor: str | None = None) -> Page[TagCount]:
    """Tags of published posts with their counts, most used first, ties by name."""
    count = func.count(BlogPostTag.post_id)
    query = (
        select(BlogPostTag.tag, count)
        .join(BlogPost, BlogPost.id == BlogPostTag.post_id)
        .where(BlogPost.status == PUBLISHED)
        .group_by(BlogPostTag.tag)
    )
    if cursor:
        last_count, last_tag = decode_cursor(cursor, "blog-tags", (int, str))
        query = query.having(
            or_(count < last_count, and_(count == last_count, BlogPostTag.tag > last_tag))
        )
    rows = session.execute(query.order_by(count.desc(), BlogPostTag.tag).limit(limit + 1)).all()
    items = [TagCount(tag, number) for tag, number in rows[:limit]]
    more = len(rows) > limit
    return Page(
        items, encode_cursor("blog-tags", (items[-1].count, items[-1].tag)) if more else None
    )
