from __future__ import annotations

import uuid
from typing import Any

from core.db import read_connection, transaction
from core.http import iso
from core.idempotency import idempotent
from core.security import current_actor
from core.timeutil import parse_rfc3339, with_datetimes
from core.wire import Answer, NoContent, created, page_json, with_etag
from handlers._versioned import change_under_if_match, delete_under_if_match
from services import tasks
from services.tasks import Task, TaskRow


def _task_json(task: Task | TaskRow) -> dict[str, Any]:
    return {
        "id": str(task.id),
        "title": task.title,
        "notes": task.notes,
        "status": task.status,
        "due_at": iso(task.due_at),
        "completed_at": iso(task.completed_at),
        "created_at": task.created_at.isoformat(),
        "updated_at": task.updated_at.isoformat(),
    }


def _with_etag(task: Task | TaskRow) -> Answer:
    return with_etag(_task_json(task), task.version)


def list_tasks(
    status: str | None = None,
    due_before: str | None = None,
    due_after: str | None = None,
    overdue: bool | None = None,
    q: str | None = None,
    sort: str = "-created_at",
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    # One statement on a pooled connection, without a Session (core.db.read_connection).
    with read_connection() as connection:
        page = tasks.list_tasks(
            connection,
            current_actor(),
            status=status,
            due_before=parse_rfc3339(due_before, "query.due_before") if due_before else None,
            due_after=parse_rfc3339(due_after, "query.due_after") if due_after else None,
            overdue=overdue,
            q=q,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
        return page_json(page, _task_json)


@idempotent
def create_task(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        task = tasks.create_task(session, current_actor(), **with_datetimes(body, "due_at"))
        return created(_task_json(task), task.version, "tasks", task.id)


def get_task(task_id: str) -> Answer:
    with read_connection() as connection:
        return _with_etag(tasks.read_task(connection, current_actor(), task_id=uuid.UUID(task_id)))


def update_task(task_id: str, body: dict[str, Any]) -> Answer:
    changes = with_datetimes(body, "due_at")
    return change_under_if_match(
        tasks.update_task, _with_etag, task_id=uuid.UUID(task_id), changes=changes
    )


def delete_task(task_id: str) -> NoContent:
    return delete_under_if_match(tasks.delete_task, task_id=uuid.UUID(task_id))
