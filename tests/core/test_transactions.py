"""Write intent: a unit of work declared as reading cannot write, on either engine."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select, text, update

from core.db import ReadTransactionWrote, transaction
from db.models.identity import User
from tests.factories.identity import make_user


def _display_name(user: User) -> str:
    with transaction(write=False) as session:
        return str(session.scalar(select(User.display_name).where(User.id == user.id)))


def test_a_read_transaction_refuses_orm_writes_and_keeps_nothing():
    user = make_user()
    with pytest.raises(ReadTransactionWrote), transaction(write=False) as session:
        session.get(User, user.id).display_name = "changed"  # type: ignore[union-attr]
    assert _display_name(user) == "Test User"


def test_a_read_transaction_refuses_core_and_textual_writes():
    user = make_user()
    with pytest.raises(ReadTransactionWrote), transaction(write=False) as session:
        session.execute(update(User).values(display_name="changed"))
    with pytest.raises(ReadTransactionWrote), transaction(write=False) as session:
        session.execute(text("DELETE FROM identity_users"))
    assert _display_name(user) == "Test User"


def test_a_read_transaction_reads():
    make_user()
    with transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(User)) == 1


def test_a_writing_unit_of_work_cannot_join_a_read_transaction():
    with pytest.raises(ReadTransactionWrote), transaction(write=False):  # noqa: SIM117
        with transaction(write=True):
            pass
