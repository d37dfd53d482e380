"""Published-post counts kept beside the rows: per author (`blog_profiles.posts_count`) and per tag
(`blog_tags.posts_count`), moved by atomic increments in the transaction that publishes,
unpublishes, retags or deletes a post. Listing totals and tag popularity are then read from a row
or an index, never counted over every post, and stay exact under concurrent writers: each change
is an increment the database applies to the row as it is at commit order, not a value computed
from a read.

Rows are always touched in one order (the author's profile, then the tags by name, in a single
statement), so two transactions that move the same counts queue instead of deadlocking.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from typing import Any, NamedTuple, cast

from sqlalchemy import Table, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core.compiled import CompiledWrite
from core.db import utcnow
from db.models.blog import BlogPost, BlogPostTag, BlogProfile, BlogTag

PUBLISHED = "PUBLISHED"


_PROFILES = cast(Table, BlogProfile.__table__)
_TAGS = cast(Table, BlogTag.__table__)


class CountedAuthor(NamedTuple):
    """The author's profile as `count_published_post` returns it."""

    user_id: uuid.UUID
    username: str
    bio: str | None
    image: str | None


#: The counts' statements, built once on the tables and run through core.compiled (compiled once
#: per dialect, on the unit of work's cursor): SQLAlchemy's per-call execution machinery, and a
#: tags statement built anew with a VALUES row per tag, cost more than the database did.
_ONE_MORE_PUBLISHED = CompiledWrite(
    update(_PROFILES)
    .where(_PROFILES.c.user_id == bindparam("author_id"))
    .values(posts_count=_PROFILES.c.posts_count + 1)
    .returning(_PROFILES.c.user_id, _PROFILES.c.username, _PROFILES.c.bio, _PROFILES.c.image)
)
_MOVE_AUTHOR = CompiledWrite(
    update(_PROFILES)
    .where(_PROFILES.c.user_id == bindparam("author_id"))
    .values(posts_count=_PROFILES.c.posts_count + bindparam("delta"))
)


def _tag_upsert(dialect: Any) -> Any:
    upsert = dialect.insert(_TAGS).values(tag=bindparam("tag"), posts_count=bindparam("delta"))
    return upsert.on_conflict_do_update(
        index_elements=[_TAGS.c.tag],
        set_={"posts_count": _TAGS.c.posts_count + upsert.excluded.posts_count},
    )


#: One tag's count moved by `delta`, created at `delta` if new; run for every tag a change moves
#: (executemany), in the tags' order.
_MOVE_TAG = CompiledWrite(_tag_upsert(sqlite), variants={"postgresql": _tag_upsert(postgresql)})


def count_published_post(session: Session, *, author_id: uuid.UUID) -> CountedAuthor | None:
    """Counts one more published post for the author and returns the profile's (user_id, username,
    bio, image): one statement finds the profile and moves its count. None, counting nothing,
    when the author has no profile yet."""
    # `updated_at`: the profile's onupdate timestamp, as an UPDATE through the session sets it.
    rows = _ONE_MORE_PUBLISHED.run(session, {"author_id": author_id, "updated_at": utcnow()})
    return CountedAuthor(*rows[0]) if rows else None


def move_counts(
    session: Session,
    *,
    author_id: uuid.UUID,
    before: tuple[bool, Collection[str]],
    after: tuple[bool, Collection[str]],
) -> None:
    """Moves the author's and the tags' counts from a post's (published, tags) `before` a change
    to its state `after` it (`(False, ())` for a post that did not or no longer exists)."""
    (was_published, old_tags), (is_published, new_tags) = before, after
    counted_before = set(old_tags) if was_published else set()
    counted_after = set(new_tags) if is_published else set()
    if was_published != is_published:
        delta = 1 if is_published else -1
        moved = {"author_id": author_id, "delta": delta, "updated_at": utcnow()}
        _MOVE_AUTHOR.run(session, moved)
    deltas = dict.fromkeys(counted_after - counted_before, 1)
    deltas |= dict.fromkeys(counted_before - counted_after, -1)
    moves = [{"tag": tag, "delta": delta} for tag, delta in sorted(deltas.items())]
    _MOVE_TAG.run_many(session, moves)


def recount(session: Session) -> None:
    """Recomputes every count from the rows (what the migration did once; for bulk loads that
    bypass the services)."""
    published = select(func.count()).where(
        BlogPost.author_id == BlogProfile.user_id, BlogPost.status == PUBLISHED
    )
    session.execute(
        update(BlogProfile)
        .values(posts_count=published.scalar_subquery())
        .execution_options(synchronize_session=False)
    )
    session.execute(delete(BlogTag))
    session.execute(
        insert(BlogTag).from_select(
            ["tag", "posts_count"],
            select(BlogPostTag.tag, func.count())
            .join(BlogPost, BlogPost.id == BlogPostTag.post_id)
            .where(BlogPost.status == PUBLISHED)
            .group_by(BlogPostTag.tag),
        )
    )
