"""The Conduit facade's anonymous article answers kept per process (services/blog/kept.py
`KEPT`, the operations' `x-fast-path`): a kept answer is the handler's byte for byte, every
write an anonymous reader would see (an edit, a favorite, a profile, a new or deleted article)
shows on the next request, a signed reader is never answered from it, and a change made by
another process drops it. On SQLite (no Redis) nothing is kept."""

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

WAIT = 20.0
KEEPS = bool(get_settings().redis_url)
LIST = f"{API}/articles?limit=20"


def _reads(client, statement_counter, path: str, **headers: str) -> tuple[int, bytes]:  # type: ignore[no-untyped-def]
    with statement_counter() as counted:
        answer = client.get(path, headers=headers)
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    return len(counted.selects), answer.content


def _quiet(client, statement_counter, *paths: str) -> list[tuple[int, bytes]]:  # type: ignore[no-untyped-def]
    """Anonymous GETs of `paths` in a row, during which no change was heard (a write's own
    message comes back through Redis a moment later, and the xdist workers share one Redis:
    another worker's change rightly drops the answers here too; such a window is measured
    again)."""
    for _ in range(10):
        seen = KEPT.heard_count
        KEPT.forget()  # each window starts from nothing kept
        measured = [_reads(client, statement_counter, path) for path in paths]
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


def test_a_signed_reader_is_never_answered_from_the_kept_answers(client, statement_counter):
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
