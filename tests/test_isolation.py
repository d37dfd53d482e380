"""The per-test reset (tests/conftest.py) leaves every table empty, whoever wrote."""

from __future__ import annotations

import os
import subprocess
import sys

from sqlalchemy import func, select, text

from core.db import get_engine, transaction
from db.base import Base
from db.models.identity import User
from db.models.tasks import Task
from tests.conftest import reset_state
from tests.factories.identity import make_user
from tests.factories.tasks import make_task
from tests.support.statements import LOG


def _tables_with_rows() -> set[str]:
    with get_engine().connect() as connection:
        return {
            table.name
            for table in Base.metadata.sorted_tables
            if connection.execute(select(func.count()).select_from(table)).scalar()
        }


def test_the_tables_a_test_writes_to_are_recorded_and_emptied():
    task = make_task(make_user())
    with transaction(write=True) as session:
        assert session.get(Task, task.id) is not None
    written = {name for name in LOG.written if name in Base.metadata.tables}
    assert written == _tables_with_rows() >= {User.__tablename__, Task.__tablename__}
    reset_state()
    assert _tables_with_rows() == set()
    assert LOG.written == set()


def test_reads_record_nothing():
    with transaction(write=True) as session:
        session.execute(select(User)).all()
        session.execute(text("SELECT 1"))
    assert LOG.written == set()


def test_rows_another_process_writes_are_emptied_too():
    code = "from tests.factories.identity import make_user; make_user(email='other@example.com')"
    subprocess.run([sys.executable, "-c", code], check=True, env=os.environ.copy())
    assert LOG.written == set()
    assert LOG.foreign_writes
    assert _tables_with_rows() == {User.__tablename__}
    reset_state()
    assert _tables_with_rows() == set()


def test_the_statement_counter_counts_the_statements_of_its_block(statement_counter):
    make_user()
    with statement_counter() as counted, transaction(write=True) as session:
        session.execute(select(User)).all()
        session.execute(select(func.count()).select_from(User)).scalar()
    assert len(counted.selects) == 2
    with statement_counter() as nothing:
        pass
    assert nothing.statements == []
