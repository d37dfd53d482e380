"""core.pagination.KeysetPages: pages of a SELECT built once, run as compiled statements, visit
every row once in order (ties on the sort key broken by id, both directions), keep `paginate`'s
cursors, and cost one statement a page with nothing built or compiled per request. On SQLite and
PostgreSQL."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, NamedTuple

import pytest
from sqlalchemy import bindparam, select, update

from core.db import read_connection, transaction
from core.pagination import InvalidCursor, KeysetPages, paginate
from db.models.tasks import Task
from tests.factories.tasks import make_task
from tests.support.pages import every_item
from tests.support.statements import through_execute

_TASKS = Task.__table__.c


class _Row(NamedTuple):
    id: uuid.UUID
    title: str
    created_at: datetime


_MINE = select(_TASKS.id, _TASKS.title, _TASKS.created_at).where(
    _TASKS.owner_id == bindparam("owner_id")
)


def _pages(descending: bool) -> KeysetPages[_Row]:
    return KeysetPages(
        _MINE,
        kind="test-tasks",
        columns=(_TASKS.created_at, _TASKS.id),
        row=_Row._make,
        descending=descending,
    )


def _tasks_with_tied_times(user: Any) -> list[uuid.UUID]:
    """Seven tasks whose creation times tie in threes, the way a bulk import stamps them."""
    ids = [make_task(user, title=f"t{n}").id for n in range(7)]
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with transaction(write=True) as session:
        for n, task_id in enumerate(ids):
            at = start + timedelta(seconds=n // 3)
            session.execute(update(Task).where(Task.id == task_id).values(created_at=at))
    return ids


@pytest.mark.parametrize("descending", [False, True])
def test_pages_visit_every_row_once_in_order_with_ties_broken_by_id(user, user_factory, descending):
    _tasks_with_tied_times(user)
    make_task(user_factory(), title="not mine")
    pages = _pages(descending)
    with read_connection() as connection:
        expected = sorted(
            (_Row._make(row) for row in connection.execute(_MINE, {"owner_id": user.id})),
            key=lambda row: (row.created_at, row.id),
            reverse=descending,
        )

        def read_page(cursor: str | None) -> Any:
            return pages.page(connection, {"owner_id": user.id}, limit=3, cursor=cursor)

        seen = every_item(read_page)
    assert len(expected) == 7
    assert seen == expected


def test_paginates_cursors_continue_here_and_back(user):
    _tasks_with_tied_times(user)
    pages = _pages(descending=True)
    columns = (_TASKS.created_at, _TASKS.id)
    with transaction(write=False) as session:

        def paginated(cursor: str | None) -> Any:
            return paginate(
                session,
                _MINE.params(owner_id=user.id),
                kind="test-tasks",
                columns=columns,
                limit=3,
                cursor=cursor,
                descending=True,
                rows=True,
            )

        first = paginated(None)
        assert pages.page(session, {"owner_id": user.id}, limit=3, cursor=None) == first
        second = pages.page(session, {"owner_id": user.id}, limit=3, cursor=first.next)
        assert [tuple(row) for row in paginated(first.next).items] == second.items
        third = paginated(second.next)
        assert pages.page(session, {"owner_id": user.id}, limit=3, cursor=second.next) == third


def test_a_cursor_of_another_list_or_forged_is_invalid(user):
    make_task(user)
    make_task(user)
    pages = _pages(descending=True)
    with read_connection() as connection:
        cursor = pages.page(connection, {"owner_id": user.id}, limit=1, cursor=None).next
        assert cursor is not None
        other = KeysetPages(
            _MINE, kind="other-list", columns=(_TASKS.created_at, _TASKS.id), row=_Row._make
        )
        with pytest.raises(InvalidCursor):
            other.page(connection, {"owner_id": user.id}, limit=1, cursor=cursor)
        # The last character changed: the MAC no longer matches.
        forged = cursor[:-1] + ("A" if cursor[-1] != "A" else "B")
        with pytest.raises(InvalidCursor):
            pages.page(connection, {"owner_id": user.id}, limit=1, cursor=forged)


def test_a_page_is_one_statement_sent_without_sqlalchemys_per_call_execution(
    user, statement_counter
):
    _tasks_with_tied_times(user)
    pages = _pages(descending=True)
    with (
        statement_counter() as counted,
        through_execute() as executed,
        read_connection() as connection,
    ):
        first = pages.page(connection, {"owner_id": user.id}, limit=2, cursor=None)
        pages.page(connection, {"owner_id": user.id}, limit=2, cursor=first.next)
    assert len(counted.statements) == 2, counted.statements
    assert executed == []
