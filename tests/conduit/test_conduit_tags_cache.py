"""The Conduit tags answer kept per process (services/blog/kept.py `KEPT`, the operation's
`x-fast-path`): it is the handler's answer byte for byte, a change shows on the next request, a
change made in another process arrives on the realtime fan-out, and without Redis every request
reads the tags. Runs on SQLite (nothing kept) and on PostgreSQL + Redis (kept)."""

from __future__ import annotations

import orjson
import pytest
from sqlalchemy import text

from core import realtime
from core.db import get_engine
from core.redis_client import get_redis
from core.settings import get_settings
from handlers.conduit import _tags_body
from services.blog.kept import KEPT
from tests.conduit.test_conduit_api import API, create_article, register, token

#: Long enough for a loaded machine; a message that arrives ends the wait at once.
WAIT = 20.0


def _tags(client) -> list[str]:  # type: ignore[no-untyped-def]
    answer = client.get(f"{API}/tags")
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"] == "application/json"
    return answer.json()["tags"]  # type: ignore[no-any-return]


def _tag_reads(client, statement_counter) -> int:  # type: ignore[no-untyped-def]
    with statement_counter() as counted:
        _tags(client)
    return sum("FROM blog_tags" in sql for sql in counted.selects)


def _reads_of_quiet_requests(client, statement_counter, requests: int) -> list[int]:  # type: ignore[no-untyped-def]
    """The tag reads of each of `requests` GETs during which no change was heard: the xdist
    workers share one Redis, and another worker's change (or cleanup) rightly drops the answer
    here too, so a window with one is measured again."""
    for _ in range(10):
        seen = KEPT.heard_count
        reads = [_tag_reads(client, statement_counter) for _ in range(requests)]
        if KEPT.heard_count == seen:
            return reads
    pytest.fail("changes kept arriving from other processes")


def test_the_answer_is_the_handlers_and_a_change_shows_on_the_next_request(client):
    jake = register(client, "jake")
    article = create_article(client, jake, title="A", tags=("dragons", "training"))
    assert _tags(client) == ["dragons", "training"]
    assert client.get(f"{API}/tags").content == _tags_body()
    create_article(client, jake, title="B", tags=("dragons", "zebras"))
    assert _tags(client) == ["dragons", "training", "zebras"]
    retagged = {"article": {"tagList": ["zebras"]}}
    moved = client.put(f"{API}/articles/{article['slug']}", json=retagged, headers=token(jake))
    assert moved.status_code == 200, moved.text
    assert _tags(client) == ["zebras", "dragons"]
    deleted = client.delete(f"{API}/articles/{article['slug']}", headers=token(jake))
    assert deleted.status_code == 204
    assert _tags(client) == ["dragons", "zebras"]
    assert client.get(f"{API}/tags").content == _tags_body()


def test_a_query_string_is_still_the_contracts_422(client):
    answer = client.get(f"{API}/tags?limit=5")
    assert answer.status_code == 422
    assert answer.json() == {"errors": {"limit": ["Unknown query parameter."]}}


def test_repeated_reads_are_answered_from_the_kept_answer_only_with_redis(
    client, statement_counter
):
    create_article(client, register(client, "jake"), tags=("dragons",))
    _tags(client)  # the first request starts this process's follower
    if get_settings().redis_url:
        assert KEPT.listening_now.wait(WAIT)
        # Read once, then kept.
        assert _reads_of_quiet_requests(client, statement_counter, 4)[1:] == [0, 0, 0]
    else:  # no channel between processes: nothing is kept
        assert [_tag_reads(client, statement_counter) for _ in range(3)] == [1, 1, 1]


def _hear_one_more(seen: int) -> None:
    with KEPT.heard:
        assert KEPT.heard.wait_for(lambda: KEPT.heard_count > seen, WAIT)


@pytest.mark.skipif(not get_settings().redis_url, reason="another process is heard through Redis")
def test_a_change_made_by_another_process_drops_the_kept_answer(client):
    create_article(client, register(client, "jake"), tags=("dragons",))
    assert _tags(client) == ["dragons"]
    assert KEPT.listening_now.wait(WAIT)
    assert _tags(client) == ["dragons"]  # read, and kept
    # Another process changes the counts and publishes, as a blog write does there after commit:
    # this process sees nothing of the change (a write outside its units of work) but the message.
    seen = KEPT.heard_count
    with get_engine().begin() as connection:
        connection.execute(text("INSERT INTO blog_tags (tag, posts_count) VALUES ('elsewhere', 7)"))
    kept = _tags(client)
    if KEPT.heard_count == seen:  # (another xdist worker's change would drop it too)
        assert kept == ["dragons"]  # no message yet: the answer kept is still given
    seen = KEPT.heard_count
    envelope = {"channel": KEPT.channel, "message": {}}
    redis = get_redis()
    assert redis is not None
    redis.publish(realtime.channel_prefix() + KEPT.channel, orjson.dumps(envelope))
    _hear_one_more(seen)
    assert _tags(client) == ["elsewhere", "dragons"]


def test_a_change_committed_here_is_announced_to_the_other_processes(client, statement_counter):
    create_article(client, register(client, "jake"), tags=("dragons",))
    _tags(client)
    seen = KEPT.heard_count
    create_article(client, register(client, "finn"), tags=("owls",))
    if get_settings().redis_url:
        _hear_one_more(seen)  # its own message came back through Redis, as to every process
    assert _tags(client) == ["dragons", "owls"]
