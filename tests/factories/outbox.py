from __future__ import annotations

from typing import Any

from core.db import transaction
from db.models.identity import User
from db.models.outbox import OutboxMessage
from services import outbox


def make_outbox_message(
    owner: User | None = None,
    *,
    to: str = "ada@example.com",
    subject: str = "Hello",
    text: str = "A plain-text body.",
    **fields: Any,
) -> OutboxMessage:
    """A queued message (the API's when `owner` is given), then `fields` set on its row."""
    with transaction(write=True) as session:
        message = outbox.enqueue_email(
            session,
            to=to,
            subject=subject,
            text=text,
            kind="api" if owner else "test",
            owner_id=owner.id if owner else None,
        )
        for name, value in fields.items():
            setattr(message, name, value)
        return message
