from __future__ import annotations

import asyncio
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta
from typing import Any

import pytest

from core import realtime
from core.db import transaction, utcnow
from core.errors import Unauthorized
from services import polls
from tests.factories.identity import actor_of, make_user
from tests.factories.polls import make_closed_poll, make_poll, make_scheduled_poll

WAIT = 20.0


def _cast(poll: polls.PollsPoll, voter: Any, *choices: int, device: str | None = None) -> bool:
    with transaction(write=True) as session:
        _, new = polls.cast_ballot(
            session,
            voter,
            poll_id=poll.id,
            option_ids=[poll.options[n].id for n in choices],
            device_id=device,
        )
        return new


def _counts(poll: polls.PollsPoll) -> tuple[int, list[int]]:
    with transaction(write=False) as session:
        tally = polls.tallies(session, [poll.id])[poll.id]
    return tally.ballots, [tally.votes[option.id] for option in poll.options]


def test_status_follows_the_opening_window():
    now = utcnow()
    poll = polls.PollsPoll(opens_at=now, closes_at=now + timedelta(hours=1))
    assert polls.status_of(poll, now - timedelta(seconds=1)) == "SCHEDULED"
    assert polls.status_of(poll, now) == "OPEN"
    assert polls.status_of(poll, now + timedelta(hours=1)) == "CLOSED"
    poll.closes_at = None
    assert polls.status_of(poll, now + timedelta(days=999)) == "OPEN"


def test_choice_limits_default_to_one_or_every_option(session, user):
    single = polls.create_poll(session, actor_of(user), question="Q", options=["A", "B", "C"])
    multiple = polls.create_poll(
        session, actor_of(user), question="Q", options=["A", "B", "C"], multiple_choice=True
    )
    assert (single.poll.max_choices, multiple.poll.max_choices) == (1, 3)


def test_a_single_choice_ballot_takes_exactly_one_option(user):
    poll = make_poll(user)
    with pytest.raises(polls.InvalidChoiceCount):
        _cast(poll, actor_of(user), 0, 1)
    assert _counts(poll) == (0, [0, 0, 0])


def test_repeated_option_ids_count_once(user):
    poll = make_poll(user, multiple_choice=True)
    with transaction(write=True) as session:
        option = poll.options[0].id
        view, _ = polls.cast_ballot(
            session, actor_of(user), poll_id=poll.id, option_ids=[option, option]
        )
    assert view.option_ids == [option]
    assert _counts(poll) == (1, [1, 0, 0])


def test_anonymous_polls_ignore_the_account_and_need_a_device(user):
    poll = make_poll(user, anonymous=True)
    with pytest.raises(polls.DeviceIdRequired):
        _cast(poll, actor_of(user), 0)
    assert _cast(poll, None, 0, device="phone-123")
    assert _cast(poll, actor_of(user), 1, device="laptop-456")
    with pytest.raises(polls.AlreadyVoted):
        _cast(poll, actor_of(make_user()), 2, device="phone-123")
    assert _counts(poll) == (2, [1, 1, 0])


def test_an_account_poll_refuses_anonymous_voters(user):
    with pytest.raises(Unauthorized):
        _cast(make_poll(user), None, 0, device="phone-123")


def test_the_schedule_moves_only_forward_and_a_closed_poll_stays_closed(user):
    scheduled, opened, closed = make_scheduled_poll(user), make_poll(user), make_closed_poll(user)
    actor = actor_of(user)

    def change(poll: polls.PollsPoll, **changes: Any) -> polls.PollView:
        with transaction(write=True) as session:
            return polls.update_poll(session, actor, poll_id=poll.id, changes=changes)

    soon = utcnow() + timedelta(minutes=5)
    assert change(scheduled, opens_at=soon).poll.opens_at == soon
    with pytest.raises(polls.InvalidSchedule):
        change(opened, opens_at=soon)
    with pytest.raises(polls.InvalidSchedule):
        change(opened, status="CLOSED", closes_at=soon)
    with pytest.raises(polls.InvalidSchedule):
        change(scheduled, closes_at=soon)  # before it opens
    with pytest.raises(polls.PollClosed):
        change(closed, closes_at=None)
    assert change(opened, closes_at=soon).status == "OPEN"
    early = change(scheduled, status="CLOSED")
    assert early.status == "CLOSED"
    assert early.poll.opens_at <= early.poll.closes_at  # type: ignore[operator]


def _all_at_once(calls: list[Any]) -> list[Any]:
    """Runs the calls in threads released together; each answer, or the exception it raised."""
    barrier = threading.Barrier(len(calls))

    def run(call: Any) -> Any:
        barrier.wait(timeout=WAIT)
        try:
            return call()
        except Exception as exc:  # the outcome under test
            return exc

    with ThreadPoolExecutor(max_workers=len(calls)) as pool:
        return list(pool.map(run, calls))


def test_concurrent_first_votes_of_one_voter_count_once(user):
    poll = make_poll(user)
    voter = actor_of(make_user())
    outcomes = _all_at_once([lambda: _cast(poll, voter, 1)] * 8)
    assert outcomes.count(True) == 1
    assert all(isinstance(o, polls.AlreadyVoted) for o in outcomes if o is not True), outcomes
    assert _counts(poll) == (1, [0, 1, 0])


def test_concurrent_vote_changes_leave_exactly_one_ballot(user):
    poll = make_poll(user, allow_vote_change=True, multiple_choice=True)
    voter = actor_of(make_user())
    choices = [(0,), (1, 2), (2,), (0, 1), (1,), (0, 2)]
    outcomes = _all_at_once([lambda c=c: _cast(poll, voter, *c) for c in choices])
    assert sorted(outcomes, key=str) == [False] * 5 + [True], outcomes
    ballots, votes = _counts(poll)
    with transaction(write=False) as session:
        mine = polls.get_my_ballot(session, voter, poll_id=poll.id).option_ids
    assert ballots == 1
    assert votes == [1 if option.id in mine else 0 for option in poll.options]


def _serve(test: Any) -> None:
    async def main() -> None:
        async with realtime.serving() as connected:
            await asyncio.wait_for(connected.wait(), WAIT)
            await test()

    asyncio.run(main())


def test_each_committed_ballot_change_publishes_the_counts_in_order(user):
    poll = make_poll(user, allow_vote_change=True)
    first, second = actor_of(make_user()), actor_of(make_user())

    def withdraw() -> None:
        with transaction(write=True) as session:
            polls.withdraw_ballot(session, first, poll_id=poll.id)

    async def test() -> None:
        async with realtime.subscribe(polls.channel(poll.id)) as subscription:
            await asyncio.to_thread(_cast, poll, first, 0)
            await asyncio.to_thread(_cast, make_poll(user), second, 0)  # another channel
            await asyncio.to_thread(_cast, poll, second, 2)
            await asyncio.to_thread(_cast, poll, first, 2)
            await asyncio.to_thread(withdraw)
            messages = [await asyncio.wait_for(anext(subscription), WAIT) for _ in range(4)]
        options = [str(option.id) for option in poll.options]
        assert messages[0] == {
            "type": "VOTES_CHANGED",
            "poll_id": str(poll.id),
            "version": 1,
            "ballots": 1,
            "options": [
                {"option_id": o, "votes": v} for o, v in zip(options, [1, 0, 0], strict=True)
            ],
        }
        assert [m["version"] for m in messages] == [1, 2, 3, 4]
        assert [m["ballots"] for m in messages] == [1, 2, 2, 1]
        assert [[o["votes"] for o in m["options"]] for m in messages[1:]] == [
            [1, 0, 1],
            [0, 0, 2],
            [0, 0, 1],
        ]

    _serve(test)


def test_a_refused_vote_publishes_nothing_and_edits_say_so(user):
    poll = make_poll(user)
    voter = actor_of(make_user())

    async def test() -> None:
        async with realtime.subscribe(polls.channel(poll.id)) as subscription:
            await asyncio.to_thread(_cast, poll, voter, 0)
            with pytest.raises(polls.AlreadyVoted):
                await asyncio.to_thread(_cast, poll, voter, 1)

            def close_and_delete() -> None:
                with transaction(write=True) as session:
                    polls.update_poll(
                        session, actor_of(user), poll_id=poll.id, changes={"status": "CLOSED"}
                    )
                with transaction(write=True) as session:
                    polls.delete_poll(session, actor_of(user), poll_id=poll.id)

            await asyncio.to_thread(close_and_delete)
            messages = [await asyncio.wait_for(anext(subscription), WAIT) for _ in range(3)]
        assert [m["type"] for m in messages] == ["VOTES_CHANGED", "POLL_CHANGED", "POLL_DELETED"]
        assert messages[1]["poll_version"] == 2

    _serve(test)
