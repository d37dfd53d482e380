"""The notification stream (GET /notifications/stream), read event by event in process: the retry
hint, replay after Last-Event-ID (header or query), live delivery, no duplicate at the
replay/live seam, heartbeats, the bounded life of a stream, and its end when it falls behind.
Runs on SQLite in process and on PostgreSQL with the Redis fan-out."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from typing import Any

import pytest

from core import realtime
from core.settings import get_settings
from core.validation import compiled
from db.models.identity import User
from services import notifications
from tests.factories.identity import auth_headers, make_user
from tests.factories.notifications import make_notification
from tests.notifications.sse import WAIT, Stream
from tests.support.contract import operations


def _serve(test: Callable[[], Awaitable[None]]) -> None:
    async def main() -> None:
        async with realtime.serving() as connected:
            await asyncio.wait_for(connected.wait(), WAIT)
            await test()

    asyncio.run(main())


@pytest.fixture
def stream_settings(monkeypatch) -> Callable[..., None]:  # type: ignore[no-untyped-def]
    def set_(**values: str) -> None:
        for name, value in values.items():
            monkeypatch.setenv(f"NOTIFICATIONS_STREAM_{name.upper()}", value)
        get_settings.cache_clear()

    return set_


def _as_documented(data: dict[str, Any]) -> None:
    """An event's data is a notification as the REST contract describes it."""
    operation = next(o for o in operations() if o.id == "getNotification")
    schema = operation.raw["responses"]["200"]["content"]["application/json"]["schema"]
    assert compiled(schema, response=True).is_valid(data), data


async def _notify(user: User, subject: str = "live") -> int:
    item = await asyncio.to_thread(make_notification, user, subject=subject)
    return item.id


def test_replays_after_last_event_id_then_delivers_live_without_duplicates(app, user):
    first, second, third = (make_notification(user, subject=f"n{n}").id for n in range(3))
    make_notification(make_user(), subject="someone else's")

    async def test() -> None:
        async with Stream(app, {**auth_headers(user), "Last-Event-ID": str(first)}) as stream:
            assert stream.status == 200
            assert stream.response_headers["content-type"].startswith("text/event-stream")
            assert stream.response_headers["cache-control"] == "no-store"
            assert await stream.block() == "retry: 3000"
            replayed = [await stream.event(), await stream.event()]
            assert [e["id"] for e in replayed] == [second, third]
            assert replayed[0]["event"] == "notification.created"
            assert replayed[0]["data"]["subject"] == "n1"
            # A copy of a replayed notification reaching the channel late (as one committed
            # while the replay read the database does) is not sent twice.
            duplicate = {"type": notifications.CREATED, "notification": replayed[1]["data"]}
            await realtime.publish(notifications.channel(user.id), duplicate)
            fourth = await _notify(user)
            live = await stream.event()
            assert (live["id"], live["data"]["subject"]) == (fourth, "live")
            assert live["data"]["read_at"] is None
            for event in (*replayed, live):
                _as_documented(event["data"])

    _serve(test)


def test_the_query_parameter_resumes_and_the_header_wins_over_it(app, user):
    first, second = (make_notification(user, subject=f"n{n}").id for n in range(2))

    async def test() -> None:
        async with Stream(app, auth_headers(user), {"last_event_id": first}) as stream:
            assert (await stream.event())["id"] == second
        headers = {**auth_headers(user), "Last-Event-ID": str(second)}
        async with Stream(app, headers, {"last_event_id": 0}) as stream:
            # Nothing after `second` yet: the next event is a live one.
            third = await _notify(user)
            assert (await stream.event())["id"] == third

    _serve(test)


def test_without_a_resume_point_only_new_notifications_arrive(app, user):
    make_notification(user, subject="before")

    async def test() -> None:
        async with Stream(app, auth_headers(user)) as stream:
            await stream.block()  # the retry hint: the subscription is taken
            new = await _notify(user, "after")
            event = await stream.event()
            assert (event["id"], event["data"]["subject"]) == (new, "after")

    _serve(test)


def test_a_quiet_stream_sends_heartbeats_and_ends_at_its_deadline(app, user, stream_settings):
    stream_settings(heartbeat_seconds="0.05", max_seconds="0.3")

    async def test() -> None:
        async with Stream(app, auth_headers(user)) as stream:
            assert await stream.block() == "retry: 3000"
            assert await stream.block() == ": keep-alive"
            rest = await stream.rest()  # returns only because the server ends the stream
            assert stream.ended
            assert set(filter(None, rest.split("\n\n"))) <= {": keep-alive"}

    _serve(test)


def test_a_stream_that_falls_behind_ends_and_a_reconnect_catches_up(app, user, stream_settings):
    stream_settings(queue="1", retry_ms="500")
    ids = [make_notification(user, subject=f"n{n}").id for n in range(3)]

    async def test() -> None:
        async with Stream(app, auth_headers(user)) as stream:
            assert await stream.block() == "retry: 500"
            # Three messages reach the subscription before the stream can read one.
            hub = realtime._current_hub()
            for item_id in ids:
                message = {"type": notifications.CREATED, "notification": {"id": item_id}}
                hub.deliver(notifications.channel(user.id), message)
            await stream.rest()
            assert stream.ended
        resumed = {**auth_headers(user), "Last-Event-ID": "0"}
        async with Stream(app, resumed) as stream:
            assert [(await stream.event())["id"] for _ in ids] == ids

    _serve(test)


def test_the_stream_needs_credentials_and_a_numeric_last_event_id(app, user):
    async def test() -> dict[str, Any]:
        async with Stream(app, {}) as anonymous:
            assert anonymous.status == 401
            await anonymous.rest()
        async with Stream(app, {**auth_headers(user), "Last-Event-ID": "x"}) as bad:
            assert bad.status == 400
            return {"type": "/problems/validation", "body": await bad.rest()}

    async def main() -> None:
        async with realtime.serving():
            found = await test()
            assert found["type"] in found["body"]

    asyncio.run(main())
