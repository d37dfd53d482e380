from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.callout import Done, TransactionOpen, joinable, read_call_write
from core.db import current_session, transaction
from db.models.identity import User
from tests.factories.identity import make_user


class Failed(Exception):
    pass


def _users(session) -> int:
    return session.scalar(select(func.count()).select_from(User)) or 0


def test_the_call_runs_with_no_transaction_open_between_a_read_and_a_write():
    seen = []

    def call(plan: int) -> int:
        seen.append(current_session())
        return plan * 2

    result = read_call_write(lambda session: 21, call, lambda session, plan, answer: answer + 0)
    assert result == 42 and seen == [None]


def test_done_from_the_read_skips_the_call_and_the_write():
    calls = []
    result = read_call_write(
        lambda session: Done("cached"), calls.append, lambda *_: calls.append("write")
    )
    assert result == "cached" and calls == []


def test_a_failure_is_recorded_and_raised_or_answered_by_recover():
    user = make_user()

    def record(session, plan, error):
        session.get(User, user.id).display_name = f"failed {plan}"
        return None if plan == 1 else Done("stale")

    def fail(plan):
        raise Failed

    with pytest.raises(Failed):
        read_call_write(lambda s: 1, fail, lambda *_: "x", failures=(Failed,), recover=record)
    with transaction(write=False) as session:
        assert session.get(User, user.id).display_name == "failed 1"  # committed, then raised
    answer = read_call_write(lambda s: 2, fail, lambda *_: "x", failures=(Failed,), recover=record)
    assert answer == "stale"


def test_it_refuses_to_run_inside_an_open_transaction():
    with transaction(write=False), pytest.raises(TransactionOpen):
        read_call_write(_users, lambda plan: plan, lambda *_: None)


def test_a_transaction_marked_joinable_is_joined():
    with transaction(write=True) as session:
        joinable(session)
        seen = []
        result = read_call_write(
            lambda inner: seen.append(inner is session) or 1,
            lambda plan: plan + 1,
            lambda inner, _plan, answer: (seen.append(inner is session), answer)[1],
        )
    assert result == 2 and seen == [True, True]
