"""Tasks: a user's own to-do items."""

from __future__ import annotations

import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, NamedTuple, cast

from sqlalchemy import Connection, Table, bindparam, func, insert, literal, select
from sqlalchemy.orm import Session

from core.compiled import CompiledSelect, CompiledWrite
from core.concurrency import versioned_delete, versioned_write
from core.db import UTCDateTime, utcnow
from core.errors import NotFound
from core.import_targets import Column, ImportTarget
from core.pagination import KeysetPages, Page, parse_datetime
from core.rows import assign, get_or_404
from core.security import Actor
from core.timeutil import with_datetimes
from db.base import new_id
from db.models.tasks import Task as Task  # re-exported for handlers


class TaskRow(NamedTuple):
    """A task as reads and creates answer it (read like a Task: `row.title`), never an ORM
    object: building, identity-mapping and loading them was a sixth of a list-20 request's CPU.
    Changes, which load what they change, keep the ORM."""

    id: uuid.UUID
    owner_id: uuid.UUID
    title: str
    notes: str
    status: str
    due_at: datetime | None
    completed_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


_TASKS = Task.__table__.c
# The reads are statements of the table's columns, built once per shape and run through
# core.compiled: building a statement per request and `session.execute`'s cache key, execution
# context and Row objects were most of a list-20 request's CPU.
_EVERY_TASK = select(*(_TASKS[name] for name in TaskRow._fields))
# Creates send the row's every column, as a read answers it: building, flushing and tracking an
# ORM object was about a third of a create's CPU. Changes keep the ORM (they load what they
# change, under a lock). RETURNING says the one-statement create wrote (CompiledWrite.run_alone).
_INSERT_TASKS = insert(cast(Table, Task.__table__)).values(
    {name: bindparam(name) for name in TaskRow._fields}
)
_INSERT_TASK = CompiledWrite(_INSERT_TASKS.returning(_TASKS.id))
_INSERT_MANY_TASKS = CompiledWrite(_INSERT_TASKS)
_ONE_TASK = CompiledSelect(
    _EVERY_TASK.where(_TASKS.id == bindparam("task_id"), _TASKS.owner_id == bindparam("owner_id"))
)
# Tasks without a due date sort after every dated task when sorting by due_at.
_NO_DUE_DATE = datetime(9999, 12, 31, tzinfo=UTC)
_DUE_SORT_KEY = func.coalesce(_TASKS.due_at, literal(_NO_DUE_DATE, UTCDateTime()))
# Copied as given; `status` goes through _apply_status, which stamps completed_at.
UPDATABLE = ("title", "notes", "due_at")


class TaskNotFound(NotFound, type="/problems/tasks/not-found"): ...


def _completed_at(status: str, now: datetime) -> datetime | None:
    """When a task that takes `status` now was completed: now for DONE, never otherwise."""
    return now if status == "DONE" else None


def _apply_status(task: Task, status: str) -> None:
    if status == task.status:
        return
    task.status = status
    task.completed_at = _completed_at(status, utcnow())


def _new_task(
    actor: Actor,
    *,
    title: str,
    notes: str = "",
    status: str = "OPEN",
    due_at: datetime | None = None,
) -> TaskRow:
    """A task as created: creating it DONE stamps completed_at."""
    now = utcnow()
    completed_at = _completed_at(status, now)
    return TaskRow(new_id(), actor.user_id, title, notes, status, due_at, completed_at, 1, now, now)


def create_task(
    session: Session,
    actor: Actor,
    *,
    title: str,
    notes: str = "",
    status: str = "OPEN",
    due_at: datetime | None = None,
) -> TaskRow:
    """Creates a task owned by the caller; creating it DONE stamps completed_at.

    One INSERT: as a unit of work's first statement, on PostgreSQL, it commits as it runs (one
    round trip, where BEGIN, the INSERT and COMMIT were three) and ends the unit of work. A unit
    of work that writes again after it begins its transaction first (`session.begin()`); else
    that write raises core.db UnitOfWorkEnded (core.compiled `CompiledWrite.run_alone`)."""
    task = _new_task(actor, title=title, notes=notes, status=status, due_at=due_at)
    _INSERT_TASK.run_alone(session, task._asdict())
    return task


def create_tasks(session: Session, actor: Actor, bodies: Sequence[dict[str, Any]]) -> int:
    """Creates many tasks at once (a CSV import's batch) under the rules of create_task."""
    rows = [_new_task(actor, **with_datetimes(body, "due_at"))._asdict() for body in bodies]
    _INSERT_MANY_TASKS.run_many(session, rows)
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


def read_task(source: Session | Connection, actor: Actor, *, task_id: uuid.UUID) -> TaskRow:
    """`get_task` for reading: the caller's task as a row (in a unit of work, or on a
    core.db.read_connection)."""
    rows = _ONE_TASK.rows(source, {"task_id": task_id, "owner_id": actor.user_id})
    if not rows:
        raise TaskNotFound("No such task.")
    return TaskRow._make(rows[0])


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
    source: Session | Connection,
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
) -> Page[TaskRow]:
    """The caller's tasks, filtered, in the requested order, one keyset page at a time (in a
    unit of work, or on a core.db.read_connection)."""
    params: dict[str, Any] = {
        "owner_id": actor.user_id,
        "status": status,
        "due_before": due_before,
        "due_after": due_after,
        "now": utcnow(),
        # `contains` with autoescape, as a value: "/" escapes LIKE's wildcards and itself.
        "q": q and q.lower().replace("/", "//").replace("%", "/%").replace("_", "/_"),
    }
    shape = _ListShape(
        status=bool(status),
        due_before=bool(due_before),
        due_after=bool(due_after),
        overdue=overdue,
        q=bool(q),
        by_due_date=sort.lstrip("-") == "due_at",
        descending=sort.startswith("-"),
    )
    return _pages(shape).page(source, params, limit=limit, cursor=cursor)


@dataclass(frozen=True)
class _ListShape:
    """Which filters a list request gives, and its order: what its statements' text depends on
    (a few hundred shapes at most, each built once)."""

    status: bool
    due_before: bool
    due_after: bool
    overdue: bool | None
    q: bool
    by_due_date: bool
    descending: bool


@functools.cache
def _pages(shape: _ListShape) -> KeysetPages[TaskRow]:
    """The owner's tasks in `shape`, with the values `list_tasks` binds."""
    due_type = _TASKS.due_at.type
    query = _EVERY_TASK.where(_TASKS.owner_id == bindparam("owner_id"))
    if shape.status:
        query = query.where(_TASKS.status == bindparam("status"))
    if shape.due_before:
        query = query.where(_TASKS.due_at < bindparam("due_before", type_=due_type))
    if shape.due_after:
        query = query.where(_TASKS.due_at >= bindparam("due_after", type_=due_type))
    if shape.overdue is not None:
        is_overdue = (_TASKS.status == "OPEN") & (_TASKS.due_at < bindparam("now", type_=due_type))
        query = query.where(is_overdue if shape.overdue else ~is_overdue | _TASKS.due_at.is_(None))
    if shape.q:
        query = query.where(func.lower(_TASKS.title).contains(bindparam("q"), escape="/"))
    by_due_date = shape.by_due_date
    sort = ("-" if shape.descending else "") + ("due_at" if by_due_date else "created_at")
    return KeysetPages(
        query,
        kind=f"tasks:{sort}",  # a cursor belongs to its order
        columns=(_DUE_SORT_KEY, _TASKS.id) if by_due_date else (_TASKS.created_at, _TASKS.id),
        row=TaskRow._make,
        descending=shape.descending,
        key=(lambda task: (task.due_at or _NO_DUE_DATE, task.id)) if by_due_date else None,
        parsers=(parse_datetime, uuid.UUID),
    )
