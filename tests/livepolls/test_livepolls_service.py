"""The watcher's rules without sockets: the coalescer under an injected clock (a burst of 1,000
changes is a handful of sends, the last one the newest), versions only going up, and a LiveView
fed channel messages by hand over an injected poll reader (hidden counts, the close, deletion)."""

from __future__ import annotations

import asyncio
import itertools
import uuid
from collections.abc import AsyncIterator
from datetime import timedelta
from typing import Any

import pytest

from core import realtime
from core.db import utcnow
from services.livepolls import Coalescer, Ended, LiveView, PollState
from services.polls import PollNotFound
from tests.realtime_contract import ChannelContract

SERVER = ChannelContract("livepollsPoll")
POLL = uuid.uuid4()
OPTIONS = [str(uuid.uuid4()), str(uuid.uuid4())]


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def _changed(version: int, first: int, second: int) -> dict[str, Any]:
    return {
        "type": "VOTES_CHANGED",
        "poll_id": str(POLL),
        "version": version,
        "ballots": first + second,
        "options": [
            {"option_id": OPTIONS[0], "votes": first},
            {"option_id": OPTIONS[1], "votes": second},
        ],
    }


def _results(first: int, second: int) -> dict[str, Any]:
    message = _changed(0, first, second)
    return {"ballots": message["ballots"], "options": message["options"]}


def test_a_burst_of_1000_changes_is_a_few_sends_ending_with_the_newest():
    clock = Clock()
    coalescer = Coalescer(0.2, clock)
    sent = []
    for version in range(1, 1001):  # one change per millisecond for one second
        clock.now += 0.001
        coalescer.offer(_changed(version, version, 0))
        if (message := coalescer.take()) is not None:
            sent.append(message)
    assert coalescer.take() is None  # the window is still running
    wait = coalescer.wait()
    assert wait is not None and 0 < wait <= 0.2
    clock.now += wait
    sent.append(coalescer.take())
    versions = [message["version"] for message in sent]
    assert versions[0] == 1  # a change after a quiet window goes at once
    assert versions[-1] == 1000  # the window's end flushes the newest
    assert versions == sorted(set(versions))
    assert len(sent) <= 1.0 / 0.2 + 2  # at most one per window
    gaps = [b["version"] - a["version"] for a, b in itertools.pairwise(sent)]
    assert min(gaps) > 100
    assert coalescer.wait() is None and coalescer.take() is None


def test_stale_and_repeated_versions_never_replace_newer_ones():
    clock = Clock()
    coalescer = Coalescer(0.2, clock)
    coalescer.reset(5)  # the snapshot was at version 5
    assert not coalescer.offer(_changed(5, 1, 1))
    assert not coalescer.offer(_changed(3, 1, 0))
    assert coalescer.offer(_changed(8, 4, 4))
    assert not coalescer.offer(_changed(7, 4, 3))  # arrived late from another process
    assert coalescer.take()["version"] == 8  # type: ignore[index]
    assert not coalescer.offer(_changed(8, 4, 4))
    assert coalescer.offer(_changed(9, 5, 4))
    coalescer.reset(10)  # a snapshot read newer counts meanwhile
    assert coalescer.pending is None


def test_a_zero_window_sends_every_change():
    clock = Clock()
    coalescer = Coalescer(0.0, clock)
    taken = []
    for version in range(1, 4):
        coalescer.offer(_changed(version, version, 0))
        taken.append(coalescer.take())
    assert [message["version"] for message in taken] == [1, 2, 3]  # type: ignore[index]


class Reader:
    """The poll as the watcher's reader gives it; tests change it between reads."""

    def __init__(self, state: PollState) -> None:
        self.state: PollState | None = state
        self.reads = 0

    async def __call__(self) -> PollState:
        self.reads += 1
        if self.state is None:
            raise PollNotFound("No such poll.")
        return self.state


def _state(version: int, *, status: str = "OPEN", visible: bool = True, **fields: Any) -> PollState:
    results = _results(version, 0) if visible else None
    return PollState(
        poll_id=POLL,
        status=status,
        version=version,
        results_visible=visible,
        results=results,
        closes_at=fields.get("closes_at"),
    )


def _run(test: Any) -> None:
    asyncio.run(test())


def test_a_watcher_gets_the_snapshot_then_only_the_newest_counts():
    async def test() -> None:
        clock = Clock()
        view = LiveView(Reader(_state(2)), window=0.2, clock=clock)
        snapshot = SERVER.check(await view.snapshot())
        assert snapshot["version"] == 2 and snapshot["results"] == _results(2, 0)
        for version in range(1, 1001):  # a burst arrives before the watcher's turn
            view.offer(_changed(version, version, 0))
        update = SERVER.check(await view.next())
        assert update == {
            "type": "update",
            "poll_id": str(POLL),
            "version": 1000,
            "results": _results(1000, 0),
        }
        view.offer(_changed(1001, 1000, 1))
        assert await view.next(timeout=0) is None  # held until the window ends
        clock.now += 0.2
        assert (await view.next(timeout=0))["version"] == 1001  # type: ignore[index]

    _run(test)


def test_hidden_counts_are_never_sent_before_the_close_and_come_with_it():
    async def test() -> None:
        reader = Reader(_state(0, visible=False))
        view = LiveView(reader, window=0.2, clock=Clock())
        snapshot = SERVER.check(await view.snapshot())
        assert snapshot["results"] is None and snapshot["results_visible"] is False
        for version in range(1, 50):
            view.offer(_changed(version, version, 0))
        assert view.coalescer.pending is None
        assert await view.next(timeout=0) is None
        reader.state = _state(49, status="CLOSED")
        view.offer({"type": "POLL_CHANGED", "poll_id": str(POLL), "poll_version": 2})
        closed = SERVER.check(await view.next())
        assert closed == {
            "type": "closed",
            "poll_id": str(POLL),
            "version": 49,
            "results": _results(49, 0),
        }

    _run(test)


def test_the_closing_time_passing_sends_closed_without_any_message():
    async def test() -> None:
        closes_at = utcnow() + timedelta(hours=1)
        now = [utcnow()]
        reader = Reader(_state(3, visible=False, closes_at=closes_at))
        view = LiveView(reader, window=0.2, clock=Clock(), now=lambda: now[0])
        await view.snapshot()
        assert await view.next(timeout=0) is None
        now[0] = closes_at + timedelta(seconds=1)
        reader.state = _state(3, status="CLOSED")
        closed = SERVER.check(await view.next())
        assert closed["type"] == "closed" and closed["results"] == _results(3, 0)
        assert view.closes_at is None  # closed once: no second `closed`

    _run(test)


def test_a_poll_changed_while_open_sends_a_fresh_snapshot():
    async def test() -> None:
        reader = Reader(_state(4))
        view = LiveView(reader, window=0.2, clock=Clock())
        await view.snapshot()
        reader.state = _state(4, visible=False)  # the owner now hides the counts until close
        view.offer({"type": "POLL_CHANGED", "poll_id": str(POLL), "poll_version": 3})
        again = SERVER.check(await view.next())
        assert again["type"] == "snapshot" and again["results"] is None
        view.offer(_changed(5, 5, 0))
        assert await view.next(timeout=0) is None

    _run(test)


@pytest.mark.parametrize("how", ["deleted", "gone-on-read"])
def test_a_deleted_poll_ends_the_watch(how):
    async def test() -> None:
        reader = Reader(_state(1))
        view = LiveView(reader, window=0.2, clock=Clock())
        await view.snapshot()
        if how == "deleted":
            view.offer({"type": "POLL_DELETED", "poll_id": str(POLL)})
        else:
            reader.state = None
            view.offer({"type": "POLL_CHANGED", "poll_id": str(POLL), "poll_version": 2})
        with pytest.raises(Ended) as ended:
            await view.next()
        assert ended.value.reason == "not-found"

    _run(test)


def test_a_subscription_that_fell_behind_ends_the_watch_for_a_resync():
    async def behind() -> AsyncIterator[dict[str, Any]]:
        yield _changed(2, 2, 0)
        raise realtime.Resync("fell more than 1 messages behind")

    async def test() -> None:
        view = LiveView(Reader(_state(1)), window=0.2, clock=Clock())
        await view.snapshot()
        await view.feed(behind())
        assert view.coalescer.pending is not None  # what came before the gap was kept...
        with pytest.raises(Ended) as ended:
            await view.next()  # ...but the watch ends: the client reconnects for a snapshot
        assert ended.value.reason == "resync"

    _run(test)
