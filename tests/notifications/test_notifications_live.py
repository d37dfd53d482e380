"""Across processes, over the session's live 2-worker server on PostgreSQL + Redis: a stream held
by one worker receives the notifications that comments sent to either worker create (the Redis
fan-out), in id order, each once; a reconnect with Last-Event-ID replays what came after it."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import orjson
import pytest

from core.settings import get_settings
from tests.factories.blog import make_post
from tests.factories.identity import auth_headers, make_user

COMMENTS = 4
pytestmark = pytest.mark.skipif(
    not get_settings().redis_url,
    reason="several processes share notifications through Redis (the services run); in one "
    "process the in-process tests prove the stream",
)


def _events(lines: Iterator[str]) -> Iterator[dict[str, str]]:
    fields: dict[str, str] = {}
    for line in lines:
        if line:
            name, _, value = line.partition(": ")
            fields[name] = value
        elif fields:
            yield fields
            fields = {}


def test_a_stream_on_one_worker_receives_comments_sent_to_any_worker(live_server):
    author, commenter = make_user(), make_user()
    post = make_post(author, title="Across processes")
    url = f"{live_server}/api/v1/notifications/stream"
    comments = f"{live_server}/api/v1/blog/posts/{post.slug}/comments"
    with httpx.Client(timeout=30) as http:
        with http.stream("GET", url, headers=auth_headers(author)) as stream:
            assert stream.status_code == 200
            events = _events(stream.iter_lines())
            assert next(events) == {"retry": "3000"}  # subscribed
            # Separate connections: the server's two workers share them out.
            ids = []
            for number in range(COMMENTS):
                with httpx.Client(timeout=30) as other:
                    answer = other.post(
                        comments,
                        json={"body": f"comment {number}"},
                        headers=auth_headers(commenter),
                    )
                assert answer.status_code == 201, answer.text
                ids.append(answer.json()["id"])
            received = [next(events) for _ in range(COMMENTS)]
        notified = [int(event["id"]) for event in received]
        assert notified == sorted(notified) and len(set(notified)) == COMMENTS
        payloads = [orjson.loads(event["data"])["payload"] for event in received]
        assert [payload["comment_id"] for payload in payloads] == ids
        resume = {**auth_headers(author), "Last-Event-ID": str(notified[1])}
        with http.stream("GET", url, headers=resume) as stream:
            events = _events(stream.iter_lines())
            assert next(events) == {"retry": "3000"}
            assert [int(next(events)["id"]) for _ in notified[2:]] == notified[2:]
