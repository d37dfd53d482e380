"""Blog: Markdown posts by many authors, read by everyone once published.

A post's slug is derived from its title at creation (`-2`, `-3`... on collision, never rejected)
and never changes. A DRAFT is visible to its author and admins only (anyone else gets 404, as for
a missing post); only the author or an admin changes a post (403 for others). Favorites and
follows are unique rows, so repeating them is a no-op; `favorites_count` moves by atomic
increments next to the row it counts, so concurrent favorites are all counted exactly once.

Every author, favoriter, commenter and follower has a profile (`blog_profiles`), created on first
use with a username derived from the display name. Per-viewer flags (`favorited`, `following`)
are filled in for a whole page with one statement each, so a page's cost does not grow with its
size. The list query is built once (`post_query`) and served as keyset pages (main API) or
limit/offset with a total (the Conduit facade).
"""

from __future__ import annotations

import re
import secrets
import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Select,
    and_,
    delete,
    func,
    or_,
    select,
    true,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from core.concurrency import bump_version, check_if_match
from core.db import utcnow
from core.errors import Conflict, Forbidden, NotFound, RuleViolated
from core.pagination import Page, decode_cursor, encode_cursor, paginate, parse_datetime
from core.security import Actor
from db.models.blog import (
    BlogComment,
    BlogFavorite,
    BlogFollow,
    BlogPost,
    BlogPostTag,
    BlogProfile,
)
from db.models.identity import User
from services.markdown import render

DRAFT, PUBLISHED = "DRAFT", "PUBLISHED"
SLUG_MAX = 80
USERNAME_MAX = 40
RESERVED_USERNAMES = frozenset({"me"})
_ATTEMPTS = 8


class PostNotFound(NotFound):
    type = "/problems/blog/post-not-found"


class CommentNotFound(NotFound):
    type = "/problems/blog/comment-not-found"


class ProfileNotFound(NotFound):
    type = "/problems/blog/profile-not-found"


class BlogForbidden(Forbidden):
    type = "/problems/blog/forbidden"


class PostNotPublished(RuleViolated):
    type = "/problems/blog/post-not-published"


class SelfFollow(RuleViolated):
    type = "/problems/blog/self-follow"


class UsernameTaken(Conflict):
    type = "/problems/blog/username-taken"


@dataclass(frozen=True)
class ProfileView:
    profile: BlogProfile
    following: bool


@dataclass(frozen=True)
class PostView:
    post: BlogPost
    favorited: bool
    following: bool


@dataclass(frozen=True)
class CommentView:
    comment: BlogComment
    post_slug: str
    following: bool


@dataclass(frozen=True)
class TagCount:
    tag: str
    count: int


# ---- helpers ----------------------------------------------------------------------------------


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def slugify(title: str) -> str:
    """`Café — Dragons!` -> `cafe-dragons`; `post` when nothing is left."""
    slug = re.sub(r"[^a-z0-9]+", "-", _ascii(title)).strip("-")[:SLUG_MAX].strip("-")
    return slug or "post"


def username_base(display_name: str) -> str:
    """`Ada Lovelace` -> `ada-lovelace`; `user` when nothing usable is left."""
    base = re.sub(r"[^a-z0-9_.]+", "-", _ascii(display_name)).strip("-._")
    return base[: USERNAME_MAX - 8].strip("-._") or "user"


def _first_free(base: str, taken: set[str], limit: int) -> str:
    candidate, suffix = base, 1
    while candidate in taken:
        suffix += 1
        candidate = f"{base[: limit - len(str(suffix)) - 1]}-{suffix}"
    return candidate


def _insert_ignoring_duplicates(session: Session, model: Any, **values: Any) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING; True when the row is new."""
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(model).values(**values).on_conflict_do_nothing()
    # RETURNING, not rowcount: psycopg reports -1 for ON CONFLICT inserts.
    return session.execute(statement.returning(*model.__table__.primary_key)).first() is not None


def _normalized_tags(tags: Sequence[str]) -> list[str]:
    return sorted({tag.strip().lower() for tag in tags if tag.strip()})


# ---- profiles ---------------------------------------------------------------------------------


def _free_username(session: Session, base: str, attempt: int) -> str:
    if attempt >= 3:
        # Many writers racing for one name: stop queueing behind each other.
        return f"{base[: USERNAME_MAX - 7]}-{secrets.token_hex(3)}"
    taken = set(
        session.scalars(
            select(BlogProfile.username_key).where(
                or_(
                    BlogProfile.username_key == base,
                    BlogProfile.username_key.startswith(f"{base}-", autoescape=True),
                )
            )
        )
    )
    return _first_free(base, taken | RESERVED_USERNAMES, USERNAME_MAX)


def find_profile(session: Session, *, user_id: uuid.UUID) -> BlogProfile | None:
    return session.scalars(
        select(BlogProfile)
        .where(BlogProfile.user_id == user_id)
        .execution_options(populate_existing=True)
    ).first()


def ensure_profile(session: Session, *, user_id: uuid.UUID) -> BlogProfile:
    """The user's profile, created on first use with a free username from the display name."""
    for attempt in range(_ATTEMPTS):
        profile = find_profile(session, user_id=user_id)
        if profile is not None:
            return profile
        source = session.scalar(select(User.display_name).where(User.id == user_id))
        name = _free_username(session, username_base(source or ""), attempt)
        profile = BlogProfile(user_id=user_id, username=name, username_key=name)
        try:
            with session.begin_nested():
                session.add(profile)
                session.flush()
        except IntegrityError:
            continue  # another request took the name (or made this profile): look again
        return profile
    raise Conflict("Could not pick a free username; try again.")


def _profile_by_username(session: Session, username: str) -> BlogProfile:
    profile = session.scalars(
        select(BlogProfile).where(BlogProfile.username_key == username.lower())
    ).first()
    if profile is None:
        raise ProfileNotFound("No profile has this username.")
    return profile


def _followed_among(
    session: Session, viewer: Actor | None, user_ids: Sequence[uuid.UUID]
) -> set[uuid.UUID]:
    if viewer is None or not user_ids:
        return set()
    return set(
        session.scalars(
            select(BlogFollow.followee_id).where(
                BlogFollow.follower_id == viewer.user_id,
                BlogFollow.followee_id.in_(set(user_ids)),
            )
        )
    )


def get_my_profile(session: Session, actor: Actor) -> ProfileView:
    """The caller's profile, created on first use."""
    return ProfileView(ensure_profile(session, user_id=actor.user_id), following=False)


def update_my_profile(session: Session, actor: Actor, *, changes: dict[str, Any]) -> ProfileView:
    """Changes username, bio or image; a username taken by anyone else (any case) is a 409."""
    profile = ensure_profile(session, user_id=actor.user_id)
    if "username" in changes and changes["username"] != profile.username:
        key = changes["username"].lower()
        if key in RESERVED_USERNAMES:
            raise UsernameTaken("This username is reserved.")
        holder = session.scalar(select(BlogProfile.user_id).where(BlogProfile.username_key == key))
        if holder not in (None, actor.user_id):
            raise UsernameTaken("This username is taken.")
        profile.username, profile.username_key = changes["username"], key
    for field in ("bio", "image"):
        if field in changes:
            setattr(profile, field, changes[field])
    profile.updated_at = utcnow()
    try:
        with session.begin_nested():
            session.flush()
    except IntegrityError as exc:
        raise UsernameTaken("This username is taken.") from exc
    return ProfileView(profile, following=False)


def get_profile(session: Session, viewer: Actor | None, *, username: str) -> ProfileView:
    """A profile by username (any case), with whether the viewer follows it."""
    profile = _profile_by_username(session, username)
    return ProfileView(
        profile, profile.user_id in _followed_among(session, viewer, [profile.user_id])
    )


def follow_profile(session: Session, actor: Actor, *, username: str) -> ProfileView:
    """Follows an author (idempotent); following oneself is refused."""
    target = _profile_by_username(session, username)
    if target.user_id == actor.user_id:
        raise SelfFollow("You cannot follow yourself.")
    ensure_profile(session, user_id=actor.user_id)
    _insert_ignoring_duplicates(
        session,
        BlogFollow,
        follower_id=actor.user_id,
        followee_id=target.user_id,
        created_at=utcnow(),
    )
    return ProfileView(target, following=True)


def unfollow_profile(session: Session, actor: Actor, *, username: str) -> ProfileView:
    """Stops following an author (idempotent)."""
    target = _profile_by_username(session, username)
    session.execute(
        delete(BlogFollow).where(
            BlogFollow.follower_id == actor.user_id, BlogFollow.followee_id == target.user_id
        )
    )
    return ProfileView(target, following=False)


# ---- posts ------------------------------------------------------------------------------------


def _visible(viewer: Actor | None) -> ColumnElement[bool]:
    if viewer is None:
        return BlogPost.status == PUBLISHED
    if viewer.is_admin:
        return true()
    return or_(BlogPost.status == PUBLISHED, BlogPost.author_id == viewer.user_id)


def _load_post(
    session: Session, viewer: Actor | None, slug: str, *, lock: bool = False
) -> BlogPost:
    query = select(BlogPost).where(BlogPost.slug == slug, _visible(viewer))
    if lock:
        query = query.with_for_update(of=BlogPost)
    post = session.scalars(query).first()
    if post is None:
        raise PostNotFound("No such post.")
    return post


def _views(session: Session, viewer: Actor | None, posts: Sequence[BlogPost]) -> list[PostView]:
    """Posts with the viewer's flags: one statement for favorites, one for follows."""
    favorited: set[uuid.UUID] = set()
    if viewer is not None and posts:
        favorited = set(
            session.scalars(
                select(BlogFavorite.post_id).where(
                    BlogFavorite.user_id == viewer.user_id,
                    BlogFavorite.post_id.in_([post.id for post in posts]),
                )
            )
        )
    followed = _followed_among(session, viewer, [post.author_id for post in posts])
    return [PostView(post, post.id in favorited, post.author_id in followed) for post in posts]


def _free_slug(session: Session, base: str) -> str:
    taken = set(
        session.scalars(
            select(BlogPost.slug).where(
                or_(BlogPost.slug == base, BlogPost.slug.startswith(f"{base}-", autoescape=True))
            )
        )
    )
    return _first_free(base, taken, SLUG_MAX + 20)


def _set_tags(post: BlogPost, tags: Sequence[str]) -> None:
    post.tags = [BlogPostTag(tag=tag) for tag in _normalized_tags(tags)]


def create_post(
    session: Session,
    actor: Actor,
    *,
    title: str,
    description: str = "",
    body: str = "",
    tags: Sequence[str] = (),
    status: str = DRAFT,
) -> PostView:
    """Writes a post with a free slug derived from the title; publishing stamps published_at."""
    author = ensure_profile(session, user_id=actor.user_id)
    base = slugify(title)
    for _ in range(_ATTEMPTS):
        post = BlogPost(
            id=uuid.uuid4(),
            slug=_free_slug(session, base),
            author_id=author.user_id,
            title=title,
            description=description,
            body=body,
            html=render(body),
            status=status,
            published_at=utcnow() if status == PUBLISHED else None,
            favorites_count=0,
            version=1,
        )
        try:
            with session.begin_nested():
                session.add(post)
                session.flush()
        except IntegrityError:
            continue  # a concurrent post took the slug: pick the next one
        post.author = author
        _set_tags(post, tags)
        session.flush()
        return PostView(post, favorited=False, following=False)
    raise Conflict("Could not pick a free slug; try again.")


def get_post(session: Session, viewer: Actor | None, *, slug: str) -> PostView:
    """A published post, or a draft the viewer may see (its author, admins); else 404."""
    return _views(session, viewer, [_load_post(session, viewer, slug)])[0]


def _editable(session: Session, actor: Actor, slug: str) -> BlogPost:
    post = _load_post(session, actor, slug, lock=True)
    if not (actor.is_admin or post.author_id == actor.user_id):
        raise BlogForbidden("Only the author or an admin may change this post.")
    return post


def update_post(
    session: Session,
    actor: Actor,
    *,
    slug: str,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> PostView:
    """Edits a post (author or admin); the slug stays, the first publication is stamped once."""
    post = _editable(session, actor, slug)
    check_if_match(if_match, post.version)
    for field in ("title", "description"):
        if field in changes:
            setattr(post, field, changes[field])
    if "body" in changes:
        post.body, post.html = changes["body"], render(changes["body"])
    if "tags" in changes:
        post.tags.clear()
        session.flush()
        _set_tags(post, changes["tags"])
    if "status" in changes:
        post.status = changes["status"]
        if post.status == PUBLISHED and post.published_at is None:
            post.published_at = utcnow()
    bump_version(post)
    session.flush()
    return _views(session, actor, [post])[0]


def delete_post(session: Session, actor: Actor, *, slug: str) -> None:
    """Deletes a post with its comments, tags and favorites (author or admin)."""
    session.delete(_editable(session, actor, slug))
    session.flush()


def post_query(
    viewer: Actor | None,
    *,
    tag: str | None = None,
    author: str | None = None,
    favorited_by: str | None = None,
    status: str | None = None,
    feed_of: uuid.UUID | None = None,
) -> Select[BlogPost]:
    """The posts `viewer` may see, filtered; shared by keyset and offset listings."""
    query = select(BlogPost).where(_visible(viewer))
    if status:
        query = query.where(BlogPost.status == status)
    if tag:
        query = query.where(
            select(BlogPostTag.post_id)
            .where(BlogPostTag.post_id == BlogPost.id, BlogPostTag.tag == tag.strip().lower())
            .exists()
        )
    if author:
        query = query.where(
            BlogPost.author_id.in_(
                select(BlogProfile.user_id).where(BlogProfile.username_key == author.lower())
            )
        )
    if favorited_by:
        query = query.where(
            BlogPost.id.in_(
                select(BlogFavorite.post_id)
                .join(BlogProfile, BlogProfile.user_id == BlogFavorite.user_id)
                .where(BlogProfile.username_key == favorited_by.lower())
            )
        )
    if feed_of is not None:
        query = query.where(
            BlogPost.status == PUBLISHED,
            BlogPost.author_id.in_(
                select(BlogFollow.followee_id).where(BlogFollow.follower_id == feed_of)
            ),
        )
    return query


def _keyset_page(
    session: Session,
    viewer: Actor | None,
    query: Select[BlogPost],
    *,
    limit: int,
    cursor: str | None,
) -> Page[PostView]:
    page = paginate(
        session,
        query,
        kind="blog-posts",
        columns=(BlogPost.created_at, BlogPost.id),
        key=lambda post: (post.created_at, post.id),
        parsers=(parse_datetime, uuid.UUID),
        limit=limit,
        cursor=cursor,
        descending=True,
    )
    return Page(_views(session, viewer, page.items), page.next)


def list_posts(
    session: Session,
    viewer: Actor | None,
    *,
    tag: str | None = None,
    author: str | None = None,
    favorited_by: str | None = None,
    status: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[PostView]:
    """Visible posts, newest first (ties by id), one keyset page in a constant number of queries."""
    query = post_query(viewer, tag=tag, author=author, favorited_by=favorited_by, status=status)
    return _keyset_page(session, viewer, query, limit=limit, cursor=cursor)


def list_posts_offset(
    session: Session,
    viewer: Actor | None,
    *,
    limit: int = 20,
    offset: int = 0,
    feed: bool = False,
    **filters: Any,
) -> tuple[list[PostView], int]:
    """The same listing by limit/offset, with the total count (the Conduit facade's shape)."""
    query = post_query(viewer, feed_of=viewer.user_id if feed and viewer else None, **filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    posts = list(
        session.scalars(
            query.order_by(BlogPost.created_at.desc(), BlogPost.id.desc())
            .limit(limit)
            .offset(offset)
        )
    )
    return _views(session, viewer, posts), total


def list_feed(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[PostView]:
    """Published posts of the authors the caller follows, newest first."""
    query = post_query(actor, feed_of=actor.user_id)
    return _keyset_page(session, actor, query, limit=limit, cursor=cursor)


# ---- favorites --------------------------------------------------------------------------------


def favorite_post(session: Session, actor: Actor, *, slug: str) -> PostView:
    """Favorites a published post once; the counter moves by an atomic increment."""
    post = _load_post(session, actor, slug)
    if post.status != PUBLISHED:
        raise PostNotPublished("Only published posts take favorites and comments.")
    ensure_profile(session, user_id=actor.user_id)
    if _insert_ignoring_duplicates(
        session, BlogFavorite, post_id=post.id, user_id=actor.user_id, created_at=utcnow()
    ):
        _add_to_count(session, post, 1)
    return PostView(post, favorited=True, following=_follows(session, actor, post))


def unfavorite_post(session: Session, actor: Actor, *, slug: str) -> PostView:
    """Removes a favorite (idempotent); the counter moves only if a row went away."""
    post = _load_post(session, actor, slug)
    removed = session.execute(
        delete(BlogFavorite)
        .where(BlogFavorite.post_id == post.id, BlogFavorite.user_id == actor.user_id)
        .returning(BlogFavorite.post_id)
    ).first()
    if removed is not None:
        _add_to_count(session, post, -1)
    return PostView(post, favorited=False, following=_follows(session, actor, post))


def _add_to_count(session: Session, post: BlogPost, delta: int) -> None:
    session.execute(
        update(BlogPost)
        .where(BlogPost.id == post.id)
        .values(favorites_count=BlogPost.favorites_count + delta)
        .execution_options(synchronize_session=False)
    )
    session.refresh(post, ["favorites_count"])


def _follows(session: Session, actor: Actor, post: BlogPost) -> bool:
    return post.author_id in _followed_among(session, actor, [post.author_id])


# ---- comments ---------------------------------------------------------------------------------


def list_comments(
    session: Session,
    viewer: Actor | None,
    *,
    slug: str,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[CommentView]:
    """Comments of a visible post, oldest first."""
    post = _load_post(session, viewer, slug)
    page = paginate(
        session,
        select(BlogComment).where(BlogComment.post_id == post.id),
        kind="blog-comments",
        columns=(BlogComment.created_at, BlogComment.id),
        key=lambda comment: (comment.created_at, comment.id),
        parsers=(parse_datetime, int),
        limit=limit,
        cursor=cursor,
    )
    followed = _followed_among(session, viewer, [comment.author_id for comment in page.items])
    items = [CommentView(c, post.slug, c.author_id in followed) for c in page.items]
    return Page(items, page.next)


def add_comment(session: Session, actor: Actor, *, slug: str, body: str) -> CommentView:
    """Comments on a published post."""
    post = _load_post(session, actor, slug)
    if post.status != PUBLISHED:
        raise PostNotPublished("Only published posts take favorites and comments.")
    author = ensure_profile(session, user_id=actor.user_id)
    comment = BlogComment(post_id=post.id, author_id=author.user_id, body=body)
    session.add(comment)
    session.flush()
    comment.author = author
    return CommentView(comment, post.slug, following=False)


def delete_comment(session: Session, actor: Actor, *, slug: str, comment_id: int) -> None:
    """Deletes a comment: its author, the post's author or an admin."""
    post = _load_post(session, actor, slug)
    comment = session.get(BlogComment, comment_id)
    if comment is None or comment.post_id != post.id:
        raise CommentNotFound("No such comment on this post.")
    if not (actor.is_admin or actor.user_id in (comment.author_id, post.author_id)):
        raise BlogForbidden(
            "Only the comment's author, the post's author or an admin may delete it."
        )
    session.delete(comment)
    session.flush()


# ---- tags -------------------------------------------------------------------------------------


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
