"""Tags in use: the tags of published posts with how many posts carry each, read from the counts
kept beside the rows (services/blog/counts.py), most used first from an index."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Integer, and_, bindparam, or_, select
from sqlalchemy.orm import Session

from core.compiled import CompiledSelect
from core.pagination import Page, decode_cursor, page_of
from db.models.blog import BlogTag


@dataclass(frozen=True)
class TagCount:
    tag: str
    count: int


def _most_used(after: bool) -> CompiledSelect:
    """Tags in use, most used first, ties by name: `limit` of them, after (`last_count`,
    `last_tag`) when `after`."""
    count = BlogTag.posts_count
    query = select(BlogTag.tag, count).where(count > 0)
    if after:
        last_count = bindparam("last_count", type_=Integer)
        last_tag = bindparam("last_tag", type_=BlogTag.tag.type)
        query = query.where(
            or_(count < last_count, and_(count == last_count, BlogTag.tag > last_tag))
        )
    limit = bindparam("limit", type_=Integer)
    return CompiledSelect(query.order_by(count.desc(), BlogTag.tag).limit(limit))


_FIRST, _AFTER = _most_used(False), _most_used(True)


def list_tags(session: Session, *, limit: int = 20, cursor: str | None = None) -> Page[TagCount]:
    """Tags of published posts with their counts, most used first, ties by name."""
    params: dict[str, object] = {"limit": limit + 1}
    if cursor:
        params["last_count"], params["last_tag"] = decode_cursor(cursor, "blog-tags", (int, str))
    rows = (_AFTER if cursor else _FIRST).rows(session, params)
    items = [TagCount(tag, number) for tag, number in rows]
    return page_of(items, limit, "blog-tags", _position)


def _position(item: TagCount) -> tuple[int, str]:
    return item.count, item.tag
