from __future__ import annotations

from typing import Any

from core.concurrency import etag
from core.db import transaction
from core.http import header, iso
from core.idempotency import idempotent
from core.security import current_actor, optional_actor
from services import blog

Answer = tuple[dict[str, Any], int, dict[str, str]]


def _profile_json(profile: Any, following: bool) -> dict[str, Any]:
    return {
        "username": profile.username,
        "bio": profile.bio,
        "image": profile.image,
        "following": following,
    }


def _post_json(view: blog.PostView) -> dict[str, Any]:
    post = view.post
    return {
        "slug": post.slug,
        "title": post.title,
        "description": post.description,
        "body": post.body,
        "html": post.html,
        "tags": [tag.tag for tag in post.tags],
        "status": post.status,
        "published_at": iso(post.published_at),
        "created_at": post.created_at.isoformat(),
        "updated_at": post.updated_at.isoformat(),
        "author": _profile_json(post.author, view.following),
        "favorited": view.favorited,
        "favorites_count": post.favorites_count,
    }


def _with_etag(view: blog.PostView, status: int = 200) -> Answer:
    return _post_json(view), status, {"ETag": etag(view.post.version)}


def _comment_json(view: blog.CommentView) -> dict[str, Any]:
    comment = view.comment
    return {
        "id": comment.id,
        "post_slug": view.post_slug,
        "body": comment.body,
        "author": _profile_json(comment.author, view.following),
        "created_at": comment.created_at.isoformat(),
        "updated_at": comment.updated_at.isoformat(),
    }


def _posts_json(page: Any) -> dict[str, Any]:
    return {"items": [_post_json(view) for view in page.items], "next": page.next}


def list_posts(
    tag: str | None = None,
    author: str | None = None,
    favorited_by: str | None = None,
    status: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction() as session:
        page = blog.list_posts(
            session,
            optional_actor(),
            tag=tag,
            author=author,
            favorited_by=favorited_by,
            status=status,
            limit=limit,
            cursor=cursor,
        )
        return _posts_json(page)


@idempotent
def create_post(body: dict[str, Any]) -> Answer:
    with transaction() as session:
        view = blog.create_post(session, current_actor(), **body)
        data, status, headers = _with_etag(view, 201)
        return data, status, {**headers, "Location": f"/api/v1/blog/posts/{view.post.slug}"}


def get_post(slug: str) -> Answer:
    with transaction() as session:
        return _with_etag(blog.get_post(session, optional_actor(), slug=slug))


def update_post(slug: str, body: dict[str, Any]) -> Answer:
    with transaction() as session:
        view = blog.update_post(
            session, current_actor(), slug=slug, changes=body, if_match=header("If-Match")
        )
        return _with_etag(view)


def delete_post(slug: str) -> tuple[None, int]:
    with transaction() as session:
        blog.delete_post(session, current_actor(), slug=slug)
    return None, 204


def favorite_post(slug: str) -> dict[str, Any]:
    with transaction() as session:
        return _post_json(blog.favorite_post(session, current_actor(), slug=slug))


def unfavorite_post(slug: str) -> dict[str, Any]:
    with transaction() as session:
        return _post_json(blog.unfavorite_post(session, current_actor(), slug=slug))


def list_comments(slug: str, limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction() as session:
        page = blog.list_comments(session, optional_actor(), slug=slug, limit=limit, cursor=cursor)
        return {"items": [_comment_json(view) for view in page.items], "next": page.next}


def create_comment(slug: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    with transaction() as session:
        view = blog.add_comment(session, current_actor(), slug=slug, body=body["body"])
        return _comment_json(view), 201


def delete_comment(slug: str, comment_id: int) -> tuple[None, int]:
    with transaction() as session:
        blog.delete_comment(session, current_actor(), slug=slug, comment_id=comment_id)
    return None, 204


def list_tags(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction() as session:
        page = blog.list_tags(session, limit=limit, cursor=cursor)
        items = [{"tag": item.tag, "count": item.count} for item in page.items]
        return {"items": items, "next": page.next}


def list_feed(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction() as session:
        return _posts_json(blog.list_feed(session, current_actor(), limit=limit, cursor=cursor))


def get_my_profile() -> dict[str, Any]:
    with transaction() as session:
        view = blog.get_my_profile(session, current_actor())
        return _profile_json(view.profile, view.following)


def update_my_profile(body: dict[str, Any]) -> dict[str, Any]:
    with transaction() as session:
        view = blog.update_my_profile(session, current_actor(), changes=body)
        return _profile_json(view.profile, view.following)


def get_profile(username: str) -> dict[str, Any]:
    with transaction() as session:
        view = blog.get_profile(session, optional_actor(), username=username)
        return _profile_json(view.profile, view.following)


def follow_profile(username: str) -> dict[str, Any]:
    with transaction() as session:
        view = blog.follow_profile(session, current_actor(), username=username)
        return _profile_json(view.profile, view.following)


def unfollow_profile(username: str) -> dict[str, Any]:
    with transaction() as session:
        view = blog.unfollow_profile(session, current_actor(), username=username)
        return _profile_json(view.profile, view.following)
