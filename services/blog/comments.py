"""Comments on published posts: read by whoever sees the post, oldest first; deleted by their
author, the post's author or an admin. Ids are integers that are never handed out again. A
comment notifies the post's author (services.notifications), unless they wrote it."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.errors import NotFound
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404
from core.security import Actor
from db.models.blog import BlogComment as BlogComment  # re-exported for handlers
from services import notifications
from services.blog.posts import BlogForbidden, load_post, load_published
from services.blog.profiles import ensure_profile, followed_among


class CommentNotFound(NotFound, type="/problems/blog/comment-not-found"): ...


@dataclass(frozen=True)
class CommentView:
    comment: BlogComment
    post_slug: str
    following: bool


def list_comments(
    session: Session,
    viewer: Actor | None,
    *,
    slug: str,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[CommentView]:
    """Comments of a visible post, oldest first."""
    post = load_post(session, viewer, slug)
    page = paginate_by_creation(
        session,
        select(BlogComment).where(BlogComment.post_id == post.id),
        kind="blog-comments",
        limit=limit,
        cursor=cursor,
        newest_first=False,
    )
    followed = followed_among(session, viewer, [comment.author_id for comment in page.items])
    items = [CommentView(c, post.slug, c.author_id in followed) for c in page.items]
    return Page(items, page.next)


def add_comment(session: Session, actor: Actor, *, slug: str, body: str) -> CommentView:
    """Comments on a published post (kept from being deleted until the comment is in)."""
    post = load_published(session, actor, slug, share=True)
    author = ensure_profile(session, user_id=actor.user_id)
    comment = BlogComment(post_id=post.id, author_id=author.user_id, body=body)
    session.add(comment)
    session.flush()
    comment.author = author
    if post.author_id != actor.user_id:
        notifications.notify(
            session,
            user_id=post.author_id,
            kind="blog.comment_on_my_post",
            subject=f'{author.username} commented on your post "{post.title}"',
            payload={
                "post_slug": post.slug,
                "post_title": post.title,
                "comment_id": comment.id,
                "commenter": author.username,
            },
        )
    return CommentView(comment, post.slug, following=False)


def delete_comment(session: Session, actor: Actor, *, slug: str, comment_id: int) -> None:
    """Deletes a comment: its author, the post's author or an admin."""
    post = load_post(session, actor, slug)
    comment = get_or_404(
        session,
        BlogComment,
        comment_id,
        where=BlogComment.post_id == post.id,
        missing=CommentNotFound("No such comment on this post."),
    )
    if not (actor.is_admin or actor.user_id in (comment.author_id, post.author_id)):
        raise BlogForbidden(
            "Only the comment's author, the post's author or an admin may delete it."
        )
    session.delete(comment)
    session.flush()
