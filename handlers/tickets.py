from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, TypeVar

from core.db import transaction
from core.http import iso
from core.idempotency import idempotent
from core.pagination import Page
from core.security import current_actor
from core.wire import Answer, NoContent, created, page_json, with_etag
from handlers._versioned import change_under_if_match
from services import tickets
from services.tickets import Ticket, TicketActivity, TicketComment

T = TypeVar("T")


def _ticket_json(ticket: Ticket) -> dict[str, Any]:
    return {
        "id": str(ticket.id),
        "title": ticket.title,
        "description": ticket.description,
        "state": ticket.state,
        "priority": ticket.priority,
        "reporter_id": str(ticket.reporter_id),
        "assignee_id": str(ticket.assignee_id) if ticket.assignee_id else None,
        "created_at": ticket.created_at.isoformat(),
        "updated_at": ticket.updated_at.isoformat(),
        "closed_at": iso(ticket.closed_at),
    }


def _activity_json(entry: TicketActivity) -> dict[str, Any]:
    return {
        "id": str(entry.id),
        "kind": entry.kind,
        "actor_id": str(entry.actor_id),
        "from": entry.from_value,
        "to": entry.to_value,
        "created_at": entry.created_at.isoformat(),
    }


def _comment_json(comment: TicketComment) -> dict[str, Any]:
    return {
        "id": str(comment.id),
        "ticket_id": str(comment.ticket_id),
        "author_id": str(comment.author_id),
        "body": comment.body,
        "created_at": comment.created_at.isoformat(),
    }


def _with_etag(ticket: Ticket) -> Answer:
    return with_etag(_ticket_json(ticket), ticket.version)


def _assignee(body: dict[str, Any]) -> dict[str, Any]:
    if body.get("assignee_id") is not None:
        return {**body, "assignee_id": uuid.UUID(body["assignee_id"])}
    return body


def list_tickets(
    state: str | None = None,
    priority: str | None = None,
    assignee_id: str | None = None,
    reporter_id: str | None = None,
    q: str | None = None,
    sort: str = "-created_at",
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = tickets.list_tickets(
            session,
            state=state,
            priority=priority,
            assignee=assignee_id,
            reporter_id=uuid.UUID(reporter_id) if reporter_id else None,
            q=q,
            sort=sort,
            limit=limit,
            cursor=cursor,
        )
        return page_json(page, _ticket_json)


@idempotent
def create_ticket(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        ticket = tickets.create_ticket(session, current_actor(), **_assignee(body))
        return created(_ticket_json(ticket), ticket.version, "tickets", ticket.id)


def get_ticket(ticket_id: str) -> Answer:
    with transaction(write=False) as session:
        return _with_etag(tickets.get_ticket(session, ticket_id=uuid.UUID(ticket_id)))


def update_ticket(ticket_id: str, body: dict[str, Any]) -> Answer:
    return change_under_if_match(
        tickets.update_ticket, _with_etag, ticket_id=uuid.UUID(ticket_id), changes=_assignee(body)
    )


def create_ticket_transition(ticket_id: str, body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        ticket = tickets.transition_ticket(
            session,
            current_actor(),
            ticket_id=uuid.UUID(ticket_id),
            from_state=body["from"],
            to_state=body["to"],
        )
        return _with_etag(ticket)


def _ticket_page(
    listing: Callable[..., Page[T]],
    item_json: Callable[[T], dict[str, Any]],
    ticket_id: str,
    limit: int,
    cursor: str | None,
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = listing(session, ticket_id=uuid.UUID(ticket_id), limit=limit, cursor=cursor)
        return page_json(page, item_json)


def list_ticket_activity(
    ticket_id: str, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    return _ticket_page(tickets.list_activity, _activity_json, ticket_id, limit, cursor)


def list_ticket_comments(
    ticket_id: str, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    return _ticket_page(tickets.list_comments, _comment_json, ticket_id, limit, cursor)


def create_ticket_comment(ticket_id: str, body: dict[str, Any]) -> tuple[dict[str, Any], int]:
    with transaction(write=True) as session:
        comment = tickets.add_comment(
            session, current_actor(), ticket_id=uuid.UUID(ticket_id), body=body["body"]
        )
        return _comment_json(comment), 201


def delete_ticket_comment(ticket_id: str, comment_id: str) -> NoContent:
    with transaction(write=True) as session:
        tickets.delete_comment(
            session,
            current_actor(),
            ticket_id=uuid.UUID(ticket_id),
            comment_id=uuid.UUID(comment_id),
        )
    return None, 204
