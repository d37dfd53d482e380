"""The live results socket and stream in process: snapshot, coalesced updates whose last one is the
REST count, hidden counts until the close, deletion, refusals. Every message received is checked
against the AsyncAPI document (tests/realtime_contract.py)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable, Callable, Iterator
from typing import Any

import pytest
from starlette.websockets import WebSocketDisconnect

from core import realtime
from core.db import transaction
from core.settings import get_settings
from db.models.polls import PollsPoll
from services import polls
from tests.factories.identity import actor_of, auth_headers, make_user, token_login
from tests.factories.polls import make_poll
from tests.notifications.sse import WAIT, Stream
from tests.problems import assert_problem
from tests.realtime_contract import ChannelContract

SERVER = ChannelContract("livepollsPoll")
WINDOW = 0.2  # LIVEPOLLS_COALESCE_MS's default
VOTES = 12


@pytest.fixture
def livepolls_env(monkeypatch) -> Iterator[Callable[..., None]]:  # type: ignore[no-untyped-def]
    def set_(**values: str) -> None:
        for name, value in values.items():
            monkeypatch.setenv(f"LIVEPOLLS_{name.upper()}", value)
        get_settings.cache_clear()

    yield set_
    monkeypatch.undo()
    get_settings.cache_clear()


def _watch(client, poll_id, user):  # type: ignore[no-untyped-def]
    protocols = ["trellis.v1", f"bearer.{token_login(user).access_token}"]
    return client.websocket_connect(f"/api/v1/livepolls/{poll_id}/socket", subprotocols=protocols)


def _next(connection) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return SERVER.check(connection.receive_json())


def _close_code(connection) -> int:  # type: ignore[no-untyped-def]
    while True:
        try:
            _next(connection)
        except WebSocketDisconnect as closed:
            return closed.code


def _vote(poll: PollsPoll, n: int) -> None:
    with transaction(write=True) as session:
        option = poll.options[n % len(poll.options)].id
        polls.cast_ballot(
            session, None, poll_id=poll.id, option_ids=[option], device_id=f"device-{n:04d}"
        )


def _burst(poll: PollsPoll, votes: int) -> float:
    """Casts `votes` ballots one after the other, as fast as they go; the seconds it took."""
    start = time.monotonic()
    for n in range(votes):
        _vote(poll, n)
    return time.monotonic() - start


def _rest_results(client, poll: PollsPoll) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    return client.get(f"/api/v1/polls/{poll.id}").json()["results"]  # type: ignore[no-any-return]


def _close(owner, poll: PollsPoll) -> None:  # type: ignore[no-untyped-def]
    with transaction(write=True) as session:
        polls.update_poll(session, actor_of(owner), poll_id=poll.id, changes={"status": "CLOSED"})


def test_a_burst_reaches_a_socket_as_few_updates_ending_with_the_rest_counts(client, user):
    poll = make_poll(user, anonymous=True)
    with _watch(client, poll.id, make_user()) as watcher:
        snapshot = _next(watcher)
        assert snapshot["type"] == "snapshot" and snapshot["version"] == 0
        assert snapshot["results"]["ballots"] == 0 and snapshot["status"] == "OPEN"
        elapsed = _burst(poll, VOTES)
        received = [_next(watcher)]
        while received[-1]["version"] < VOTES:
            received.append(_next(watcher))
        assert {message["type"] for message in received} == {"update"}
        versions = [message["version"] for message in received]
        assert versions == sorted(set(versions))
        assert len(received) <= elapsed / WINDOW + 2, (len(received), elapsed)
        assert received[-1]["results"] == _rest_results(client, poll)
        assert received[-1]["results"]["ballots"] == VOTES


def test_the_stream_sends_retry_snapshot_and_coalesced_updates_with_version_ids(app, user):
    poll = make_poll(user, anonymous=True)
    _vote(poll, 0)

    async def test() -> None:
        path = f"/api/v1/livepolls/{poll.id}/stream"
        async with Stream(app, {}, path=path) as stream:
            assert stream.status == 200
            assert stream.response_headers["content-type"].startswith("text/event-stream")
            assert stream.response_headers["cache-control"] == "no-store"
            assert await stream.block() == "retry: 3000"
            first = await stream.event()
            assert first["event"] == "snapshot" and first["id"] == 1
            assert SERVER.check(first["data"])["results"]["ballots"] == 1
            elapsed = await asyncio.to_thread(_burst_after_first, poll)
            events = [await stream.event()]
            while events[-1]["id"] < VOTES:
                events.append(await stream.event())
            for event in events:
                assert event["event"] == "update" and event["id"] == event["data"]["version"]
                SERVER.check(event["data"])
            assert len(events) <= elapsed / WINDOW + 2, (len(events), elapsed)
            view = await asyncio.to_thread(_service_results, poll)
            assert events[-1]["data"]["results"] == view

    _serve(test)


def _burst_after_first(poll: PollsPoll) -> float:
    start = time.monotonic()
    for n in range(1, VOTES):
        _vote(poll, n)
    return time.monotonic() - start


def _service_results(poll: PollsPoll) -> dict[str, Any]:
    with transaction(write=False) as session:
        tally = polls.get_poll(session, None, poll_id=poll.id).tally
        assert tally is not None
        options = [{"option_id": str(o.id), "votes": tally.votes[o.id]} for o in poll.options]
        return {"ballots": tally.ballots, "options": options}


def _serve(test: Callable[[], Awaitable[None]]) -> None:
    async def main() -> None:
        async with realtime.serving() as connected:
            await asyncio.wait_for(connected.wait(), WAIT)
            await test()

    asyncio.run(main())


def test_a_quiet_stream_sends_keep_alives_and_ends_at_its_deadline(app, user, livepolls_env):
    livepolls_env(heartbeat_seconds="0.05", stream_max_seconds="0.8", retry_ms="1500")
    poll = make_poll(user)

    async def test() -> None:
        path = f"/api/v1/livepolls/{poll.id}/stream"
        async with Stream(app, auth_headers(user), path=path) as stream:
            assert await stream.block() == "retry: 1500"
            assert (await stream.event())["event"] == "snapshot"
            rest = await stream.rest()
            assert ": keep-alive" in rest and "data:" not in rest

    _serve(test)


def test_hidden_counts_stay_hidden_until_the_close_brings_them(client, user):
    poll = make_poll(user, results_visibility="AFTER_CLOSE")
    voter = make_user()
    with _watch(client, poll.id, voter) as watcher, _watch(client, poll.id, user) as owner:
        hidden = _next(watcher)
        assert hidden["results"] is None and hidden["results_visible"] is False
        assert _next(owner)["results"]["ballots"] == 0  # the owner always sees them
        option = str(poll.options[2].id)
        answer = client.put(
            f"/api/v1/polls/{poll.id}/my-ballot",
            json={"option_ids": [option]},
            headers=auth_headers(voter),
        )
        assert answer.status_code == 201, answer.text
        assert _next(owner)["results"]["ballots"] == 1
        _close(user, poll)
        closed = _next(watcher)  # no update came before it
        assert closed["type"] == "closed" and closed["version"] == 1
        assert closed["results"] == _rest_results(client, poll)
        assert closed["results"]["options"][2]["votes"] == 1
        assert _next(owner)["type"] == "closed"


def test_the_hidden_stream_sends_no_counts_before_the_close(app, user):
    poll = make_poll(user, results_visibility="AFTER_CLOSE", anonymous=True)

    async def test() -> None:
        path = f"/api/v1/livepolls/{poll.id}/stream"
        async with Stream(app, {}, path=path) as stream:
            await stream.block()
            assert (await stream.event())["data"]["results"] is None
            await asyncio.to_thread(_vote, poll, 0)
            await asyncio.to_thread(_close, user, poll)
            closed = await stream.event()
            assert closed["event"] == "closed" and closed["id"] == 1
            assert SERVER.check(closed["data"])["results"]["ballots"] == 1

    _serve(test)


def test_deleting_the_poll_closes_its_sockets_with_4404(client, user):
    poll = make_poll(user)
    with _watch(client, poll.id, user) as watcher:
        _next(watcher)
        with transaction(write=True) as session:
            polls.delete_poll(session, actor_of(user), poll_id=poll.id)
        assert _close_code(watcher) == 4404


@pytest.mark.parametrize("poll_id", ["5b2e8c1d-4f3a-4e6b-9d7c-1a2b3c4d5e6f", "not-a-uuid"])
def test_an_unknown_poll_closes_the_socket_with_4404(client, user, poll_id):
    with _watch(client, poll_id, user) as watcher:
        assert _close_code(watcher) == 4404


def test_a_socket_without_credentials_closes_with_4401(client, user):
    poll = make_poll(user)
    url = f"/api/v1/livepolls/{poll.id}/socket"
    with client.websocket_connect(url, subprotocols=["trellis.v1"]) as watcher:
        assert _close_code(watcher) == 4401


def test_the_stream_of_an_unknown_poll_is_404(client, user):
    answer = client.get("/api/v1/livepolls/5b2e8c1d-4f3a-4e6b-9d7c-1a2b3c4d5e6f/stream")
    assert_problem(answer, 404, "/problems/polls/poll-not-found")


def test_the_stream_refuses_a_bad_poll_id_and_a_bad_credential(client):
    assert client.get("/api/v1/livepolls/not-a-uuid/stream").status_code == 400
    answer = client.get(
        "/api/v1/livepolls/5b2e8c1d-4f3a-4e6b-9d7c-1a2b3c4d5e6f/stream",
        headers={"Authorization": "Bearer nonsense"},
    )
    assert answer.status_code == 401
