from __future__ import annotations

import time
import uuid
from datetime import UTC, datetime
from typing import Any

import anyio.to_thread
from starlette.types import Receive, Scope, Send

from core.connexion_app import json_answer_body
from core.db import transaction
from core.http import client_address, header
from core.problems import CONDUIT_PREFIX
from core.security import Actor, current_actor, optional_actor
from core.settings import get_settings
from core.wire import NoContent
from handlers import blog as blog_api
from handlers._kept import (
    CONDUIT_CREDENTIALS,
    NO_FLAGS,
    Flags,
    Ids,
    KeptResponse,
    Read,
    flagged,
    kept_response,
    send_kept,
    shared_read,
)
from handlers._wire import password_login, post_text_json, profile_json
from services import blog, conduit
from services.blog.kept import KEPT


def _timestamp(value: datetime) -> str:
    # RealWorld clients expect milliseconds and a Z offset: 2016-02-18T03:22:56.637Z. Reads give
    # UTC already (core.db.UTCDateTime); isoformat ends in "+00:00" then.
    if value.tzinfo is not UTC:
        value = value.astimezone(UTC)
    return value.isoformat(timespec="milliseconds")[:-6] + "Z"


def _user_json(signed_in: conduit.ConduitUser) -> dict[str, Any]:
    profile = signed_in.profile
    return {
        "user": {
            "email": signed_in.user.email,
            "token": signed_in.token,
            "username": profile.username,
            "bio": profile.bio,
            "image": blog.shown_image(profile.image),
        }
    }


def _article_json(view: blog.PostView, *, with_body: bool = True) -> dict[str, Any]:
    post = view.post
    return {
        **post_text_json(post, with_body=with_body),
        "tagList": view.tags,
        "createdAt": _timestamp(post.created_at),
        "updatedAt": _timestamp(post.updated_at),
        "favorited": view.favorited,
        "favoritesCount": post.favorites_count,
        "author": profile_json(post.author, view.following),
    }


def _comment_json(view: blog.CommentView) -> dict[str, Any]:
    comment = view.comment
    return {
        "id": comment.id,
        "createdAt": _timestamp(comment.created_at),
        "updatedAt": _timestamp(comment.updated_at),
        "body": comment.body,
        "author": profile_json(comment.author, view.following),
    }


def conduit_login(body: dict[str, Any]) -> dict[str, Any]:
    # Writes: a login may rehash the password and create the blog profile.
    with transaction(write=True) as session:
        return _user_json(conduit.log_in(session, login=password_login(body["user"])))


def conduit_create_user(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    new = body["user"]
    with transaction(write=True) as session:
        signed_in = conduit.register(
            session,
            username=new["username"],
            email=new["email"],
            password=new["password"],
            client_address=client_address(),
        )
        return _user_json(signed_in), 201


def _presented_token() -> str:
    # The credential the security check accepted: `Authorization: Token <jwt>` (or Bearer).
    return (header("Authorization") or "").partition(" ")[2].strip()


def conduit_get_current_user() -> dict[str, Any]:
    # Writes: the user's blog profile is created on first read.
    with transaction(write=True) as session:
        signed_in = conduit.current_user(session, current_actor(), token=_presented_token())
        return _user_json(signed_in)


def conduit_update_current_user(body: dict[str, Any]) -> dict[str, Any]:
    with transaction(write=True) as session:
        signed_in = conduit.update_user(
            session, current_actor(), token=_presented_token(), changes=body["user"]
        )
        return _user_json(signed_in)


# A Conduit profile is the blog's profile answer under a `profile` key.
def conduit_get_profile(username: str) -> dict[str, Any]:
    return {"profile": blog_api.get_profile(username)}


def conduit_follow_profile(username: str) -> dict[str, Any]:
    return {"profile": blog_api.follow_profile(username)}


def conduit_unfollow_profile(username: str) -> dict[str, Any]:
    return {"profile": blog_api.unfollow_profile(username)}


def _flag_articles(
    body: dict[str, Any], post_ids: tuple[uuid.UUID, ...], flags: Flags
) -> dict[str, Any]:
    if "article" in body:
        return {"article": flagged(body["article"], flags.get(post_ids[0], NO_FLAGS))}
    pairs = zip(body["articles"], post_ids, strict=True)
    return {**body, "articles": [flagged(shown, flags.get(id_, NO_FLAGS)) for shown, id_ in pairs]}


def _article_list(limit: int, offset: int, **filters: Any) -> Read:
    def read(session: Any, viewer: Actor | None) -> tuple[dict[str, Any], dict[str, str], Ids]:
        with_body = get_settings().conduit_list_bodies
        views, total = blog.list_posts_offset(
            session, viewer, limit=limit, offset=offset, with_body=with_body, **filters
        )
        articles = [_article_json(view, with_body=with_body) for view in views]
        ids = tuple(view.post.id for view in views)
        return {"articles": articles, "articlesCount": total}, {}, ids

    return read


def conduit_get_feed(limit: int = 20, offset: int = 0) -> dict[str, Any]:
    # The reader's own listing: nothing in it is shared with other readers.
    read = _article_list(limit, offset, feed=True, status=blog.PUBLISHED)
    with transaction(write=False) as session:
        return read(session, current_actor())[0]


def conduit_list_articles(
    tag: str | None = None,
    author: str | None = None,
    favorited: str | None = None,
    limit: int = 20,
    offset: int = 0,
) -> dict[str, Any]:
    filters = {"tag": tag, "author": author, "favorited_by": favorited}
    read = _article_list(limit, offset, **filters, status=blog.PUBLISHED)
    return shared_read(optional_actor(), read, _flag_articles)[0]


def _post_fields(article: dict[str, Any]) -> dict[str, Any]:
    # Conduit calls a post's tags `tagList`; the other fields it sends keep their names.
    fields: dict[str, Any] = {
        k: article[k] for k in ("title", "description", "body") if k in article
    }
    if "tagList" in article:
        fields["tags"] = article["tagList"]
    return fields


def conduit_create_article(body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    fields = _post_fields(body["article"])
    with transaction(write=True) as session:
        view = blog.create_post(session, current_actor(), **fields, status=blog.PUBLISHED)
        return {"article": _article_json(view)}, 201


def conduit_get_article(slug: str) -> dict[str, Any]:
    def read(session: Any, viewer: Actor | None) -> tuple[dict[str, Any], dict[str, str], Ids]:
        view = blog.get_post(session, viewer, slug=slug)
        return {"article": _article_json(view)}, {}, (view.post.id,)

    return shared_read(optional_actor(), read, _flag_articles)[0]


def conduit_update_article(slug: str, body: dict[str, Any]) -> dict[str, Any]:
    changes = _post_fields(body["article"])
    with transaction(write=True) as session:
        view = blog.update_post(session, current_actor(), slug=slug, changes=changes)
        return {"article": _article_json(view)}


def conduit_delete_article(slug: str) -> NoContent:
    return blog_api.delete_post(slug)


def conduit_list_comments(slug: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = blog.list_comments(session, optional_actor(), slug=slug, limit=100)
        return {"comments": [_comment_json(view) for view in page.items]}


def conduit_create_comment(slug: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    with transaction(write=True) as session:
        view = blog.add_comment(session, current_actor(), slug=slug, body=body["comment"]["body"])
        return {"comment": _comment_json(view)}, 201


def conduit_delete_comment(slug: str, id: int) -> NoContent:
    with transaction(write=True) as session:
        conduit.delete_comment(session, current_actor(), slug=slug, comment_id=id)
    return None, 204


def conduit_favorite_article(slug: str) -> dict[str, Any]:
    with transaction(write=True) as session:
        return {"article": _article_json(blog.favorite_post(session, current_actor(), slug=slug))}


def conduit_unfavorite_article(slug: str) -> dict[str, Any]:
    with transaction(write=True) as session:
        return {"article": _article_json(blog.unfavorite_post(session, current_actor(), slug=slug))}


def conduit_list_tags() -> dict[str, Any]:
    with transaction(write=False) as session:
        page = blog.list_tags(session, limit=100)
        return {"tags": [item.tag for item in page.items]}


_TAGS_PATH = CONDUIT_PREFIX + "/tags"
#: The tags answer's key among the kept answers (a raw path and query, as
#: `handlers._kept.anonymous_key` makes them).
_TAGS_KEY = _TAGS_PATH.encode() + b"?"
_ARTICLES_PATH = CONDUIT_PREFIX + "/articles"


def _tags_body() -> bytes:
    return json_answer_body(conduit_list_tags())


async def conduit_list_tags_fast(scope: Scope, _receive: Receive, send: Send) -> bool:
    """`x-fast-path` of conduitListTags (core.app.fast_paths): a plain GET is answered here with
    the bytes conduit_list_tags answers, kept per process while no post, tag, favorite or
    profile changed in any process (services/blog/kept.py), without Connexion's layers or a
    thread hop. A request with a
    query string (a 422 by the contract) is left to the handler, and so is every request while
    the answer may not be kept (no Redis, the fan-out not connected)."""
    if scope["method"] != "GET" or scope["path"] != _TAGS_PATH or scope.get("query_string"):
        return False
    key = _TAGS_KEY
    KEPT.follow()
    kept = KEPT.cached(key)
    if kept is None:
        since = KEPT.generation()
        if since is None:
            return False
        read_at = time.monotonic()
        kept = KeptResponse(await anyio.to_thread.run_sync(_tags_body))
        KEPT.store(key, kept, since=since, read_at=read_at)
    await send_kept(scope, send, "conduitListTags", kept)
    return True


async def conduit_articles_fast(scope: Scope, _receive: Receive, send: Send) -> bool:
    """`x-fast-path` of conduitListArticles and conduitGetArticle: an anonymous GET that the
    handler answered before, with the same path and query string, gets that answer's bytes while
    no post, tag, favorite or profile changed in any process since (services/blog/kept.py);
    everything else (a token, a first request, a change since) goes to the handler."""
    kept = kept_response(scope, CONDUIT_CREDENTIALS)
    if kept is None:
        return False
    operation = "conduitListArticles" if scope["path"] == _ARTICLES_PATH else "conduitGetArticle"
    await send_kept(scope, send, operation, kept)
    return True
