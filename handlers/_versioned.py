"""The handler side of changing a versioned row: one write transaction, the caller as actor, and
the If-Match the caller sent (the service checks it under the row lock: core.concurrency)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from core.db import transaction
from core.http import header
from core.security import current_actor
from core.wire import Answer, NoContent

Row = TypeVar("Row")


def change_under_if_match(
    change: Callable[..., Row], answer: Callable[[Row], Answer], **arguments: Any
) -> Answer:
    """`change(session, actor, if_match=…, **arguments)`, answered by `answer(row)`."""
    with transaction(write=True) as session:
        return answer(change(session, current_actor(), if_match=header("If-Match"), **arguments))


def delete_under_if_match(delete: Callable[..., object], **arguments: Any) -> NoContent:
    """`delete(session, actor, if_match=…, **arguments)`, answered 204."""
    with transaction(write=True) as session:
        delete(session, current_actor(), if_match=header("If-Match"), **arguments)
    return None, 204
