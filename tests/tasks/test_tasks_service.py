from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy.exc import StatementError

from core.db import transaction
from core.errors import PreconditionFailed
from services import tasks
from tests.factories.identity import actor_of, make_user
from tests.factories.tasks import make_task


def test_completing_sets_and_reopening_clears_completed_at(session, user):
    task = tasks.create_task(session, actor_of(user), title="x")
    assert task.completed_at is None
    done = tasks.update_task(session, actor_of(user), task_id=task.id, changes={"status": "DONE"})
    first_completion = done.completed_at
    assert first_completion is not None
    again = tasks.update_task(session, actor_of(user), task_id=task.id, changes={"status": "DONE"})
    assert again.completed_at == first_completion  # completing twice keeps the first time
    reopened = tasks.update_task(
        session, actor_of(user), task_id=task.id, changes={"status": "OPEN"}
    )
    assert reopened.completed_at is None


def test_creating_a_task_done_stamps_completed_at(session, user):
    task = tasks.create_task(session, actor_of(user), title="x", status="DONE")
    assert task.completed_at == task.created_at
    stored = tasks.read_task(session, actor_of(user), task_id=task.id)
    assert stored == task  # what the create answers is what was stored


def test_every_update_bumps_the_version(session, user):
    task = tasks.create_task(session, actor_of(user), title="x")
    assert task.version == 1
    changed = tasks.update_task(session, actor_of(user), task_id=task.id, changes={"notes": "n"})
    assert changed.version == 2


def test_if_match_star_and_lists(session, user):
    task = tasks.create_task(session, actor_of(user), title="x")
    tasks.update_task(
        session, actor_of(user), task_id=task.id, changes={"notes": "a"}, if_match="*"
    )
    tasks.update_task(
        session, actor_of(user), task_id=task.id, changes={"notes": "b"}, if_match='"7", "2"'
    )
    with pytest.raises(PreconditionFailed):
        tasks.update_task(
            session, actor_of(user), task_id=task.id, changes={"notes": "c"}, if_match='W/"3"'
        )


def test_other_users_task_is_not_found(session):
    owner, other = make_user(), make_user()
    task = make_task(owner)
    with pytest.raises(tasks.TaskNotFound):
        tasks.get_task(session, actor_of(other), task_id=task.id)
    with pytest.raises(tasks.TaskNotFound):
        tasks.delete_task(session, actor_of(other), task_id=task.id)


def test_overdue_means_open_and_past_due(session, user):
    past = datetime.now(UTC) - timedelta(hours=1)
    make_task(user, title="late", due_at=past)
    make_task(user, title="late but done", due_at=past, status="DONE")
    page = tasks.list_tasks(session, actor_of(user), overdue=True)
    assert [t.title for t in page.items] == ["late"]


def test_title_search_treats_wildcards_literally(session, user):
    make_task(user, title="100% done")
    make_task(user, title="1000 things")
    page = tasks.list_tasks(session, actor_of(user), q="0%")
    assert [t.title for t in page.items] == ["100% done"]


def test_naive_datetimes_are_refused(user):
    with pytest.raises(StatementError, match="naive"), transaction(write=True) as session:
        tasks.create_task(session, actor_of(user), title="x", due_at=datetime(2026, 1, 1))


def test_datetimes_come_back_in_utc(session, user):
    from datetime import timezone

    due = datetime(2026, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))
    task = make_task(user, due_at=due)
    session.expire_all()
    fetched = tasks.get_task(session, actor_of(user), task_id=task.id)
    assert fetched.due_at == due
    assert fetched.due_at.utcoffset() == timedelta(0)


def test_reads_answer_rows_without_orm_objects(user):
    other = make_user()
    task = make_task(user, title="mine")
    make_task(other)
    with transaction(write=False) as session:
        page = tasks.list_tasks(session, actor_of(user))
        read = tasks.read_task(session, actor_of(user), task_id=task.id)
        with pytest.raises(tasks.TaskNotFound):
            tasks.read_task(session, actor_of(other), task_id=task.id)
        # A row per task, read like a Task; nothing loaded into the session's identity map.
        assert [t.title for t in page.items] == ["mine"] and read.version == task.version
        assert len(session.identity_map) == 0
