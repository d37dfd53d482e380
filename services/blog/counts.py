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

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models.blog import BlogPost, BlogPostTag, BlogProfile, BlogTag

PUBLISHED = "PUBLISHED"


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
        session.execute(
            update(BlogProfile)
            .where(BlogProfile.user_id == author_id)
            .values(posts_count=BlogProfile.posts_count + (1 if is_published else -1))
            .execution_options(synchronize_session=False)
        )
    deltas = dict.fromkeys(counted_after - counted_before, 1)
    deltas |= dict.fromkeys(counted_before - counted_after, -1)
    if not deltas:
        return
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    upsert = dialect.insert(BlogTag).values(
        [{"tag": tag, "posts_count": delta} for tag, delta in sorted(deltas.items())]
    )
    session.execute(
        upsert.on_conflict_do_update(
            index_elements=[BlogTag.tag],
            set_={"posts_count": BlogTag.posts_count + upsert.excluded.posts_count},
        )
    )


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
