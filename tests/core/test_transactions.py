"""Write intent: a unit of work declared as reading cannot write, on either engine; how each engine
runs a read unit (PostgreSQL: autocommit, no BEGIN/COMMIT; SQLite: one deferred transaction)."""

from __future__ import annotations

from typing import Any

import pytest
from psycopg.pq import TransactionStatus
from sqlalchemy import event, func, select, text, update
from sqlalchemy.orm import Session

from core.db import (
    ReadTransactionWrote,
    autocommit_connection,
    read_connection,
    transaction,
)
from core.settings import get_settings
from db.models.identity import User
from services.identity.authentication import account_state
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


def _driver_connection(session: Session) -> Any:
    return session.connection().connection.driver_connection


def _in_transaction(session: Session) -> bool:
    driver = _driver_connection(session)
    if session.get_bind().dialect.name == "postgresql":
        return bool(driver.info.transaction_status != TransactionStatus.IDLE)
    return bool(driver.in_transaction)


def test_a_read_unit_runs_without_begin_on_postgresql_and_in_one_snapshot_on_sqlite():
    user = make_user()
    with transaction(write=False) as session:
        session.scalar(select(User.id).where(User.id == user.id))
        # PostgreSQL at READ COMMITTED snapshots each statement anyway: BEGIN/COMMIT would be
        # two round trips for nothing. SQLite's deferred transaction is a real snapshot: kept.
        assert _in_transaction(session) is (session.get_bind().dialect.name == "sqlite")


def test_a_write_after_reads_is_still_one_transaction():
    for _ in range(3):  # return autocommit connections to the pool for the writer to reuse
        _display_name(make_user())
    users_before = _user_count()
    with pytest.raises(RuntimeError):
        _two_writes_then_an_error()
    assert _user_count() == users_before


def _two_writes_then_an_error() -> None:
    with transaction(write=True) as session:
        session.execute(text("SELECT 1"))
        assert _in_transaction(session)
        make_user()
        make_user()
        raise RuntimeError("after two writes")


def _user_count() -> int:
    with transaction(write=False) as session:
        return int(session.scalar(select(func.count()).select_from(User)) or 0)


def test_a_read_unit_refuses_row_locks():
    user = make_user()
    with pytest.raises(ReadTransactionWrote), transaction(write=False) as session:
        session.execute(text("SELECT id FROM identity_users FOR UPDATE"))
    with pytest.raises(ReadTransactionWrote), transaction(write=False) as session:
        session.execute(text("SELECT id FROM identity_users FOR KEY SHARE"))
    with transaction(write=False) as session:
        if session.get_bind().dialect.name == "postgresql":  # SQLite renders no FOR UPDATE
            with pytest.raises(ReadTransactionWrote):
                session.scalars(select(User).where(User.id == user.id).with_for_update()).all()


def test_a_read_connection_reads_refuses_writes_and_gives_its_connection_back():
    user = make_user()
    with read_connection() as connection:
        pool = connection.engine.pool  # PostgreSQL: the autocommit pool, not get_engine()'s
        checked_out = pool.checkedout() - 1  # type: ignore[attr-defined]
        assert connection.execute(select(func.count()).select_from(User)).scalar() == 1
        with pytest.raises(ReadTransactionWrote):
            connection.execute(update(User).values(display_name="changed"))
    assert pool.checkedout() == checked_out  # type: ignore[attr-defined]
    assert _display_name(user) == "Test User"


def test_statements_that_commit_as_they_run_have_a_pool_of_their_own_on_postgresql():
    with read_connection() as connection:
        reader = connection.connection.driver_connection
        read_pool = connection.engine.pool
    with autocommit_connection() as connection:
        alone = None if connection is None else connection.connection.driver_connection
    with transaction(write=True) as session:
        writer = _driver_connection(session)
        write_pool = session.get_bind().pool
    if session.get_bind().dialect.name != "postgresql":
        assert alone is None and read_pool is write_pool  # SQLite: one pool, no autocommit
        return
    # Opened in autocommit and never switched back and forth: still so once back in the pool.
    assert reader.autocommit and alone.autocommit and not writer.autocommit
    assert read_pool is not write_pool
    # Each as large as the one pool was: the transactions keep every connection they had.
    size = get_settings().db_pool_size
    assert read_pool.size() == write_pool.size() == size  # type: ignore[attr-defined]


def test_a_read_connection_inside_a_unit_of_work_is_that_units_connection():
    # A write made earlier in the unit is seen: same connection, same transaction.
    user = make_user()
    with transaction(write=True) as session:
        session.execute(update(User).where(User.id == user.id).values(display_name="changed"))
        with read_connection() as connection:
            assert connection is session.connection()
            name = select(User.display_name).where(User.id == user.id)
            assert connection.execute(name).scalar() == "changed"


def test_a_check_before_the_unit_of_work_reads_on_a_connection_of_its_own():
    # `own`: the credential and session checks, which must not see (or wait on) a unit of work
    # that happens to be open in the same context.
    user = make_user()
    with transaction(write=True) as session:
        session.execute(update(User).where(User.id == user.id).values(display_name="changed"))
        with read_connection(own=True) as connection:
            assert connection is not session.connection()
            name = select(User.display_name).where(User.id == user.id)
            assert connection.execute(name).scalar() == "Test User"  # what is committed
            with pytest.raises(ReadTransactionWrote):
                connection.execute(update(User).values(display_name="again"))


def test_the_account_check_takes_no_connection_of_the_transactions_pool():
    user = make_user()
    with transaction(write=True) as session:
        write_pool = session.get_bind().pool
    taken: list[object] = []

    def count(*_: object) -> None:
        taken.append(None)

    event.listen(write_pool, "checkout", count)
    try:
        assert account_state(user.id) is not None
    finally:
        event.remove(write_pool, "checkout", count)
    # PostgreSQL: the autocommit pool's (no switch to autocommit and back); SQLite: one pool.
    assert len(taken) == (0 if get_settings().database_url.startswith("postgresql") else 1)
