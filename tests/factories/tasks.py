from __future__ import annotations

from datetime import datetime
from typing import Any

from core.db import transaction
from db.models.identity import User
from services import tasks
from tests.factories.identity import actor_of


def make_task(
    owner: User, *, title: str = "Buy milk", due_at: datetime | None = None, **fields: Any
) -> tasks.TaskRow:
    with transaction(write=True) as session:
        return tasks.create_task(session, actor_of(owner), title=title, due_at=due_at, **fields)
