"""Blog posts: Markdown articles with tags, drafts visible to their author only.

A post's slug is derived from its title at creation and never changes; when another post has it, a
short random suffix follows (`dragons-k3x9q2`, never rejected). The plain slug is tried first and
the unique index decides (an INSERT ... ON CONFLICT DO NOTHING per attempt), so a create reads
none of the slugs already taken: its cost does not grow with the table, nor with how many posts
share a title. On PostgreSQL, publishing a post is one statement committed as it runs (the post,
its tags, the author's and the tags' counts: `_publish_at_once`); an author's first post (the
profile is made then) and a taken slug go on in the unit of work, statement by statement, as
every create does on SQLite. A DRAFT is
visible to its author and admins only (anyone else gets 404, as for a missing post); only the
author or an admin changes a post (403 for others). Reads (lists and get by slug) load plain
records from rows, never ORM objects: a page is one SELECT of the posts' and their authors'
columns, with the viewer's flags (`favorited`, `following`) as two EXISTS columns of an outer
SELECT over the page's ids (`flagged_page`: evaluated for the posts shown only), plus one
statement for the tags of the page's posts, whatever the page size. The list query is built once
(`post_query`) and served as keyset pages (main API) or limit/offset with a total (the Conduit
facade, whose lists leave each post's body out: the RealWorld specification dropped it from lists
in 2024, and loading text no list shows made those pages cost more with every post's length). The
total is read from the counts kept beside the rows (services/blog/counts.py) when the filter is one
they hold, else counted on an index.
"""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, TypedDict, Unpack, cast

from sqlalchemy import (
    ColumnElement,
    Integer,
    Select,
    String,
    Table,
    any_,
    bindparam,
    exists,
    func,
    insert,
    literal,
    or_,
    select,
    true,
    tuple_,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, aliased

from core.compiled import CompiledSelect, CompiledWrite
from core.concurrency import versioned_write
from core.db import UUIDArray, utcnow
from core.errors import Conflict, Forbidden, NotFound, RuleViolated
from core.pagination import Page, decode_cursor, page_of, parse_datetime
from core.rows import assign
from core.security import Actor
from core.slugs import normalize_tag, normalize_tags, slugify, with_random_suffix
from db.models.blog import BlogFavorite, BlogFollow, BlogPostTag, BlogProfile, BlogTag
from db.models.blog import BlogPost as BlogPost  # re-exported for handlers
from services.blog.counts import count_published_post, move_counts
from services.blog.profiles import ensure_profile, followed_among
from services.markdown import render

DRAFT, PUBLISHED = "DRAFT", "PUBLISHED"
SLUG_MAX = 80
_ATTEMPTS = 8


class PostNotFound(NotFound, type="/problems/blog/post-not-found"): ...


class BlogForbidden(Forbidden, type="/problems/blog/forbidden"): ...


class PostNotPublished(RuleViolated, type="/problems/blog/post-not-published"): ...


class PostFilters(TypedDict, total=False):
    """What a listing narrows posts to (see `post_query`)."""

    tag: str | None
    author: str | None
    favorited_by: str | None
    status: str | None


@dataclass(frozen=True, slots=True)
class AuthorRecord:
    """A post's author as a read shows it."""

    username: str
    bio: str | None
    image: str | None


@dataclass(frozen=True, slots=True)
class PostRecord:
    """A post as a read loads it: plain values from one row of the page's SELECT (`body` and
    `html` None where the read leaves them out). Building ORM objects for a page — posts, their
    authors, their tags, the identity map — cost most of a list request's CPU."""

    id: uuid.UUID
    slug: str
    title: str
    description: str
    status: str
    published_at: datetime | None
    created_at: datetime
    updated_at: datetime
    favorites_count: int
    version: int
    author: AuthorRecord
    body: str | None
    html: str | None


@dataclass(frozen=True)
class PostView:
    post: BlogPost | PostRecord
    favorited: bool
    following: bool
    tags: list[str]


def post_view(post: BlogPost, *, favorited: bool, following: bool) -> PostView:
    """The view of a post loaded as an ORM object (by a write), with its tags."""
    return PostView(post, favorited, following, [tag.tag for tag in post.tags])


#: Who reads, as far as a read's statement is concerned (its values go in as parameters).
ANONYMOUS, MEMBER, ADMIN = "anonymous", "member", "admin"


def _kind(viewer: Actor | None) -> str:
    return ANONYMOUS if viewer is None else ADMIN if viewer.is_admin else MEMBER


#: The reader's id in a read's statement (built once, run with the reader's value).
_VIEWER_ID = bindparam("viewer_id", type_=BlogPost.author_id.type)


def _visible(
    kind: str, status: str | None = None, viewer_id: Any = _VIEWER_ID
) -> ColumnElement[bool]:
    """Posts a reader of `kind` (id `viewer_id`) may see, with `status` if given, as one
    condition (PUBLISHED once)."""
    if status is not None:
        if status == PUBLISHED or kind == ADMIN:
            return BlogPost.status == status
        return (BlogPost.status == status) & _visible(kind, None, viewer_id)
    if kind == ANONYMOUS:
        return BlogPost.status == PUBLISHED
    if kind == ADMIN:
        return true()
    return or_(BlogPost.status == PUBLISHED, BlogPost.author_id == viewer_id)


def _flags() -> tuple[ColumnElement[bool], ...]:
    """The reader's `favorited` and `following` flags of a post, as two EXISTS columns on
    primary-key indexes."""
    favorited = select(BlogFavorite.post_id).where(
        BlogFavorite.post_id == BlogPost.id, BlogFavorite.user_id == _VIEWER_ID
    )
    follows = select(BlogFollow.followee_id).where(
        BlogFollow.follower_id == _VIEWER_ID, BlogFollow.followee_id == BlogPost.author_id
    )
    return favorited.exists(), follows.exists()


#: The order of every listing: newest first, ties by id.
_NEWEST_FIRST = (BlogPost.created_at.desc(), BlogPost.id.desc())

#: A read's author: an alias, so that the filters' own subqueries over blog_profiles (author,
#: favorited by) are never correlated with the read's join.
_AUTHOR = aliased(BlogProfile, name="author")
_READ = (
    BlogPost.id,
    BlogPost.slug,
    BlogPost.title,
    BlogPost.description,
    BlogPost.status,
    BlogPost.published_at,
    BlogPost.created_at,
    BlogPost.updated_at,
    BlogPost.favorites_count,
    BlogPost.version,
    _AUTHOR.username,
    _AUTHOR.bio,
    _AUTHOR.image,
)
_LIMIT = bindparam("limit", type_=Integer)
_TAGS = select(BlogPostTag.post_id, BlogPostTag.tag).order_by(BlogPostTag.tag)


#: The tags of the posts `ids`. On PostgreSQL the ids go as one array (`= ANY(:ids)`): an IN list
#: of bound values is rendered into new SQL text on every call (SQLAlchemy's compiler, ~15 % of a
#: list request's CPU) and is a different statement to the server for each page size, so it is
#: never prepared; the array form is one statement, compiled once and prepared by psycopg.
def _among_ids(statement: Select[*tuple[Any, ...]], column: Any) -> CompiledSelect:
    """`statement` narrowed to rows whose `column` is one of the `ids` parameter: one `uuid[]`
    on PostgreSQL (`= ANY`, SQL rendered once and prepared whatever the number of ids), an IN
    list elsewhere."""
    return CompiledSelect(
        statement.where(column.in_(bindparam("ids", expanding=True))),
        variants={
            "postgresql": statement.where(column == any_(bindparam("ids", type_=UUIDArray())))
        },
    )


_TAGS_OF = _among_ids(_TAGS, BlogPostTag.post_id)
#: A reader's flags of posts by id (`reader_flags`): their primary keys, two EXISTS probes each.
_READER_FLAGS = _among_ids(select(BlogPost.id, *_flags()), BlogPost.id)


#: How many drafts the reader has. Not an EXISTS (nor a LIMIT 1): PostgreSQL plans "stop at the
#: first match" and, estimating drafts spread evenly over authors, prefers a sequential scan,
#: which reads every post for a reader without drafts; a count reads the partial index
#: ix_blog_posts_author_drafts, the reader's drafts only.
_HAS_DRAFTS = CompiledSelect(
    select(func.count()).where(BlogPost.author_id == _VIEWER_ID, BlogPost.status == DRAFT)
)


def has_drafts(source: Session | Connection, viewer: Actor) -> bool:
    """Whether the reader wrote any draft: a member's listing without a `status` shows them
    beside the published posts, so only a reader without drafts sees what anonymous readers do."""
    return bool(_HAS_DRAFTS.rows(source, {"viewer_id": viewer.user_id})[0][0])


def reader_flags(
    source: Session | Connection, viewer: Actor, post_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, tuple[bool, bool]]:
    """The reader's `(favorited, following)` flags of each of the posts, in one statement (in a
    unit of work, or on a core.db.read_connection): for views read as an anonymous reader sees
    them (the same for every reader, so they can be shared) and then flagged for one reader. A
    post that is gone has no entry."""
    if not post_ids:
        return {}
    rows = _READER_FLAGS.rows(source, {"ids": list(post_ids), "viewer_id": viewer.user_id})
    return {post_id: (bool(favorited), bool(following)) for post_id, favorited, following in rows}


def flagged_page(
    picked: Select[Any], *, flags: bool, body: bool = True, html: bool = True
) -> Select[*tuple[Any, ...]]:
    """The statement that reads the posts `picked` selects (filtered, newest first, limited) as
    rows of `_READ` (+ body, html as asked) and, with `flags`, the reader's flags computed for
    those posts only: `picked` narrowed to their ids is the filter of an outer SELECT that
    carries the flag columns.

    As columns of `picked` itself, PostgreSQL plans each EXISTS for every row the filter may
    match, and at size prefers a hashed subplan: all of the viewer's favorites read and hashed on
    each request (about 9,500 rows at 100,000 posts), a cost that grows with the data. Over the
    page's ids it probes the primary keys once per post shown."""
    texts = (BlogPost.body,) * body + (BlogPost.html,) * html
    page: Select[*tuple[Any, ...]]
    if not flags:
        page = picked.with_only_columns(*_READ, *texts)
    else:
        ids = picked.with_only_columns(BlogPost.id)
        page = select(*_READ, *texts, *_flags()).where(BlogPost.id.in_(ids))
        page = page.order_by(*_NEWEST_FIRST)
    return page.join(_AUTHOR, _AUTHOR.user_id == BlogPost.author_id)


def _read(
    session: Session,
    statement: CompiledSelect,
    params: dict[str, Any],
    *,
    flags: bool,
    body: bool = True,
    html: bool = True,
) -> list[PostView]:
    """The views of the posts `statement` (a `flagged_page`) reads with `params`, then their
    tags in one more statement: plain records from rows, no ORM objects."""
    rows = statement.rows(session, params)
    if not rows:
        return []
    tags: dict[uuid.UUID, list[str]] = {row[0]: [] for row in rows}
    for post_id, tag in _TAGS_OF.rows(session, {"ids": list(tags)}):
        tags[post_id].append(tag)
    texts = 13 + body + html
    views = []
    for row in rows:
        post = PostRecord(
            *row[:10],  # type: ignore[misc]  # the first ten of _READ, in the fields' order
            author=AuthorRecord(row[10], row[11], row[12]),
            body=row[13] if body else None,
            html=row[texts - 1] if html else None,
        )
        favorited, following = (bool(row[texts]), bool(row[texts + 1])) if flags else (False, False)
        views.append(PostView(post, favorited, following, tags[post.id]))
    return views


@functools.cache
def _one(kind: str) -> CompiledSelect:
    """Reads one post by `slug` as a reader of `kind` sees it."""
    picked = select(BlogPost).where(BlogPost.slug == bindparam("slug"), _visible(kind))
    return CompiledSelect(flagged_page(picked, flags=kind != ANONYMOUS))


def load_post(
    session: Session,
    viewer: Actor | None,
    slug: str,
    *,
    lock: bool = False,
    share: bool = False,
) -> BlogPost:
    """A post the viewer may see, else PostNotFound (a draft of someone else's looks missing).

    `lock` takes the row for a change (FOR UPDATE); `share` only keeps it from being deleted
    meanwhile (FOR KEY SHARE: rows that point at it, comments, can be added side by side). Either
    way a concurrent delete is waited for, and then the post is not found."""
    viewer_id = viewer.user_id if viewer else None
    query = select(BlogPost).where(BlogPost.slug == slug, _visible(_kind(viewer), None, viewer_id))
    if lock:
        query = query.with_for_update(of=BlogPost)
    elif share:
        query = query.with_for_update(read=True, key_share=True, of=BlogPost)
    post = session.scalars(query).first()
    if post is None:
        raise PostNotFound("No such post.")
    return post


def load_published(
    session: Session, actor: Actor, slug: str, *, lock: bool = False, share: bool = False
) -> BlogPost:
    """A post that takes favorites and comments: visible and published."""
    post = load_post(session, actor, slug, lock=lock, share=share)
    if post.status != PUBLISHED:
        raise PostNotPublished("Only published posts take favorites and comments.")
    return post


def _editable(session: Session, actor: Actor, slug: str) -> BlogPost:
    post = load_post(session, actor, slug, lock=True)
    if not (actor.is_admin or post.author_id == actor.user_id):
        raise BlogForbidden("Only the author or an admin may change this post.")
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
    followed = followed_among(session, viewer, [post.author_id for post in posts])
    return [
        post_view(post, favorited=post.id in favorited, following=post.author_id in followed)
        for post in posts
    ]


def _counted_state(post: BlogPost) -> tuple[bool, list[str]]:
    """What the maintained counts see of a post: whether it is published, and its tags."""
    return post.status == PUBLISHED, [tag.tag for tag in post.tags]


def _set_tags(post: BlogPost, tags: Sequence[str]) -> None:
    post.tags = [BlogPostTag(tag=tag) for tag in normalize_tags(tags)]


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
    base = slugify(title, max_length=SLUG_MAX, fallback="post")
    tag_names = normalize_tags(tags)
    now = utcnow()
    values: dict[str, Any] = {
        "author_id": actor.user_id,
        "title": title,
        "description": description,
        "body": body,
        "html": render(body),
        "status": status,
        "published_at": now if status == PUBLISHED else None,
        "favorites_count": 0,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    if status == PUBLISHED and session.get_bind().dialect.name == "postgresql":
        # The common case in one statement (`_PUBLISH_AT_ONCE`); an author without a profile
        # yet, or a slug another post holds, goes on below.
        created = {"id": uuid.uuid4(), "slug": base, **values}
        row = _PUBLISH_AT_ONCE.run_alone(session, {**created, "tags": sorted(tag_names)})
        if row:
            return _created(created, row[0], tag_names)
    # Publishing counts the post on the author's profile first (the order counts.py keeps), and
    # that UPDATE's RETURNING reads the profile: one statement, not a SELECT and an UPDATE.
    published = status == PUBLISHED
    counted = count_published_post(session, author_id=actor.user_id) if published else None
    author = counted or ensure_profile(session, user_id=actor.user_id)
    for attempt in range(_ATTEMPTS):
        slug = base if attempt == 0 else with_random_suffix(base, max_length=SLUG_MAX + 20)
        # One INSERT ... ON CONFLICT DO NOTHING: a slug an earlier or a concurrent post holds
        # inserts nothing (a concurrent one is waited for), and the next attempt takes a random
        # suffix. A SAVEPOINT around a plain INSERT did the same in three round trips.
        created = {"id": uuid.uuid4(), "slug": slug, **values}
        if not _insert_post(session, created):
            continue
        _INSERT_TAG.run_many(session, [{"post_id": created["id"], "tag": tag} for tag in tag_names])
        move_counts(
            session,
            author_id=author.user_id,
            before=(counted is not None, ()),  # the author's count already moved
            after=(status == PUBLISHED, tag_names),
        )
        return _created(created, (author.username, author.bio, author.image), tag_names)
    raise Conflict("Could not pick a free slug; try again.")


def _created(values: dict[str, Any], author: Sequence[Any], tags: Sequence[str]) -> PostView:
    """The view of a post just written from `values` (with its id and slug), by `author`'s
    (username, bio, image)."""
    record = PostRecord(
        id=values["id"],
        slug=values["slug"],
        author=AuthorRecord(*author),
        **{name: values[name] for name in _RECORD_VALUES},
    )
    return PostView(record, favorited=False, following=False, tags=sorted(tags))


#: The create's statements, built once on the tables and run through core.compiled: the ORM's
#: bulk-insert path, building the statement each time and then SQLAlchemy's per-call execution
#: were most of a create's Python calls. Every column is bound (core.compiled.CompiledWrite).
_POSTS = cast(Table, BlogPost.__table__)
_POST_TAGS = cast(Table, BlogPostTag.__table__)
_PROFILES = cast(Table, BlogProfile.__table__)
_TAG_COUNTS = cast(Table, BlogTag.__table__)
_INSERT_TAG = CompiledWrite(
    insert(_POST_TAGS).values({column.key: bindparam(column.key) for column in _POST_TAGS.c})
)


def _insert_post_in(dialect: Any) -> Any:
    # RETURNING, not rowcount: psycopg reports -1 for ON CONFLICT inserts.
    return (
        dialect.insert(_POSTS)
        .values({column.key: bindparam(column.key) for column in _POSTS.c})
        .on_conflict_do_nothing()
        .returning(_POSTS.c.id)
    )


_INSERT_POST = CompiledWrite(
    _insert_post_in(sqlite), variants={"postgresql": _insert_post_in(postgresql)}
)


def _publish_at_once() -> Any:
    """A published post's whole create as one statement (PostgreSQL): the post, its tags, and
    the counts a publication moves (services/blog/counts.py), which on another engine are four.

    Each WITH clause writes only once the post is in: an author without a profile, or a slug
    another post holds (ON CONFLICT DO NOTHING, a concurrent holder waited for), make it insert
    and count nothing, and return no row. Otherwise the author's profile comes back as counted
    (username, bio, image). Rows are locked in counts.py's order: the profile by the main
    UPDATE, then the tags, whose WITH clause runs after it (nothing reads it), in the order of
    `tags` (sorted by the caller)."""
    tags = bindparam("tags", type_=postgresql.ARRAY(String))
    author = bindparam("author_id", type_=_POSTS.c.author_id.type)
    columns = [
        author if column.key == "author_id" else bindparam(column.key, type_=column.type)
        for column in _POSTS.c
    ]
    post = (
        postgresql.insert(_POSTS)
        .from_select(list(_POSTS.c.keys()), select(*columns).where(_PROFILES.c.user_id == author))
        .on_conflict_do_nothing()
        .returning(_POSTS.c.id)
        .cte("post")
    )
    is_new = exists(post.select())
    post_tags = postgresql.insert(_POST_TAGS).from_select(
        ["post_id", "tag"], select(post.c.id, func.unnest(tags))
    )
    counted = postgresql.insert(_TAG_COUNTS).from_select(
        ["tag", "posts_count"], select(func.unnest(tags), literal(1)).where(is_new)
    )
    counted = counted.on_conflict_do_update(
        index_elements=[_TAG_COUNTS.c.tag],
        set_={"posts_count": _TAG_COUNTS.c.posts_count + counted.excluded.posts_count},
    )
    return (
        update(_PROFILES)
        .where(_PROFILES.c.user_id == author, is_new)
        .values(posts_count=_PROFILES.c.posts_count + 1, updated_at=bindparam("updated_at"))
        .returning(_PROFILES.c.username, _PROFILES.c.bio, _PROFILES.c.image)
        .add_cte(post_tags.cte("post_tags"), counted.cte("tag_counts"))
    )


_PUBLISH_AT_ONCE = CompiledWrite(_publish_at_once())


def _insert_post(session: Session, values: dict[str, Any]) -> bool:
    """INSERT ... ON CONFLICT DO NOTHING of a post; True when it was new (its slug was free)."""
    return bool(_INSERT_POST.run(session, values))


_RECORD_VALUES = (
    "title",
    "description",
    "status",
    "published_at",
    "created_at",
    "updated_at",
    "favorites_count",
    "version",
    "body",
    "html",
)


def get_post(session: Session, viewer: Actor | None, *, slug: str) -> PostView:
    """A published post, or a draft the viewer may see (its author, admins); else 404."""
    kind = _kind(viewer)
    params = {"slug": slug, "viewer_id": viewer.user_id if viewer else None}
    views = _read(session, _one(kind), params, flags=kind != ANONYMOUS)
    if not views:
        raise PostNotFound("No such post.")
    return views[0]


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
    before = _counted_state(post)
    with versioned_write(session, post, if_match=if_match):
        assign(post, changes, ("title", "description", "status"))
        if "body" in changes:
            post.body, post.html = changes["body"], render(changes["body"])
        if "tags" in changes:
            post.tags.clear()
            session.flush()
            _set_tags(post, changes["tags"])
        if changes.get("status") == PUBLISHED and post.published_at is None:
            post.published_at = utcnow()
    move_counts(session, author_id=post.author_id, before=before, after=_counted_state(post))
    return _views(session, actor, [post])[0]


def delete_post(session: Session, actor: Actor, *, slug: str) -> None:
    """Deletes a post with its comments, tags and favorites (author or admin)."""
    post = _editable(session, actor, slug)
    move_counts(session, author_id=post.author_id, before=_counted_state(post), after=(False, ()))
    session.delete(post)
    session.flush()


@dataclass(frozen=True)
class _Listing:
    """What a listing's statement depends on, beside its values: it is built once per shape and
    run with the values as parameters (building a statement cost more CPU than running it)."""

    kind: str
    status: str | None
    tag: bool = False
    author: bool = False
    favorited_by: bool = False
    feed: bool = False


def _listing(
    viewer: Actor | None, feed_of: uuid.UUID | None, filters: PostFilters
) -> tuple[_Listing, dict[str, Any]]:
    params: dict[str, Any] = {"viewer_id": viewer.user_id if viewer else None}
    if filters.get("tag"):
        params["tag"] = normalize_tag(str(filters["tag"]))
    for name in ("author", "favorited_by"):
        if filters.get(name):
            params[name] = str(filters[name]).lower()
    listing = _Listing(
        _kind(viewer),
        PUBLISHED if feed_of else filters.get("status") or None,
        tag="tag" in params,
        author="author" in params,
        favorited_by="favorited_by" in params,
        feed=feed_of is not None,
    )
    return listing, params


@functools.cache
def _filtered(listing: _Listing) -> Select[BlogPost]:
    """The posts a listing of this shape shows (its filter, no order), with parameters for the
    reader's id and the filters' values."""
    query = select(BlogPost).where(_visible(listing.kind, listing.status))
    if listing.tag:
        query = query.where(
            select(BlogPostTag.post_id)
            .where(BlogPostTag.post_id == BlogPost.id, BlogPostTag.tag == bindparam("tag"))
            .exists()
        )
    if listing.author:
        query = query.where(
            BlogPost.author_id.in_(
                select(BlogProfile.user_id).where(BlogProfile.username_key == bindparam("author"))
            )
        )
    if listing.favorited_by:
        query = query.where(
            BlogPost.id.in_(
                select(BlogFavorite.post_id)
                .join(BlogProfile, BlogProfile.user_id == BlogFavorite.user_id)
                .where(BlogProfile.username_key == bindparam("favorited_by"))
            )
        )
    if listing.feed:
        query = query.where(
            BlogPost.author_id.in_(
                select(BlogFollow.followee_id).where(BlogFollow.follower_id == _VIEWER_ID)
            ),
        )
    return query


def post_query(
    viewer: Actor | None,
    *,
    feed_of: uuid.UUID | None = None,
    **filters: Unpack[PostFilters],
) -> Select[BlogPost]:
    """The posts `viewer` may see, filtered, with its values bound (for EXPLAIN in tests)."""
    listing, params = _listing(viewer, feed_of, filters)
    return _filtered(listing).params(params)


@functools.cache
def _keyset(listing: _Listing, after: bool) -> CompiledSelect:
    """A keyset page of the listing: `limit` posts after the cursor's (`after_at`, `after_id`)."""
    query = _filtered(listing)
    if after:
        position = (
            bindparam("after_at", type_=BlogPost.created_at.type),
            bindparam("after_id", type_=BlogPost.id.type),
        )
        query = query.where(tuple_(BlogPost.created_at, BlogPost.id) < tuple_(*position))
    picked = query.order_by(*_NEWEST_FIRST).limit(_LIMIT)
    return CompiledSelect(flagged_page(picked, flags=listing.kind != ANONYMOUS))


_CURSOR_PARSERS = (parse_datetime, uuid.UUID)


def _keyset_page(
    session: Session,
    viewer: Actor | None,
    *,
    feed_of: uuid.UUID | None = None,
    limit: int,
    cursor: str | None,
    filters: PostFilters,
) -> Page[PostView]:
    listing, params = _listing(viewer, feed_of, filters)
    params["limit"] = limit + 1
    if cursor:
        params["after_at"], params["after_id"] = decode_cursor(
            cursor, "blog-posts", _CURSOR_PARSERS
        )
    views = _read(session, _keyset(listing, bool(cursor)), params, flags=viewer is not None)
    return page_of(views, limit, "blog-posts", _position)


def _position(view: PostView) -> tuple[Any, ...]:
    return view.post.created_at, view.post.id


def list_posts(
    session: Session,
    viewer: Actor | None,
    *,
    limit: int = 20,
    cursor: str | None = None,
    **filters: Unpack[PostFilters],
) -> Page[PostView]:
    """Visible posts filtered as `_filtered` does, newest first (ties by id), one keyset page in
    a constant number of queries."""
    return _keyset_page(session, viewer, limit=limit, cursor=cursor, filters=filters)


@functools.cache
def _offset(listing: _Listing, with_body: bool) -> CompiledSelect:
    """A limit/offset page of the listing, without HTML (and body unless `with_body`)."""
    picked = _filtered(listing).order_by(*_NEWEST_FIRST).limit(_LIMIT)
    picked = picked.offset(bindparam("offset", type_=Integer))
    page = flagged_page(picked, flags=listing.kind != ANONYMOUS, body=with_body, html=False)
    return CompiledSelect(page)


def list_posts_offset(
    session: Session,
    viewer: Actor | None,
    *,
    limit: int = 20,
    offset: int = 0,
    feed: bool = False,
    with_body: bool = False,
    **filters: Unpack[PostFilters],
) -> tuple[list[PostView], int]:
    """The same listing by limit/offset, with the total count (the Conduit facade's shape); its
    posts come without HTML, and without body unless `with_body` (CONDUIT_LIST_BODIES)."""
    feed_of = viewer.user_id if feed and viewer else None
    listing, params = _listing(viewer, feed_of, filters)
    total = _total(session, listing, params)
    params |= {"limit": limit, "offset": offset}
    statement = _offset(listing, with_body)
    flags = viewer is not None
    return _read(session, statement, params, flags=flags, body=with_body, html=False), total


def _total(session: Session, listing: _Listing, params: dict[str, Any]) -> int:
    """How many posts the listing shows: a maintained count when one holds the answer, else a
    count(*) under the listing's own WHERE (one filter, no subquery, on an index)."""
    rows = _total_of(listing).rows(session, params)
    return int(rows[0][0] or 0) if rows else 0


#: The reads of services/blog/counts.py's rows that count a listing of published posts narrowed
#: by nothing, the followed authors, one author or one tag (its values bound as the listing's).
_ALL_PUBLISHED = CompiledSelect(select(func.sum(BlogProfile.posts_count)))
_OF_FOLLOWED = CompiledSelect(
    select(func.sum(BlogProfile.posts_count)).where(
        BlogProfile.user_id.in_(
            select(BlogFollow.followee_id).where(BlogFollow.follower_id == _VIEWER_ID)
        )
    )
)
_OF_AUTHOR = CompiledSelect(
    select(BlogProfile.posts_count).where(BlogProfile.username_key == bindparam("author"))
)
_OF_TAG = CompiledSelect(select(BlogTag.posts_count).where(BlogTag.tag == bindparam("tag")))


@functools.cache
def _total_of(listing: _Listing) -> CompiledSelect:
    """The statement that counts a listing of this shape: a maintained count's read when one
    holds the answer (published posts only), else `count(*)` under the listing's WHERE."""
    narrowed = (listing.tag, listing.author, listing.favorited_by)
    if listing.status == PUBLISHED:
        if listing.feed:
            if not any(narrowed):
                return _OF_FOLLOWED
        elif not any(narrowed):
            return _ALL_PUBLISHED
        elif narrowed == (False, True, False):
            return _OF_AUTHOR
        elif narrowed == (True, False, False):
            return _OF_TAG
    whereclause = _filtered(listing).whereclause
    counted = select(func.count()).select_from(BlogPost)
    return CompiledSelect(counted if whereclause is None else counted.where(whereclause))


def list_feed(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[PostView]:
    """Published posts of the authors the caller follows, newest first."""
    return _keyset_page(
        session, actor, feed_of=actor.user_id, limit=limit, cursor=cursor, filters={}
    )
