"""The main blog API's reads kept per process (handlers/_kept.py, services/blog/kept.py `KEPT`,
the operations' `x-fast-path`): a kept answer is the handler's, bytes and ETag; a write an
anonymous reader would see shows on the next request; a request with a bearer token, an API key or
a cookie is never answered with the anonymous bytes, and a signed reader gets the kept answer with
its own flags, unless its own drafts could be in it. On SQLite (no Redis) nothing is kept."""

from __future__ import annotations

import pytest

from core.settings import get_settings
from services.blog.kept import KEPT
from tests.factories.blog import favorite, follow, make_post
from tests.factories.identity import auth_headers, make_user

WAIT = 20.0
KEEPS = bool(get_settings().redis_url)
API = "/api/v1/blog"


def _reads(client, statement_counter, path: str, headers: dict[str, str]):  # type: ignore[no-untyped-def]
    with statement_counter() as counted:
        answer = client.get(path, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    # The reader's account check reads identity tables: the blog's reads count.
    return sum("blog_" in sql for sql in counted.selects), answer


def _quiet(client, statement_counter, *requests: tuple[str, dict[str, str]]):  # type: ignore[no-untyped-def]
    """GETs in a row during which no change was heard (the xdist workers share one Redis: another
    worker's change rightly drops the answers here too; such a window is measured again)."""
    for _ in range(10):
        seen = KEPT.heard_count
        KEPT.forget()  # each window starts from nothing kept
        measured = [_reads(client, statement_counter, path, headers) for path, headers in requests]
        if KEPT.heard_count == seen:
            return measured
    pytest.fail("changes kept arriving from other processes")


def _started(client) -> None:  # type: ignore[no-untyped-def]
    client.get(f"{API}/posts")  # the first request starts this process's follower
    if KEEPS:
        assert KEPT.listening_now.wait(WAIT)


@pytest.mark.parametrize("path", ["/posts?limit=20", "/posts/{slug}", "/tags", "/tags?limit=5"])
def test_a_repeated_anonymous_read_is_the_handlers_answer_kept(client, statement_counter, path):
    _started(client)
    post = make_post(make_user(), title="Dragons", tags=["fire"])
    path = API + path.format(slug=post.slug)
    (reads, first), (again_reads, again) = _quiet(client, statement_counter, (path, {}), (path, {}))
    assert again.content == first.content
    assert again.headers.get("etag") == first.headers.get("etag")
    assert ("etag" in first.headers) == ("/posts/" in path)
    assert reads > 0
    assert again_reads == (0 if KEEPS else reads)


def test_what_an_anonymous_reader_sees_changes_on_the_next_request(client):
    _started(client)
    author, reader = make_user(), make_user()
    post = make_post(author, title="Dragons", tags=["fire"])
    one = f"{API}/posts/{post.slug}"

    def shown() -> tuple[dict, dict, str, dict]:  # type: ignore[type-arg]
        single = client.get(one)
        return (
            client.get(f"{API}/posts").json(),
            single.json(),
            single.headers["etag"],
            client.get(f"{API}/tags").json(),
        )

    shown()  # kept from here on
    favorite(reader, post)
    listed, single, etag, tags = shown()
    assert listed["items"][0]["favorites_count"] == single["favorites_count"] == 1
    edited = client.patch(
        one, json={"title": "Wyverns"}, headers={**auth_headers(author), "If-Match": etag}
    )
    assert edited.status_code == 200, edited.text
    listed, single, new_etag, tags = shown()
    assert listed["items"][0]["title"] == single["title"] == "Wyverns"
    assert new_etag == edited.headers["etag"] != etag
    make_post(author, title="Owls", tags=["fire", "night"])
    listed, _, _, tags = shown()
    assert [item["title"] for item in listed["items"]] == ["Owls", "Wyverns"]
    assert {tag["tag"]: tag["count"] for tag in tags["items"]} == {"fire": 2, "night": 1}


def test_a_request_with_credentials_is_never_answered_from_them(client, statement_counter):
    _started(client)
    author, reader = make_user(), make_user()
    post = make_post(author, title="Dragons")
    favorite(reader, post)
    one = f"{API}/posts/{post.slug}"
    for path in (f"{API}/posts", one):
        (_, anonymous), (kept, _) = _quiet(client, statement_counter, (path, {}), (path, {}))
        assert kept == 0 or not KEEPS
        reads, signed = _reads(client, statement_counter, path, auth_headers(reader))
        assert reads > 0 and b'"favorited":true' in signed.content
        assert b'"favorited":false' in anonymous.content
        # A cookie or an API key, valid or not, is for the handler to judge.
        assert client.get(path, headers={"Cookie": "trellis_session=nope"}).status_code == 401
        assert client.get(path, headers={"X-API-Key": "nope"}).status_code == 401
        assert client.get(path, headers={"Authorization": "Bearer nope"}).status_code == 401


def test_a_signed_reader_gets_the_kept_answer_with_its_own_flags(
    client, statement_counter, monkeypatch
):
    _started(client)
    author, other, reader = make_user(), make_user(), make_user()
    first = make_post(author, title="Dragons", tags=["fire"])
    second = make_post(other, title="Owls")
    favorite(reader, first)
    follow(reader, other)
    signed = auth_headers(reader)
    paths = [f"{API}/posts", f"{API}/posts?status=PUBLISHED", f"{API}/posts/{first.slug}"]
    paths.append(f"{API}/posts/{second.slug}")
    # What the reader is answered when nothing is kept: one read with the reader's flags.
    monkeypatch.setenv("BLOG_KEPT_ANSWERS_SECONDS", "0")
    get_settings.cache_clear()
    read = {path: client.get(path, headers=signed) for path in paths}
    monkeypatch.delenv("BLOG_KEPT_ANSWERS_SECONDS")
    get_settings.cache_clear()
    listed = read[paths[0]].json()["items"]
    assert [(p["title"], p["favorited"], p["author"]["following"]) for p in listed] == [
        ("Owls", False, True),
        ("Dragons", True, False),
    ]
    for path in paths:
        window = _quiet(client, statement_counter, (path, {}), (path, signed), (path, signed))
        (_, anonymous), (first_reads, once), (again_reads, again) = window
        assert once.content == again.content == read[path].content, path
        assert once.headers.get("etag") == read[path].headers.get("etag")
        assert anonymous.content != read[path].content
        if KEEPS:  # the reader's flags only (and, once, whether the reader has drafts)
            assert (first_reads, again_reads) == ((2, 1) if path == paths[0] else (1, 1)), path


def test_a_readers_own_drafts_are_listed_whatever_is_kept(client):
    _started(client)
    writer, admin = make_user(), make_user(role="ADMIN")
    make_post(make_user(), title="Public")
    signed = auth_headers(writer)

    def titles(headers: dict[str, str]) -> list[str]:
        return [
            item["title"] for item in client.get(f"{API}/posts", headers=headers).json()["items"]
        ]

    for _ in range(2):  # the second time, what anonymous readers get may be kept
        assert titles({}) == titles(signed) == ["Public"]
    draft = make_post(writer, title="Mine", status="DRAFT")
    for _ in range(2):
        assert titles(signed) == ["Mine", "Public"]
        assert titles({}) == ["Public"]
        assert titles(auth_headers(admin)) == ["Mine", "Public"]
        one = client.get(f"{API}/posts/{draft.slug}", headers=signed)
        assert one.status_code == 200 and one.json()["status"] == "DRAFT"
        assert client.get(f"{API}/posts/{draft.slug}").status_code == 404
    published = client.get(f"{API}/posts?status=PUBLISHED", headers=signed).json()["items"]
    assert [item["title"] for item in published] == ["Public"]
