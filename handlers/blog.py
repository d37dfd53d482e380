from __future__ import annotations

from typing import Any

from starlette.types import Receive, Scope, Send

from core.db import transaction
from core.http import iso
from core.idempotency import idempotent
from core.security import Actor, current_actor, optional_actor
from core.wire import API_PREFIX, Answer, NoContent, created, page_json, with_etag
from handlers._kept import (
    API_CREDENTIALS,
    NO_FLAGS,
    Flags,
    Ids,
    Keeping,
    flagged,
    kept_response,
    send_kept,
    shared_read,
)
from handlers._versioned import change_under_if_match
from handlers._wire import post_text_json, profile_json
from services import blog


def _profile_json(view: blog.ProfileView) -> dict[str, Any]:
    return profile_json(view.profile, view.following)


def _post_json(view: blog.PostView) -> dict[str, Any]:
    post = view.post
    return {
        **post_text_json(post),
        "html": post.html,
        "tags": view.tags,
        "status": post.status,
        "published_at": iso(post.published_at),
        "created_at": post.created_at.isoformat(),
        "updated_at": post.updated_at.isoformat(),
        "author": profile_json(post.author, view.following),
        "favorited": view.favorited,
        "favorites_count": post.favorites_count,
    }


def _comment_json(view: blog.CommentView) -> dict[str, Any]:
    comment = view.comment
    return {
        "id": comment.id,
        "post_slug": view.post_slug,
        "body": comment.body,
        "author": profile_json(comment.author, view.following),
        "created_at": comment.created_at.isoformat(),
        "updated_at": comment.updated_at.isoformat(),
    }


def _tag_json(item: blog.TagCount) -> dict[str, Any]:
    return {"tag": item.tag, "count": item.count}


def _flag_items(body: dict[str, Any], post_ids: Ids, flags: Flags) -> dict[str, Any]:
    pairs = zip(body["items"], post_ids, strict=True)
    return {**body, "items": [flagged(shown, flags.get(id_, NO_FLAGS)) for shown, id_ in pairs]}


def _flag_post(body: dict[str, Any], post_ids: Ids, flags: Flags) -> dict[str, Any]:
    return flagged(body, flags.get(post_ids[0], NO_FLAGS))


def list_posts(
    tag: str | None = None,
    author: str | None = None,
    favorited_by: str | None = None,
    status: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    filters = {"tag": tag, "author": author, "favorited_by": favorited_by, "status": status}
    viewer = optional_actor()

    def read(session: Any, reader: Actor | None) -> tuple[dict[str, Any], dict[str, str], Ids]:
        page = blog.list_posts(session, reader, **filters, limit=limit, cursor=cursor)
        return page_json(page, _post_json), {}, tuple(view.post.id for view in page.items)

    if status not in (None, blog.PUBLISHED):  # drafts: a reader's own (or an admin's) only
        with transaction(write=False) as session:
            return read(session, viewer)[0]
    drafts_shown = status is None  # a member's own drafts are listed beside published posts
    return shared_read(viewer, read, _flag_items, drafts_shown=drafts_shown)[0]


def _post_with_etag(view: blog.PostView) -> Answer:
    return with_etag(_post_json(view), view.post.version)


@idempotent
def create_post(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        view = blog.create_post(session, current_actor(), **body)
        return created(_post_json(view), view.post.version, "blog", "posts", view.post.slug)


def get_post(slug: str) -> Answer:
    def read(session: Any, reader: Actor | None) -> tuple[dict[str, Any], dict[str, str], Ids]:
        view = blog.get_post(session, reader, slug=slug)
        body, _, headers = with_etag(_post_json(view), view.post.version)
        return body, headers, (view.post.id,)

    body, headers = shared_read(optional_actor(), read, _flag_post)
    return body, 200, headers


def update_post(slug: str, body: dict[str, Any]) -> Answer:
    return change_under_if_match(blog.update_post, _post_with_etag, slug=slug, changes=body)


def delete_post(slug: str) -> NoContent:
    with transaction(write=True) as session:
        blog.delete_post(session, current_actor(), slug=slug)
    return None, 204


def favorite_post(slug: str) -> dict[str, Any]:
    with transaction(write=True) as session:
        return _post_json(blog.favorite_post(session, current_actor(), slug=slug))


def unfavorite_post(slug: str) -> dict[str, Any]:
    with transaction(write=True) as session:
        return _post_json(blog.unfavorite_post(session, current_actor(), slug=slug))


def list_comments(slug: str, limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = blog.list_comments(session, optional_actor(), slug=slug, limit=limit, cursor=cursor)
        return page_json(page, _comment_json)


def create_comment(slug: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    with transaction(write=True) as session:
        view = blog.add_comment(session, current_actor(), slug=slug, body=body["body"])
        return _comment_json(view), 201


def delete_comment(slug: str, comment_id: int) -> NoContent:
    with transaction(write=True) as session:
        blog.delete_comment(session, current_actor(), slug=slug, comment_id=comment_id)
    return None, 204


def list_tags(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    keeping = Keeping(API_CREDENTIALS, anonymous=optional_actor() is None)
    with transaction(write=False) as session:
        answer = page_json(blog.list_tags(session, limit=limit, cursor=cursor), _tag_json)
    keeping.keep(answer)
    return answer


_POSTS_PATH = API_PREFIX + "/blog/posts"
_TAGS_PATH = API_PREFIX + "/blog/tags"


async def blog_reads_fast(scope: Scope, _receive: Receive, send: Send) -> bool:
    """`x-fast-path` of listPosts, getPost and listTags: an anonymous GET (no bearer token, API
    key or cookie) that the handler answered before, with the same path and query string, gets
    that answer's bytes and headers (a post's ETag) while no post, tag, favorite or profile
    changed in any process since (services/blog/kept.py, handlers/_kept.py); everything else
    goes to the handler."""
    kept = kept_response(scope, API_CREDENTIALS)
    if kept is None:
        return False
    path = scope["path"]
    operation = (
        "listPosts" if path == _POSTS_PATH else "listTags" if path == _TAGS_PATH else "getPost"
    )
    await send_kept(scope, send, operation, kept)
    return True


def list_feed(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = blog.list_feed(session, current_actor(), limit=limit, cursor=cursor)
        return page_json(page, _post_json)


def get_my_profile() -> dict[str, Any]:
    # Writes: the caller's profile is created on first read.
    with transaction(write=True) as session:
        return _profile_json(blog.get_my_profile(session, current_actor()))


def update_my_profile(body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        return _profile_json(blog.update_my_profile(session, current_actor(), changes=body))


def get_profile(username: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        return _profile_json(blog.get_profile(session, optional_actor(), username=username))


def follow_profile(username: str) -> dict[str, Any]:
    with transaction(write=True) as session:
        return _profile_json(blog.follow_profile(session, current_actor(), username=username))


def unfollow_profile(username: str) -> dict[str, Any]:
    with transaction(write=True) as session:
        return _profile_json(blog.unfollow_profile(session, current_actor(), username=username))
