"""Live results across processes, over the session's live 2-worker server on PostgreSQL + Redis:
100 voters vote at the same moment over REST (spread over both workers) while a WebSocket watcher
and an SSE watcher look on. Both end with exactly the REST counts, having received far fewer
messages than votes: at most one per LIVEPOLLS_COALESCE_MS window of the burst, plus the last."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterator
from typing import Any

import httpx
import orjson
import pytest
from websockets.sync.client import connect

from core.settings import get_settings
from tests.factories.identity import make_user, token_login
from tests.factories.polls import make_poll
from tests.realtime_contract import ChannelContract

pytestmark = pytest.mark.skipif(
    not get_settings().redis_url,
    reason="several processes share poll changes through Redis (the services run); in one "
    "process the in-process tests prove the socket and the stream",
)

SERVER = ChannelContract("livepollsPoll")
VOTERS = 100
WINDOW = 0.2  # LIVEPOLLS_COALESCE_MS's default
WAIT = 30.0


def _votes_at_once(base: str, poll: Any) -> list[httpx.Response]:
    options = [str(option.id) for option in poll.options]
    path = f"/api/v1/polls/{poll.id}/my-ballot"

    async def run() -> list[httpx.Response]:
        limits = httpx.Limits(max_connections=VOTERS)
        async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
            return await asyncio.gather(
                *(
                    http.put(
                        path,
                        headers={"X-Device-Id": f"device-{n:04d}"},
                        json={"option_ids": [options[n % 3]]},
                    )
                    for n in range(VOTERS)
                )
            )

    return asyncio.run(run())


def _events(lines: Iterator[str]) -> Iterator[dict[str, str]]:
    fields: dict[str, str] = {}
    for line in lines:
        if line:
            name, _, value = line.partition(": ")
            fields[name] = value
        elif fields:
            yield fields
            fields = {}


def test_100_votes_at_once_reach_a_socket_and_a_stream_as_few_messages_ending_exact(live_server):
    poll = make_poll(make_user(), anonymous=True)
    socket_url = live_server.replace("http", "ws", 1) + f"/api/v1/livepolls/{poll.id}/socket"
    protocols = ["trellis.v1", f"bearer.{token_login(make_user()).access_token}"]
    with (
        connect(socket_url, subprotocols=protocols, open_timeout=WAIT) as socket,  # type: ignore[arg-type]
        httpx.Client(timeout=WAIT) as http,
        http.stream("GET", f"{live_server}/api/v1/livepolls/{poll.id}/stream") as stream,
    ):
        assert SERVER.check(orjson.loads(socket.recv(timeout=WAIT)))["version"] == 0
        assert stream.status_code == 200
        events = _events(stream.iter_lines())
        assert next(events) == {"retry": "3000"}
        assert next(events)["event"] == "snapshot"

        start = time.monotonic()
        answers = _votes_at_once(live_server, poll)
        elapsed = time.monotonic() - start
        assert sorted(answer.status_code for answer in answers) == [201] * VOTERS, [
            answer.text for answer in answers if answer.status_code != 201
        ]

        by_socket = [SERVER.check(orjson.loads(socket.recv(timeout=WAIT)))]
        while by_socket[-1]["version"] < VOTERS:
            by_socket.append(SERVER.check(orjson.loads(socket.recv(timeout=WAIT))))
        by_stream = [next(events)]
        while int(by_stream[-1]["id"]) < VOTERS:
            by_stream.append(next(events))

    results = httpx.get(f"{live_server}/api/v1/polls/{poll.id}").json()["results"]
    assert results["ballots"] == VOTERS
    assert [option["votes"] for option in results["options"]] == [34, 33, 33]
    assert by_socket[-1]["results"] == results
    assert orjson.loads(by_stream[-1]["data"])["results"] == results
    bound = elapsed / WINDOW + 2
    for received in (by_socket, [orjson.loads(event["data"]) for event in by_stream]):
        versions = [SERVER.check(message)["version"] for message in received]
        assert versions == sorted(set(versions))  # only ever newer
        assert len(received) <= bound, (len(received), elapsed)
        assert len(received) < VOTERS / 5
    print(
        f"livepolls: {VOTERS} votes in {elapsed:.2f} s; socket {len(by_socket)} messages, "
        f"stream {len(by_stream)} events"
    )
