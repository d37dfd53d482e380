"""Concurrent clients on the blog, over a live 2-worker server: deleting a post while others
favorite, unfavorite and comment on it ends cleanly for every client (the post is locked first on
each path, so PostgreSQL never meets the two lock orders that deadlocked, nor a comment whose post
went away under it: each was a 500)."""

from __future__ import annotations

import threading
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from functools import partial

import httpx

from db.models.identity import User
from tests.factories.blog import favorite, make_post
from tests.factories.identity import auth_headers, make_user

POSTS = "/api/v1/blog/posts"
ROUNDS = 8
FANS = 5


def _act(
    base: str, slug: str, who: list[User], start: threading.Barrier, n: int
) -> tuple[str, int]:
    """The last client deletes the post (its author); the others comment on it, favorite or
    unfavorite it."""
    with httpx.Client(base_url=base, timeout=30) as http:
        headers = auth_headers(who[n])
        url = f"{POSTS}/{slug}" if n == FANS else f"{POSTS}/{slug}/favorite"
        start.wait(timeout=60)
        if n == FANS:
            return "delete", http.delete(url, headers=headers).status_code
        if n == 0:
            comments = f"{POSTS}/{slug}/comments"
            return "comment", http.post(comments, json={"body": "Hi"}, headers=headers).status_code
        if n % 2:
            return "favorite", http.put(url, headers=headers).status_code
        return "unfavorite", http.delete(url, headers=headers).status_code


def test_deleting_a_post_while_it_is_favorited_never_fails(live_server):
    author = make_user()
    fans = [make_user() for _ in range(FANS)]
    statuses: Counter[tuple[str, int]] = Counter()
    for _ in range(ROUNDS):
        post = make_post(author)
        for fan in fans[::2]:
            favorite(fan, post)  # some have a favorite to take back
        start = threading.Barrier(1 + FANS)
        with ThreadPoolExecutor(1 + FANS) as pool:
            act = partial(_act, live_server, post.slug, [*fans, author], start)
            statuses.update(pool.map(act, range(1 + FANS)))
    assert statuses[("delete", 204)] == ROUNDS, statuses
    assert {status for _, status in statuses} <= {200, 201, 204, 404}, statuses
