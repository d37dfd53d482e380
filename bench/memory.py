"""Fixed task data for the framework-only endpoints of both benchmarked servers."""

from __future__ import annotations

import uuid
from typing import Any

_STAMP = "2026-01-15T09:30:00+00:00"
_TASKS = [
    {
        "id": str(uuid.UUID(int=number + 1)),
        "title": f"Benchmark task {number}",
        "notes": "Fixed data: no database on this path.",
        "status": "OPEN" if number % 2 else "DONE",
        "due_at": None,
        "completed_at": None if number % 2 else _STAMP,
        "created_at": _STAMP,
        "updated_at": _STAMP,
    }
    for number in range(100)
]


def page(limit: int) -> dict[str, Any]:
    return {"items": _TASKS[:limit], "next": None}


def one(task_id: str) -> dict[str, Any]:
    return {**_TASKS[0], "id": task_id}


def created(body: dict[str, Any]) -> dict[str, Any]:
    return {**_TASKS[1], **body, "due_at": body.get("due_at")}
