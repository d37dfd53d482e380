"""Tasks: a user's own to-do items."""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session

from core.concurrency import versioned_delete, versioned_write
from core.db import UTCDateTime, utcnow
from core.errors import NotFound
from core.import_targets import Column, ImportTarget
from core.pagination import Page, paginate, paginate_by_creation, parse_datetime
from core.rows import assign, get_or_404
from core.security import Actor
from core.timeutil import with_datetimes
from db.models.tasks import Task as Task  # re-exported for handlers

# Tasks without a due date sort after every dated task when sorting by due_at.
_NO_DUE_DATE = datetime(9999, 12, 31, tzinfo=UTC)
_DUE_SORT_KEY = func.coalesce(Task.due_at, literal(_NO_DUE_DATE, UTCDateTime()))
# Copied as given; `status` goes through _apply_status, which stamps completed_at.
UPDATABLE = ("title", "notes", "due_at")


class TaskNotFound(NotFound, type="/problems/tasks/not-found"): ...


def _apply_status(task: Task, status: str) -> None:
    if status == task.status:
        return
    task.status = status
    task.completed_at = utcnow() if status == "DONE" else None


def _new_task(
    actor: Actor,
    *,
    title: str,
    notes: str = "",
    status: str = "OPEN",
    due_at: datetime | None = None,
) -> Task:
    task = Task(owner_id=actor.user_id, title=title, notes=notes, status="OPEN", due_at=due_at)
    _apply_status(task, status)
    return task


def create_task(
    session: Session,
    actor: Actor,
    *,
    title: str,
    notes: str = "",
    status: str = "OPEN",
    due_at: datetime | None = None,
) -> Task:
    """Creates a task owned by the caller; creating it DONE stamps completed_at."""
    task = _new_task(actor, title=title, notes=notes, status=status, due_at=due_at)
    session.add(task)
    session.flush()
    return task


def create_tasks(session: Session, actor: Actor, bodies: Sequence[dict[str, Any]]) -> int:
    """Creates many tasks at once (a CSV import's batch) under the rules of create_task."""
    session.add_all(_new_task(actor, **with_datetimes(body, "due_at")) for body in bodies)
    session.flush()
    return len(bodies)


IMPORT_TARGET = ImportTarget(
    name="tasks",
    operation_id="createTask",
    description="Your tasks; `due_at` in RFC 3339 (`2026-03-01T17:00:00Z`).",
    columns=(Column("title"), Column("notes"), Column("status"), Column("due_at")),
    insert=create_tasks,
)


def get_task(session: Session, actor: Actor, *, task_id: uuid.UUID, lock: bool = False) -> Task:
    """The caller's task; someone else's task is NotFound, like a missing one."""
    mine, missing = Task.owner_id == actor.user_id, TaskNotFound("No such task.")
    return get_or_404(session, Task, task_id, where=mine, missing=missing, lock=lock)


def update_task(
    session: Session,
    actor: Actor,
    *,
    task_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> Task:
    """Applies changes under a row lock; a stale If-Match fails with nothing changed."""
    task = get_task(session, actor, task_id=task_id, lock=True)
    with versioned_write(session, task, if_match=if_match):
        assign(task, changes, UPDATABLE)
        if "status" in changes:
            _apply_status(task, changes["status"])
    return task


def delete_task(
    session: Session, actor: Actor, *, task_id: uuid.UUID, if_match: str | None = None
) -> None:
    """Deletes the caller's task (guarded by If-Match when given)."""
    versioned_delete(
        session, get_task(session, actor, task_id=task_id, lock=True), if_match=if_match
    )


def list_tasks(
    session: Session,
    actor: Actor,
    *,
    status: str | None = None,
    due_before: datetime | None = None,
    due_after: datetime | None = None,
    overdue: bool | None = None,
    q: str | None = None,
    sort: str = "-created_at",
    limit: int = 20,
    cursor: str | None = None,
) -> Page[Task]:
    """The caller's tasks, filtered, in the requested order, one keyset page at a time."""
    query = select(Task).where(Task.owner_id == actor.user_id)
    if status:
        query = query.where(Task.status == status)
    if due_before:
        query = query.where(Task.due_at < due_before)
    if due_after:
        query = query.where(Task.due_at >= due_after)
    if overdue is not None:
        is_overdue = (Task.status == "OPEN") & (Task.due_at < utcnow())
        query = query.where(is_overdue if overdue else ~is_overdue | Task.due_at.is_(None))
    if q:
        query = query.where(func.lower(Task.title).contains(q.lower(), autoescape=True))
    kind, descending = f"tasks:{sort}", sort.startswith("-")
    if sort.lstrip("-") != "due_at":
        return paginate_by_creation(
            session, query, kind=kind, limit=limit, cursor=cursor, newest_first=descending
        )
    return paginate(
        session,
        query,
        kind=kind,
        columns=(_DUE_SORT_KEY, Task.id),
        key=lambda task: (task.due_at or _NO_DUE_DATE, task.id),
        parsers=(parse_datetime, uuid.UUID),
        limit=limit,
        cursor=cursor,
        descending=descending,
    )
