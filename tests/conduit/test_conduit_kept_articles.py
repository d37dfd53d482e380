"""The Conduit facade's article answers kept per process (services/blog/kept.py `KEPT`, the
operations' `x-fast-path`): a kept answer is the handler's byte for byte, every write an
anonymous reader would see (an edit, a favorite, a profile, a new or deleted article) shows on
the next request, a signed reader gets the kept answer with its own flags read fresh (never the
anonymous bytes), and a change made by another process drops it. On SQLite (no Redis) nothing is
kept."""

from __future__ import annotations

import orjson
import pytest
from sqlalchemy import text

from core import realtime
from core.db import get_engine
from core.redis_client import get_redis
from core.settings import get_settings
from services.blog.kept import KEPT
from tests.conduit.test_conduit_api import API, create_article, register, token
from tests.factories.blog import make_post
from tests.factories.identity import auth_headers, make_user

WAIT = 20.0
KEEPS = bool(get_settings().redis_url)
LIST = f"{API}/articles?limit=20"


def _reads(client, statement_counter, path: str, **headers: str) -> tuple[int, bytes]:  # type: ignore[no-untyped-def]
    with statement_counter() as counted:
        answer = client.get(path, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    # The reader's account check reads identity tables (or Redis): the blog's reads count.
    return sum("blog_" in sql for sql in counted.selects), answer.content


def _quiet(client, statement_counter, *requests: str | tuple[str, dict]) -> list[tuple[int, bytes]]:  # type: ignore[no-untyped-def,type-arg]
    """GETs in a row (a path: anonymous; or a path and its headers), during which no change was
    heard (a write's own message comes back through Redis a moment later, and the xdist workers
    share one Redis: another worker's change rightly drops the answers here too; such a window
    is measured again)."""
    asked = [(each, {}) if isinstance(each, str) else each for each in requests]
    for _ in range(10):
        seen = KEPT.heard_count
        KEPT.forget()  # each window starts from nothing kept
        measured = [_reads(client, statement_counter, path, **headers) for path, headers in asked]
        if KEPT.heard_count == seen:
            return measured
    pytest.fail("changes kept arriving from other processes")


def _started(client) -> None:  # type: ignore[no-untyped-def]
    client.get(LIST)  # the first request starts this process's follower
    if KEEPS:
        assert KEPT.listening_now.wait(WAIT)


@pytest.mark.parametrize("path", [LIST, f"{API}/articles/{{slug}}"])
def test_a_repeated_anonymous_read_is_the_handlers_answer_kept(client, statement_counter, path):
    _started(client)
    article = create_article(client, register(client, "jake"), tags=("dragons",))
    path = path.format(slug=article["slug"])
    first, again = _quiet(client, statement_counter, path, path)
    assert again[1] == first[1]
    assert first[0] > 0  # the handler read it
    assert again[0] == (0 if KEEPS else first[0])


def test_another_query_string_is_another_answer(client, statement_counter):
    _started(client)
    create_article(client, register(client, "jake"))
    kept, other = _quiet(client, statement_counter, LIST, LIST + "&offset=0")
    assert other[1] == kept[1] and other[0] > 0  # the same articles, read by the handler


def test_what_an_anonymous_reader_sees_changes_on_the_next_request(client):
    _started(client)
    jake, finn = register(client, "jake"), register(client, "finn")
    article = create_article(client, jake, title="Dragons")
    one = f"{API}/articles/{article['slug']}"

    def shown() -> tuple[dict, dict]:  # type: ignore[type-arg]
        listed = client.get(LIST).json()
        return listed, client.get(one).json()["article"]

    shown()  # kept from here on
    edited = client.put(one, json={"article": {"title": "Wyverns"}}, headers=token(jake))
    assert edited.status_code == 200
    listed, single = shown()
    assert listed["articles"][0]["title"] == single["title"] == "Wyverns"
    assert client.post(f"{one}/favorite", headers=token(finn)).status_code == 200
    listed, single = shown()
    assert listed["articles"][0]["favoritesCount"] == single["favoritesCount"] == 1
    bio = client.put(f"{API}/user", json={"user": {"bio": "Flies"}}, headers=token(jake))
    assert bio.status_code == 200
    listed, single = shown()
    assert listed["articles"][0]["author"]["bio"] == single["author"]["bio"] == "Flies"
    create_article(client, finn, title="Owls")
    assert [a["title"] for a in shown()[0]["articles"]] == ["Owls", "Wyverns"]
    assert client.delete(one, headers=token(jake)).status_code == 204
    assert client.get(LIST).json()["articlesCount"] == 1
    assert client.get(one).status_code == 404


def test_a_signed_reader_is_never_answered_with_the_anonymous_bytes(client, statement_counter):
    _started(client)
    jake, finn = register(client, "jake"), register(client, "finn")
    article = create_article(client, jake)
    one = f"{API}/articles/{article['slug']}"
    assert client.post(f"{one}/favorite", headers=token(finn)).status_code == 200
    for path in (LIST, one):
        (_, anonymous), (kept, _) = _quiet(client, statement_counter, path, path)
        assert kept == 0 or not KEEPS
        reads, signed = _reads(client, statement_counter, path, **token(finn))
        assert reads > 0 and signed != anonymous
        assert b'"favorited":true' in signed and b'"favorited":false' in anonymous
    # A bad token is still refused, never answered from what anonymous readers get.
    assert client.get(one, headers={"Authorization": "Token nope"}).status_code == 401


def _articles_by_three_authors(client) -> tuple[dict, list[str]]:  # type: ignore[no-untyped-def,type-arg]
    """finn follows jake and favorites one of jake's two articles; lake is neither followed nor
    favorited, and her article is favorited by jake. Returns finn and the three slugs."""
    jake, finn, lake = register(client, "jake"), register(client, "finn"), register(client, "lake")
    first = create_article(client, jake, title="Dragons", tags=("dragons", "fire"))
    second = create_article(client, jake, title="Wyverns", tags=())
    third = create_article(client, lake, title="Owls", tags=("owls",))
    assert client.post(f"{API}/profiles/jake/follow", headers=token(finn)).status_code == 200
    for reader, article in ((finn, first), (jake, third)):
        favorited = client.post(f"{API}/articles/{article['slug']}/favorite", headers=token(reader))
        assert favorited.status_code == 200
    return finn, [first["slug"], second["slug"], third["slug"]]


def test_a_signed_reader_gets_the_kept_answer_with_its_own_flags(
    client, statement_counter, monkeypatch
):
    _started(client)
    finn, slugs = _articles_by_three_authors(client)
    signed = token(finn)
    paths = [LIST, f"{API}/articles?tag=dragons", *(f"{API}/articles/{slug}" for slug in slugs)]
    # What finn is answered when nothing is kept: one read with the reader's flags.
    monkeypatch.setenv("BLOG_KEPT_ANSWERS_SECONDS", "0")
    get_settings.cache_clear()
    read = {path: client.get(path, headers=signed).content for path in paths}
    monkeypatch.delenv("BLOG_KEPT_ANSWERS_SECONDS")
    get_settings.cache_clear()
    listed = orjson.loads(read[LIST])["articles"]
    assert [(a["title"], a["favorited"], a["author"]["following"]) for a in listed] == [
        ("Owls", False, False),
        ("Wyverns", False, True),
        ("Dragons", True, True),
    ]
    for path in paths:
        anonymous, first, again = _quiet(
            client, statement_counter, path, (path, signed), (path, signed)
        )
        assert first[1] == again[1] == read[path], path
        # finn has flags on every answer but lake's article's.
        assert (anonymous[1] == read[path]) == path.endswith(slugs[2]), path
        if KEEPS:  # the reader's flags only: one statement over the posts shown
            assert (first[0], again[0]) == (1, 1), path
        else:
            assert first[0] == again[0] == anonymous[0], path  # the page read with the flags
    # A signed reader's first request keeps what anonymous readers are answered, too.
    first, again, anonymous = _quiet(
        client, statement_counter, (LIST, signed), (LIST, signed), LIST
    )
    assert first[1] == again[1] == read[LIST]
    if KEEPS:  # the page read as anonymous readers see it (3 statements), then the flags
        assert (first[0], again[0], anonymous[0]) == (4, 1, 0)
        assert anonymous[1] == client.get(LIST).content


def test_flags_change_for_the_next_request_though_the_answers_stay_kept(client, statement_counter):
    # A follow changes nothing kept (no anonymous answer shows it); it shows all the same.
    _started(client)
    finn, slugs = _articles_by_three_authors(client)
    signed = token(finn)
    one = f"{API}/articles/{slugs[2]}"

    def lake_followed() -> tuple[bool, bool]:
        listed = client.get(LIST, headers=signed).json()["articles"][0]
        return listed["author"]["following"], client.get(one, headers=signed).json()["article"][
            "author"
        ]["following"]

    assert lake_followed() == (False, False)
    assert client.post(f"{API}/profiles/lake/follow", headers=signed).status_code == 200
    assert lake_followed() == (True, True)
    assert client.delete(f"{API}/profiles/lake/follow", headers=signed).status_code == 200
    assert lake_followed() == (False, False)
    # finn's favorite moves the count everyone sees, and finn's own flag.
    assert client.post(f"{one}/favorite", headers=signed).status_code == 200
    article = client.get(one, headers=signed).json()["article"]
    assert (article["favorited"], article["favoritesCount"]) == (True, 2)
    assert client.get(one).json()["article"]["favoritesCount"] == 2


def test_an_authors_draft_is_read_with_the_readers_rights(client):
    _started(client)
    author, other = make_user(), make_user()
    draft = make_post(author, title="Secret", status="DRAFT")
    published = make_post(author, title="Public")
    one = f"{API}/articles/{draft.slug}"
    for _ in range(2):  # the second time, what anonymous readers get may be kept
        assert client.get(one).status_code == 404
        assert client.get(one, headers=auth_headers(other)).status_code == 404
        mine = client.get(one, headers=auth_headers(author))
        assert mine.status_code == 200 and mine.json()["article"]["title"] == "Secret"
        listed = client.get(LIST, headers=auth_headers(author)).json()
        assert [a["slug"] for a in listed["articles"]] == [published.slug]


@pytest.mark.skipif(not KEEPS, reason="another process is heard through Redis")
def test_a_change_made_by_another_process_drops_the_kept_answers(client, statement_counter):
    _started(client)
    article = create_article(client, register(client, "jake"), title="Dragons")
    one = f"{API}/articles/{article['slug']}"
    _quiet(client, statement_counter, one, one)
    seen = KEPT.heard_count
    # Another process's write: outside this process's units of work, so unseen here.
    with get_engine().begin() as connection:
        connection.execute(text("UPDATE blog_posts SET title = 'Elsewhere'"))
    kept = client.get(one).json()["article"]["title"]
    if KEPT.heard_count == seen:  # (another xdist worker's change would drop it too)
        assert kept == "Dragons"
    seen = KEPT.heard_count
    redis = get_redis()
    assert redis is not None
    envelope = {"channel": KEPT.channel, "message": {}}
    redis.publish(realtime.channel_prefix() + KEPT.channel, orjson.dumps(envelope))
    with KEPT.heard:
        assert KEPT.heard.wait_for(lambda: KEPT.heard_count > seen, WAIT)
    assert client.get(one).json()["article"]["title"] == "Elsewhere"
