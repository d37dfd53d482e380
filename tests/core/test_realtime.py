"""The realtime fan-out (core.realtime): committed messages reach subscribers, rolled-back ones
never do, a subscriber that falls behind or a lost Redis connection is told (Resync), and with
Redis a message published by another process arrives. Runs in process on SQLite and through a
real Redis in the PostgreSQL + Redis run."""

from __future__ import annotations

import asyncio
import contextlib
import os
import subprocess
import sys
from collections.abc import AsyncIterator, Awaitable, Callable
from typing import Any

import pytest
import redis

from core import realtime, redis_client, threads
from core.db import transaction
from core.redis_client import get_redis
from core.settings import PROJECT_ROOT, get_settings

#: Long enough for a loaded machine; a message that arrives returns at once.
WAIT = 20.0


def _serve(test: Callable[..., Awaitable[None]], *, with_event: bool = False) -> None:
    """Runs `test` on a loop serving realtime, once the Redis listener (if any) is connected
    (`with_event`: given the event that says so)."""

    async def main() -> None:
        async with realtime.serving() as connected:
            await asyncio.wait_for(connected.wait(), WAIT)
            await (test(connected) if with_event else test())

    asyncio.run(main())


async def _next(subscription: realtime.Subscription) -> dict[str, Any]:
    return await asyncio.wait_for(anext(subscription), WAIT)


def _commit(channel: str, message: dict[str, Any], *, fail: bool = False) -> None:
    try:
        with transaction(write=True) as session:
            realtime.publish_after_commit(session, channel, message)
            if fail:
                raise RuntimeError("the business change failed")
    except RuntimeError:
        pass


def test_a_committed_message_reaches_the_subscriber_and_a_rolled_back_one_never_does():
    async def test() -> None:
        async with realtime.subscribe("rt-commit") as subscription:
            # Services publish from the handler's worker thread.
            await asyncio.to_thread(_commit, "rt-commit", {"n": 1}, fail=True)
            await asyncio.to_thread(_commit, "rt-commit", {"n": 2})
            assert await _next(subscription) == {"n": 2}

    _serve(test)


def test_only_the_channels_subscribers_receive():
    async def test() -> None:
        async with (
            realtime.subscribe("rt-a") as first,
            realtime.subscribe("rt-a") as second,
            realtime.subscribe("rt-b") as other,
        ):
            await realtime.publish("rt-a", {"to": "a"})
            await realtime.publish("rt-b", {"to": "b"})
            assert await _next(first) == {"to": "a"}
            assert await _next(second) == {"to": "a"}
            assert await _next(other) == {"to": "b"}

    _serve(test)


def test_a_subscriber_that_falls_behind_is_dropped_with_a_resync():
    async def test() -> None:
        async with (
            realtime.subscribe("rt-slow", max_queue=2) as slow,
            realtime.subscribe("rt-slow") as fast,
        ):
            for number in range(4):
                await realtime.publish("rt-slow", {"n": number})
            # The fast one is not held back by the slow one.
            assert [(await _next(fast))["n"] for _ in range(4)] == [0, 1, 2, 3]
            assert [(await _next(slow))["n"] for _ in range(2)] == [0, 1]
            with pytest.raises(realtime.Resync, match="behind"):
                await _next(slow)

    _serve(test)


def test_a_message_published_by_another_process_arrives():
    if not get_settings().redis_url:
        pytest.skip("across processes the fan-out is Redis (REDIS_URL)")
    publisher = "from core import realtime; realtime._send('rt-other', {'from': 'another process'})"

    async def test() -> None:
        async with realtime.subscribe("rt-other") as subscription:
            await asyncio.to_thread(
                subprocess.run,
                [sys.executable, "-c", publisher],
                cwd=PROJECT_ROOT,
                env=dict(os.environ),
                check=True,
            )
            assert await _next(subscription) == {"from": "another process"}

    _serve(test)


def test_a_lost_redis_connection_resyncs_subscribers_and_the_listener_comes_back():
    if not get_settings().redis_url:
        pytest.skip("the listener exists with Redis only")

    async def test(connected: asyncio.Event) -> None:
        async with realtime.subscribe("rt-lost") as subscription:
            client = get_redis()
            assert client is not None
            # This process's listener only: other test workers' listeners are theirs.
            # (The session's test app, when it serves in this process, has one too.)
            mine = [c for c in client.client_list() if c["name"] == realtime.listener_name()]
            assert mine
            for connection in mine:
                client.client_kill_filter(_id=connection["id"])
            with pytest.raises(realtime.Resync, match="Redis"):
                await _next(subscription)
        # The listener cleared `connected` before telling the subscribers; it sets it again
        # once it has subscribed anew.
        await asyncio.wait_for(connected.wait(), WAIT)
        async with realtime.subscribe("rt-lost") as again:
            await realtime.publish("rt-lost", {"after": "reconnect"})
            assert await _next(again) == {"after": "reconnect"}

    _serve(test, with_event=True)


def test_a_publish_goes_out_again_on_a_new_connection_when_redis_dropped_the_kept_one():
    # A write's announcement goes out on a connection kept for publishing (core.redis_client):
    # one that Redis closed meanwhile (a restart, a timeout) must not lose the next message.
    if not get_settings().redis_url:
        pytest.skip("published through Redis only")

    async def test() -> None:
        async with realtime.subscribe("rt-kept") as subscription:
            await asyncio.to_thread(realtime.publish_now, "rt-kept", {"n": 1})
            assert await _next(subscription) == {"n": 1}
            client = get_redis()
            assert client is not None
            kept = redis_client._publisher(get_settings().redis_url or "")._idle
            before = len(kept)
            assert before >= 1  # (more when other tests published at the same time)
            for connection in list(kept):
                connection.send_command("CLIENT", "ID")
                client.client_kill_filter(_id=str(connection.read_response()))
            await asyncio.to_thread(realtime.publish_now, "rt-kept", {"n": 2})
            assert await _next(subscription) == {"n": 2}
            assert len(kept) == before  # the dropped connection was replaced, not kept

    _serve(test)


def test_a_publish_that_cannot_reach_redis_is_dropped_not_raised(configure):
    configure(REDIS_URL="redis://127.0.0.1:1/0")  # nothing listens on port 1
    realtime._send("rt-nowhere", {"n": 1})  # logged; the caller's answer is not spoiled


def test_subscribing_outside_the_lifespan_is_a_programming_error(monkeypatch):
    monkeypatch.setattr(realtime, "_hub", None)  # the session's test app may be serving

    async def test() -> None:
        async with realtime.subscribe("rt-nowhere"):
            pass

    with pytest.raises(RuntimeError, match="lifespan"):
        asyncio.run(test())


def test_the_messages_of_one_transaction_arrive_in_order_on_their_channels():
    # With Redis they leave in one round trip (a pipeline); without, one by one.
    def commit_both() -> None:
        with transaction(write=True) as session:
            realtime.publish_after_commit(session, "rt-both-a", {"n": 1})
            realtime.publish_after_commit(session, "rt-both-b", {"n": 2})
            realtime.publish_after_commit(session, "rt-both-a", {"n": 3})

    async def test() -> None:
        async with (
            realtime.subscribe("rt-both-a") as first,
            realtime.subscribe("rt-both-b") as second,
        ):
            await asyncio.to_thread(commit_both)
            assert [await _next(first), await _next(first)] == [{"n": 1}, {"n": 3}]
            assert await _next(second) == {"n": 2}

    _serve(test)


def test_channels_are_namespaced_by_the_redis_database():
    # Pub/sub is shared by every database of a Redis server: an app on another database (a test
    # worker next door) must not be heard.
    assert realtime.prefix_for("redis://127.0.0.1:6379/7") == "trellis:rt:7:"
    assert realtime.prefix_for("redis://127.0.0.1:6379") == "trellis:rt:0:"
    assert realtime.prefix_for(None) == "trellis:rt:0:"


@pytest.mark.skipif(not get_settings().redis_url, reason="Redis pub/sub")
def test_a_message_of_another_databases_app_is_not_heard():
    async def test() -> None:
        async with realtime.subscribe("rt-neighbour") as subscription:
            redis = get_redis()
            assert redis is not None
            neighbour = realtime.PREFIX + "other-db:rt-neighbour"
            envelope = b'{"channel": "rt-neighbour", "message": {"from": "next door"}}'
            await asyncio.to_thread(redis.publish, neighbour, envelope)
            await realtime.publish("rt-neighbour", {"from": "here"})
            assert await _next(subscription) == {"from": "here"}

    _serve(test)


def test_messages_larger_than_one_read_and_many_in_one_read_arrive_whole_and_in_order():
    if not get_settings().redis_url:
        pytest.skip("the listener reads Redis's frames (REDIS_URL)")
    # Longer than the listener's reads, with the protocol's own separator inside, between short
    # messages that arrive several to a read.
    large = {"text": "\r\n*4\r\n$7\r\n" * 20_000}
    sent = [{"n": 1}, large, {"n": 2}, {"n": 3}, large, {"n": 4}]

    async def test() -> None:
        async with realtime.subscribe("rt-frames") as subscription:
            pipe = get_redis().pipeline(transaction=False)
            channel = realtime.channel_prefix() + "rt-frames"
            for message in sent:
                pipe.publish(channel, _encoded("rt-frames", message))
            await asyncio.to_thread(pipe.execute)
            assert [await _next(subscription) for _ in sent] == sent

    _serve(test)


def _encoded(channel: str, message: dict[str, Any]) -> bytes:
    return realtime._encode(channel, message)


def _pushed(kind: bytes, *parts: bytes) -> bytes:
    """A pub/sub frame as Redis sends it (`*`: RESP2, `>`: a RESP3 push)."""
    return kind + b"%d\r\n" % len(parts) + b"".join(b"$%d\r\n%s\r\n" % (len(p), p) for p in parts)


_ENVELOPE = realtime._encode("a", {"n": 1})


@pytest.mark.parametrize(
    ("received", "delivered"),
    [
        # RESP2: a confirmation, then a message split anywhere; RESP3 pushes ('>') the same.
        (b"*3\r\n$10\r\npsubscribe\r\n$3\r\np:*\r\n:1\r\n", []),
        (_pushed(b"*", b"pmessage", b"p:*", b"p:a", _ENVELOPE), [("a", {"n": 1})]),
        (_pushed(b">", b"pmessage", b"p:*", b"p:a", _ENVELOPE) * 2, [("a", {"n": 1})] * 2),
    ],
)
def test_the_listener_reads_frames_however_the_bytes_are_cut(received, delivered):
    async def read_all(cut: int) -> list[tuple[str, dict[str, object]]]:
        hub = realtime._Hub(asyncio.get_running_loop())
        found: list[tuple[str, dict[str, object]]] = []
        hub.deliver = lambda channel, message: found.append((channel, message))  # type: ignore[method-assign]
        frames = realtime._Frames(hub)
        frames.data_received(received[:cut])
        frames.data_received(received[cut:])
        frames.connection_lost(None)
        with pytest.raises(redis.ConnectionError, match="closed"):  # the end of what was fed
            await frames.lost
        return found

    for cut in range(len(received) + 1):
        assert asyncio.run(read_all(cut)) == delivered, cut


@pytest.mark.parametrize(
    "received",
    [b"-ERR unknown command\r\n", _pushed(b"*", b"pmessage", b"p:*", b"p:a", b"{not json")],
)
def test_an_error_reply_or_unreadable_message_is_a_lost_connection(received):
    async def read() -> None:
        frames = realtime._Frames(realtime._Hub(asyncio.get_running_loop()))
        frames.data_received(received)
        await frames.lost

    with pytest.raises(redis.ConnectionError, match=r"unexpected pub/sub reply|unreadable"):
        asyncio.run(read())


def test_a_function_subscriber_is_handed_each_message_as_it_is_read():
    async def test() -> None:
        heard: list[dict[str, Any]] = []
        done = asyncio.get_running_loop().create_future()

        def on_message(message: dict[str, Any]) -> None:
            heard.append(message)
            if len(heard) == 3:
                done.set_result(None)

        async with realtime.subscribe("rt-function", on_message=on_message):
            for number in range(3):
                await realtime.publish("rt-function", {"n": number})
            await asyncio.wait_for(done, WAIT)
        assert heard == [{"n": 0}, {"n": 1}, {"n": 2}]

    _serve(test)


def test_a_function_subscriber_that_fails_is_ended_and_the_others_go_on():
    def on_message(_message: dict[str, Any]) -> None:
        raise ValueError("a consumer's bug")

    async def test() -> None:
        async with (
            realtime.subscribe("rt-failing", on_message=on_message) as failing,
            realtime.subscribe("rt-failing") as other,
        ):
            await realtime.publish("rt-failing", {"n": 1})
            await realtime.publish("rt-failing", {"n": 2})
            with pytest.raises(realtime.Resync, match="consumer failed"):
                await _next(failing)
            assert [(await _next(other))["n"] for _ in range(2)] == [1, 2]

    _serve(test)


@contextlib.asynccontextmanager
async def _taken_over(
    frames: Any, already_read: bytes = b""
) -> AsyncIterator[asyncio.StreamWriter]:
    """A loopback connection, as redis-py leaves it (a stream that may have read `already_read`),
    taken over by `frames`; yields the other end, which plays Redis."""
    loop = asyncio.get_running_loop()
    accepted: asyncio.Future[asyncio.StreamWriter] = loop.create_future()

    async def on_connection(_: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.set_result(writer)

    server = await asyncio.start_server(on_connection, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    redis_side = await accepted
    if already_read:
        reader.feed_data(already_read)
    connection = type("Connection", (), {"_reader": reader, "_writer": writer})()
    realtime._take_over(type("PubSub", (), {"connection": connection})(), frames)
    try:
        yield redis_side
    finally:
        writer.close()
        server.close()
        await server.wait_closed()


def test_the_listener_takes_over_a_connection_with_what_its_stream_had_read():
    """What redis-py's stream had read before the listener took its connection over is heard
    first, then what arrives on the connection itself."""

    async def test() -> None:
        heard: list[tuple[str, dict[str, Any]]] = []
        hub = realtime._Hub(asyncio.get_running_loop())
        hub.deliver = lambda channel, message: heard.append((channel, message))  # type: ignore[method-assign]
        frame = _pushed(b"*", b"pmessage", b"p:*", b"p:a", realtime._encode("a", {"n": 1}))
        frames = realtime._Frames(hub)
        # Half a frame read by the stream already, before the takeover.
        async with _taken_over(frames, already_read=frame[:20]) as redis_side:
            redis_side.write(frame[20:] + frame.replace(b'"n":1', b'"n":2'))
            redis_side.close()
            with pytest.raises(redis.ConnectionError, match="closed"):
                await asyncio.wait_for(frames.lost, WAIT)
        assert heard == [("a", {"n": 1}), ("a", {"n": 2})]

    asyncio.run(test())


def _listener_client(frames: Any) -> dict[str, Any]:
    """Redis's view of the listener connection `frames` reads (by its address: every listener of
    this process, one per app run in it, has the same name)."""
    client = get_redis()
    assert client is not None and frames is not None
    host, port = frames._transport.get_extra_info("sockname")[:2]
    return next(c for c in client.client_list() if c["addr"] == f"{host}:{port}")


def test_a_handlers_publish_goes_out_on_the_listeners_connection_before_it_answers():
    """A handler's thread only collects what it publishes; the loop sends it on the listener's
    connection and returns once Redis replied, by which time this process has heard it."""
    if not get_settings().redis_url:
        pytest.skip("published through Redis only")

    async def test() -> None:
        async with realtime.subscribe("rt-after") as subscription:
            await realtime.publishing_after(
                threads.run_in_thread(realtime.publish_now, "rt-after", {"n": 1})
            )
            assert subscription._queue.qsize() == 1  # heard before the request could answer
            assert await _next(subscription) == {"n": 1}
            assert _listener_client(realtime._current_hub().frames)["cmd"] == "publish"

    _serve(test)


def test_a_handlers_publish_goes_out_from_its_thread_without_the_listeners_connection():
    if not get_settings().redis_url:
        pytest.skip("published through Redis only")

    async def test() -> None:
        hub = realtime._current_hub()
        frames, hub.frames = hub.frames, None  # as with RESP2, or while reconnecting
        try:
            async with realtime.subscribe("rt-after-thread") as subscription:
                await realtime.publishing_after(
                    threads.run_in_thread(realtime.publish_now, "rt-after-thread", {"n": 2})
                )
                assert await _next(subscription) == {"n": 2}
                assert _listener_client(frames)["cmd"] != "publish"
        finally:
            hub.frames = frames

    _serve(test)


def test_a_publish_redis_does_not_confirm_in_time_is_lost_not_waited_for(monkeypatch):
    """Redis holding writes back (CLIENT PAUSE ... WRITE holds PUBLISH): the request answers
    after PUBLISH_TIMEOUT_SECONDS; the late reply is matched to its PUBLISH, so the next one
    still waits for its own."""
    if not get_settings().redis_url:
        pytest.skip("published through Redis only")
    monkeypatch.setattr(realtime, "PUBLISH_TIMEOUT_SECONDS", 0.2)
    client = get_redis()
    assert client is not None

    async def test() -> None:
        async with realtime.subscribe("rt-paused") as subscription:
            client.execute_command("CLIENT", "PAUSE", "3000", "WRITE")
            try:
                started = asyncio.get_running_loop().time()
                await realtime.publishing_after(
                    threads.run_in_thread(realtime.publish_now, "rt-paused", {"n": 1})
                )
                assert asyncio.get_running_loop().time() - started < 2
                assert subscription._queue.qsize() == 0
            finally:
                client.execute_command("CLIENT", "UNPAUSE")
            assert await _next(subscription) == {"n": 1}  # it went out once Redis went on
            await realtime.publishing_after(
                threads.run_in_thread(realtime.publish_now, "rt-paused", {"n": 2})
            )
            assert subscription._queue.qsize() == 1
            assert await _next(subscription) == {"n": 2}

    _serve(test)


def test_publish_replies_are_matched_in_order_however_the_bytes_are_cut():
    """Each batch's future is settled by its own replies, an error reply fails only its batch,
    and a connection lost fails those still waiting."""
    replies = b":1\r\n:0\r\n-ERR refused\r\n"

    async def test(cut: int) -> None:
        loop = asyncio.get_running_loop()
        timeouts: list[asyncio.TimerHandle] = []
        call_later = loop.call_later

        def timing(*arguments: Any) -> asyncio.TimerHandle:
            timeouts.append(call_later(*arguments))
            return timeouts[-1]

        loop.call_later = timing  # type: ignore[method-assign]
        frames = realtime._Frames(realtime._Hub(loop))
        async with _taken_over(frames) as redis_side:
            two = frames.publish([("p:a", b"1"), ("p:a", b"2")], WAIT)
            failing = frames.publish([("p:b", b"3")], WAIT)
            waiting = frames.publish([("p:c", b"4")], WAIT)
            frames.data_received(replies[:cut])
            assert two.done() == (cut >= len(b":1\r\n:0\r\n"))
            frames.data_received(replies[cut:])
            await two
            with pytest.raises(redis.ResponseError, match="ERR refused"):
                await failing
            redis_side.close()
            with pytest.raises(redis.ConnectionError, match="lost"):
                await asyncio.wait_for(waiting, WAIT)
        # Every batch's timeout (and wait_for's own) ended with it: replied, failed or lost.
        assert len(timeouts) >= 3
        assert all(timeout.cancelled() for timeout in timeouts)

    for cut in range(len(replies) + 1):
        asyncio.run(test(cut))


def test_nothing_is_delivered_after_the_stream_broke():
    async def test() -> list[tuple[str, dict[str, Any]]]:
        hub = realtime._Hub(asyncio.get_running_loop())
        heard: list[tuple[str, dict[str, Any]]] = []
        hub.deliver = lambda channel, message: heard.append((channel, message))  # type: ignore[method-assign]
        frames = realtime._Frames(hub)
        frames.data_received(_pushed(b"*", b"pmessage", b"p:*", b"p:a", b"{not json"))
        frames.data_received(_pushed(b"*", b"pmessage", b"p:*", b"p:a", _ENVELOPE))
        with pytest.raises(redis.ConnectionError, match="unreadable"):
            await frames.lost
        return heard

    assert asyncio.run(test()) == []
