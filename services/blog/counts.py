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
from typing import cast

from sqlalchemy import Row, Table, bindparam, delete, func, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from db.models.blog import BlogPost, BlogPostTag, BlogProfile, BlogTag

PUBLISHED = "PUBLISHED"


_PROFILES = cast(Table, BlogProfile.__table__)
#: Built once, on the table rather than the mapped class: a Core statement skips the ORM's
#: bulk-update path and its per-call compile-cache lookup of a freshly built statement.
_ONE_MORE_PUBLISHED = (
    update(_PROFILES)
    .where(_PROFILES.c.user_id == bindparam("author_id"))
    .values(posts_count=_PROFILES.c.posts_count + 1)
    .returning(_PROFILES.c.user_id, _PROFILES.c.username, _PROFILES.c.bio, _PROFILES.c.image)
)


def count_published_post(
    session: Session, *, author_id: uuid.UUID
) -> Row[tuple[uuid.UUID, str, str | None, str | None]] | None:
    """Counts one more published post for the author and returns the profile's (user_id, username,
    bio, image): one statement finds the profile and moves its count. None, counting nothing,
    when the author has no profile yet."""
    return session.execute(_ONE_MORE_PUBLISHED, {"author_id": author_id}).first()


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
