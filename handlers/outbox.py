from __future__ import annotations

import uuid
from typing import Any

import jobs.outbox  # noqa: F401 - installs the dispatcher that queues delivery jobs after commit
from core.db import transaction
from core.http import iso
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, api_path, page_json
from services import outbox
from services.outbox import OutboxMessage


def _delivery_json(message: OutboxMessage) -> dict[str, Any]:
    """What a message and a dead letter both show: where it goes and how delivery went."""
    return {
        "id": str(message.id),
        "to": message.to_address,
        "subject": message.subject,
        "status": message.status,
        "attempts": message.attempts,
        "last_error": message.last_error,
        "message_id": outbox.message_id_header(message.id),
        "created_at": iso(message.created_at),
        "updated_at": iso(message.updated_at),
        "dead_at": iso(message.dead_at),
    }


def _message_json(message: OutboxMessage) -> dict[str, Any]:
    return {
        **_delivery_json(message),
        "text": message.body,
        "next_attempt_at": iso(message.next_attempt_at),
        "sent_at": iso(message.sent_at),
    }


def _dead_letter_json(message: OutboxMessage) -> dict[str, Any]:
    """No body: other domains' messages may carry one-use links, and admins need not read them."""
    return {
        **_delivery_json(message),
        "owner_id": str(message.owner_id) if message.owner_id else None,
        "kind": message.kind,
    }


def list_outbox_messages(
    status: str | None = None, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = outbox.list_messages(
            session, current_actor(), status=status, limit=limit, cursor=cursor
        )
        return page_json(page, _message_json)


@idempotent
def create_outbox_message(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        message = outbox.create_message(
            session, current_actor(), to=body["to"], subject=body["subject"], text=body["text"]
        )
        location = api_path("outbox", "messages", message.id)
        return _message_json(message), 201, {"Location": location}


def get_outbox_message(message_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        message = outbox.get_message(session, current_actor(), message_id=uuid.UUID(message_id))
        return _message_json(message)


def list_outbox_dead_letters(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = outbox.list_dead_letters(session, limit=limit, cursor=cursor)
        return page_json(page, _dead_letter_json)


def requeue_outbox_message(message_id: str) -> dict[str, Any]:
    with transaction(write=True) as session:
        message = outbox.requeue_message(session, message_id=uuid.UUID(message_id))
        return _dead_letter_json(message)
