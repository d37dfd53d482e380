"""Favorites: one row per (post, user), beside a counter on the post moved by atomic increments,
so concurrent favorites are all counted exactly once and repeating one is a no-op.

Favoriting and unfavoriting lock the post row first, as deleting it does: with the favorite row
written first, a concurrent delete (post locked, then its favorites) and the counter's update
(favorite, then post) took the two locks in opposite orders, and PostgreSQL broke the deadlock
with a 500. Now the second to come waits, and finds the post gone (404) or still there."""

from __future__ import annotations

from sqlalchemy import delete, update
from sqlalchemy.orm import Session

from core.db import utcnow
from core.rows import insert_ignoring_duplicates
from core.security import Actor
from db.models.blog import BlogFavorite, BlogPost
from services.blog.posts import PostView, load_post, load_published, post_view
from services.blog.profiles import ensure_profile, followed_among


def favorite_post(session: Session, actor: Actor, *, slug: str) -> PostView:
    """Favorites a published post once; the counter moves by an atomic increment."""
    post = load_published(session, actor, slug, lock=True)
    ensure_profile(session, user_id=actor.user_id)
    if insert_ignoring_duplicates(
        session, BlogFavorite, post_id=post.id, user_id=actor.user_id, created_at=utcnow()
    ):
        _add_to_count(session, post, 1)
    return post_view(post, favorited=True, following=_follows(session, actor, post))


def unfavorite_post(session: Session, actor: Actor, *, slug: str) -> PostView:
    """Removes a favorite (idempotent); the counter moves only if a row went away."""
    post = load_post(session, actor, slug, lock=True)
    removed = session.execute(
        delete(BlogFavorite)
        .where(BlogFavorite.post_id == post.id, BlogFavorite.user_id == actor.user_id)
        .returning(BlogFavorite.post_id)
    ).first()
    if removed is not None:
        _add_to_count(session, post, -1)
    return post_view(post, favorited=False, following=_follows(session, actor, post))


def _add_to_count(session: Session, post: BlogPost, delta: int) -> None:
    session.execute(
        update(BlogPost)
        .where(BlogPost.id == post.id)
        .values(favorites_count=BlogPost.favorites_count + delta)
        .execution_options(synchronize_session=False)
    )
    session.refresh(post, ["favorites_count"])


def _follows(session: Session, actor: Actor, post: BlogPost) -> bool:
    return post.author_id in followed_among(session, actor, [post.author_id])
