"""Blog posts: Markdown articles with tags, drafts visible to their author only.

A post's slug is derived from its title at creation (`-2`, `-3`... on collision, never rejected)
and never changes. A DRAFT is visible to its author and admins only (anyone else gets 404, as for
a missing post); only the author or an admin changes a post (403 for others). Per-viewer flags
(`favorited`, `following`) are filled in for a whole page with one statement each, so a page's
cost does not grow with its size. The list query is built once (`post_query`) and served as
keyset pages (main API) or limit/offset with a total (the Conduit facade, whose lists leave each
post's body out: the RealWorld specification dropped it from lists in 2024, and loading text no
list shows made those pages cost more with every post's length).
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, TypedDict, Unpack

from sqlalchemy import ColumnElement, Select, func, or_, select, true
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, defer

from core.concurrency import versioned_write
from core.db import utcnow
from core.errors import Conflict, Forbidden, NotFound, RuleViolated
from core.pagination import Page, paginate_by_creation
from core.rows import assign
from core.security import Actor
from core.slugs import first_free, normalize_tag, normalize_tags, slugify
from db.models.blog import BlogFavorite, BlogFollow, BlogPostTag, BlogProfile
from db.models.blog import BlogPost as BlogPost  # re-exported for handlers
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


@dataclass(frozen=True)
class PostView:
    post: BlogPost
    favorited: bool
    following: bool


def _visible(viewer: Actor | None) -> ColumnElement[bool]:
    if viewer is None:
        return BlogPost.status == PUBLISHED
    if viewer.is_admin:
        return true()
    return or_(BlogPost.status == PUBLISHED, BlogPost.author_id == viewer.user_id)


def load_post(
    session: Session, viewer: Actor | None, slug: str, *, lock: bool = False, share: bool = False
) -> BlogPost:
    """A post the viewer may see, else PostNotFound (a draft of someone else's looks missing).

    `lock` takes the row for a change (FOR UPDATE); `share` only keeps it from being deleted
    meanwhile (FOR KEY SHARE: rows that point at it, comments, can be added side by side). Either
    way a concurrent delete is waited for, and then the post is not found."""
    query = select(BlogPost).where(BlogPost.slug == slug, _visible(viewer))
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
    return [PostView(post, post.id in favorited, post.author_id in followed) for post in posts]


def _free_slug(session: Session, base: str) -> str:
    taken = set(
        session.scalars(
            select(BlogPost.slug).where(
                or_(BlogPost.slug == base, BlogPost.slug.startswith(f"{base}-", autoescape=True))
            )
        )
    )
    return first_free(base, taken.__contains__, max_length=SLUG_MAX + 20)


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
    author = ensure_profile(session, user_id=actor.user_id)
    base = slugify(title, max_length=SLUG_MAX, fallback="post")
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
    return _views(session, viewer, [load_post(session, viewer, slug)])[0]


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
            .where(BlogPostTag.post_id == BlogPost.id, BlogPostTag.tag == normalize_tag(tag))
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
    page = paginate_by_creation(session, query, kind="blog-posts", limit=limit, cursor=cursor)
    return Page(_views(session, viewer, page.items), page.next)


def list_posts(
    session: Session,
    viewer: Actor | None,
    *,
    limit: int = 20,
    cursor: str | None = None,
    **filters: Unpack[PostFilters],
) -> Page[PostView]:
    """Visible posts filtered as `post_query` does, newest first (ties by id), one keyset page in
    a constant number of queries."""
    query = post_query(viewer, **filters)
    return _keyset_page(session, viewer, query, limit=limit, cursor=cursor)


#: Leaves a post's text out of the SELECT; reading it afterwards raises instead of loading each
#: post's text with a query of its own.
_WITHOUT_HTML = (defer(BlogPost.html, raiseload=True),)
_WITHOUT_TEXT = (defer(BlogPost.body, raiseload=True), *_WITHOUT_HTML)


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
    query = post_query(viewer, feed_of=viewer.user_id if feed and viewer else None, **filters)
    total = session.scalar(select(func.count()).select_from(query.subquery())) or 0
    posts = list(
        session.scalars(
            query.options(*(_WITHOUT_HTML if with_body else _WITHOUT_TEXT))
            .order_by(BlogPost.created_at.desc(), BlogPost.id.desc())
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
