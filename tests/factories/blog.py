from __future__ import annotations

from typing import Any

from core.db import transaction
from db.models.blog import BlogComment
from db.models.identity import User
from services import blog
from tests.factories.identity import actor_of


def make_post(
    author: User,
    *,
    title: str = "How to train your dragon",
    status: str = "PUBLISHED",
    **fields: Any,
) -> blog.PostRecord:
    with transaction(write=True) as session:
        return blog.create_post(
            session, actor_of(author), title=title, status=status, **fields
        ).post


def username_of(user: User) -> str:
    with transaction(write=True) as session:
        return blog.ensure_profile(session, user_id=user.id).username


def favorite(user: User, post: blog.PostRecord) -> None:
    with transaction(write=True) as session:
        blog.favorite_post(session, actor_of(user), slug=post.slug)


def follow(follower: User, followee: User) -> None:
    username = username_of(followee)
    with transaction(write=True) as session:
        blog.follow_profile(session, actor_of(follower), username=username)


def make_comment(author: User, post: blog.PostRecord, *, body: str = "Nice post.") -> BlogComment:
    with transaction(write=True) as session:
        return blog.add_comment(session, actor_of(author), slug=post.slug, body=body).comment
