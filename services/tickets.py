"""Tickets: a team tracker. Every signed-in user reads and reports; the workflow is enforced here.

Workflow (WORKFLOW): OPEN -> IN_PROGRESS | CLOSED, IN_PROGRESS -> OPEN | CLOSED, CLOSED -> OPEN.
State changes and reassignments run under the ticket's row lock and append to its activity log,
numbered by the ticket's own counter so the log has one order. A transition names the state it
starts from: when the ticket has moved on, it fails with 409, so two clients acting on the same
state never both succeed.
"""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from core.concurrency import bump_version, versioned_write
from core.db import utcnow
from core.errors import Conflict, Forbidden, NotFound, RuleViolated
from core.pagination import Page, paginate, paginate_by_creation
from core.rows import assign, get_or_404
from core.security import Actor
from db.models.identity import User
from db.models.tickets import Ticket as Ticket  # re-exported for handlers
from db.models.tickets import TicketActivity as TicketActivity  # re-exported for handlers
from db.models.tickets import TicketComment as TicketComment  # re-exported for handlers
from services import notifications

WORKFLOW: dict[str, tuple[str, ...]] = {
    "OPEN": ("IN_PROGRESS", "CLOSED"),
    "IN_PROGRESS": ("OPEN", "CLOSED"),
    "CLOSED": ("OPEN",),
}
EDITABLE = ("title", "description", "priority", "assignee_id")
UNASSIGNED = "none"


class TicketNotFound(NotFound, type="/problems/tickets/not-found"): ...


class CommentNotFound(NotFound, type="/problems/tickets/comment-not-found"): ...


class TicketForbidden(Forbidden, type="/problems/tickets/forbidden"): ...


class UnknownAssignee(RuleViolated, type="/problems/tickets/unknown-assignee"): ...


class IllegalTransition(RuleViolated, type="/problems/tickets/illegal-transition"): ...


class StateChanged(Conflict, type="/problems/tickets/state-changed"): ...


# ---- rules ------------------------------------------------------------------------------------


def check_transition(current: str, target: str) -> None:
    """Raises IllegalTransition (naming the allowed targets) unless the workflow allows it."""
    allowed = WORKFLOW[current]
    if target not in allowed:
        raise IllegalTransition(
            f"A {current} ticket can only move to {' or '.join(allowed)}.", allowed=list(allowed)
        )


def _check_may_change(actor: Actor, ticket: Ticket) -> None:
    if not (actor.is_admin or actor.user_id in (ticket.reporter_id, ticket.assignee_id)):
        raise TicketForbidden("Only the reporter, the assignee or an admin may change this ticket.")


def _require_user(session: Session, user_id: uuid.UUID | None) -> None:
    if user_id is not None and session.get(User, user_id) is None:
        raise UnknownAssignee("No user has this id.", field="assignee_id")


def _record(
    session: Session,
    ticket: Ticket,
    actor: Actor,
    kind: str,
    before: str | None,
    after: str | None,
) -> None:
    ticket.activity_count += 1
    session.add(
        TicketActivity(
            ticket_id=ticket.id,
            seq=ticket.activity_count,
            kind=kind,
            actor_id=actor.user_id,
            from_value=before,
            to_value=after,
        )
    )


def _text(value: uuid.UUID | None) -> str | None:
    return str(value) if value is not None else None


# ---- tickets ----------------------------------------------------------------------------------


def create_ticket(
    session: Session,
    actor: Actor,
    *,
    title: str,
    description: str = "",
    priority: str = "MEDIUM",
    assignee_id: uuid.UUID | None = None,
) -> Ticket:
    """Opens a ticket reported by the caller; its creation is the first activity entry."""
    _require_user(session, assignee_id)
    ticket = Ticket(
        id=uuid.uuid4(),
        title=title,
        description=description,
        state="OPEN",
        priority=priority,
        reporter_id=actor.user_id,
        assignee_id=assignee_id,
        version=1,
        activity_count=0,
    )
    session.add(ticket)
    session.flush()
    _record(session, ticket, actor, "CREATED", None, "OPEN")
    if assignee_id is not None:
        _record(session, ticket, actor, "REASSIGNED", None, str(assignee_id))
        _notify_assignee(session, actor, ticket)
    session.flush()
    return ticket


def _notify_assignee(session: Session, actor: Actor, ticket: Ticket) -> None:
    """Tells the new assignee (not one who assigned themselves), in the caller's transaction."""
    if ticket.assignee_id is None or ticket.assignee_id == actor.user_id:
        return
    notifications.notify(
        session,
        user_id=ticket.assignee_id,
        kind="tickets.assigned",
        subject=f'You were assigned the ticket "{ticket.title}"',
        payload={"ticket_id": str(ticket.id), "title": ticket.title, "by": str(actor.user_id)},
    )


def get_ticket(session: Session, *, ticket_id: uuid.UUID, lock: bool = False) -> Ticket:
    """Any ticket: every signed-in user reads them all."""
    return get_or_404(
        session, Ticket, ticket_id, missing=TicketNotFound("No such ticket."), lock=lock
    )


def update_ticket(
    session: Session,
    actor: Actor,
    *,
    ticket_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> Ticket:
    """Edits fields and/or reassigns, under the row lock; a stale If-Match changes nothing."""
    ticket = get_ticket(session, ticket_id=ticket_id, lock=True)
    _check_may_change(actor, ticket)
    with versioned_write(session, ticket, if_match=if_match):
        reassigned = "assignee_id" in changes and changes["assignee_id"] != ticket.assignee_id
        if reassigned:
            _require_user(session, changes["assignee_id"])
            _record(
                session,
                ticket,
                actor,
                "REASSIGNED",
                _text(ticket.assignee_id),
                _text(changes["assignee_id"]),
            )
        assign(ticket, changes, EDITABLE)
        if reassigned:
            _notify_assignee(session, actor, ticket)
    return ticket


def transition_ticket(
    session: Session, actor: Actor, *, ticket_id: uuid.UUID, from_state: str, to_state: str
) -> Ticket:
    """Moves the ticket from `from_state` to `to_state`, or fails without changing anything."""
    check_transition(from_state, to_state)
    ticket = get_ticket(session, ticket_id=ticket_id, lock=True)
    _check_may_change(actor, ticket)
    if ticket.state != from_state:
        raise StateChanged(
            f"The ticket is {ticket.state}, not {from_state}.",
            state=ticket.state,
            allowed=list(WORKFLOW[ticket.state]),
        )
    _record(session, ticket, actor, "TRANSITIONED", ticket.state, to_state)
    ticket.state = to_state
    ticket.closed_at = utcnow() if to_state == "CLOSED" else None
    bump_version(ticket)
    session.flush()
    return ticket


def list_tickets(
    session: Session,
    *,
    state: str | None = None,
    priority: str | None = None,
    assignee: str | None = None,
    reporter_id: uuid.UUID | None = None,
    q: str | None = None,
    sort: str = "-created_at",
    limit: int = 20,
    cursor: str | None = None,
) -> Page[Ticket]:
    """Tickets filtered, newest (or oldest) first, one keyset page at a time.

    `assignee` is a user id or "none" (unassigned).
    """
    query = select(Ticket)
    if state:
        query = query.where(Ticket.state == state)
    if priority:
        query = query.where(Ticket.priority == priority)
    if assignee == UNASSIGNED:
        query = query.where(Ticket.assignee_id.is_(None))
    elif assignee:
        query = query.where(Ticket.assignee_id == uuid.UUID(assignee))
    if reporter_id:
        query = query.where(Ticket.reporter_id == reporter_id)
    if q:
        needle = q.lower()
        query = query.where(
            or_(
                func.lower(Ticket.title).contains(needle, autoescape=True),
                func.lower(Ticket.description).contains(needle, autoescape=True),
            )
        )
    return paginate_by_creation(
        session,
        query,
        kind=f"tickets:{sort}",
        limit=limit,
        cursor=cursor,
        newest_first=sort.startswith("-"),
    )


def list_activity(
    session: Session, *, ticket_id: uuid.UUID, limit: int = 20, cursor: str | None = None
) -> Page[TicketActivity]:
    """A ticket's activity log in the order it happened."""
    get_ticket(session, ticket_id=ticket_id)
    return paginate(
        session,
        select(TicketActivity).where(TicketActivity.ticket_id == ticket_id),
        kind="ticket-activity",
        columns=(TicketActivity.seq,),
        limit=limit,
        cursor=cursor,
    )


# ---- comments ---------------------------------------------------------------------------------


def add_comment(
    session: Session, actor: Actor, *, ticket_id: uuid.UUID, body: str
) -> TicketComment:
    """Comments on a ticket (any signed-in user)."""
    get_ticket(session, ticket_id=ticket_id)
    comment = TicketComment(
        id=uuid.uuid4(), ticket_id=ticket_id, author_id=actor.user_id, body=body
    )
    session.add(comment)
    session.flush()
    return comment


def list_comments(
    session: Session, *, ticket_id: uuid.UUID, limit: int = 20, cursor: str | None = None
) -> Page[TicketComment]:
    """A ticket's comments, oldest first."""
    get_ticket(session, ticket_id=ticket_id)
    return paginate_by_creation(
        session,
        select(TicketComment).where(TicketComment.ticket_id == ticket_id),
        kind="ticket-comments",
        limit=limit,
        cursor=cursor,
        newest_first=False,
    )


def delete_comment(
    session: Session, actor: Actor, *, ticket_id: uuid.UUID, comment_id: uuid.UUID
) -> None:
    """Deletes a comment: its author or an admin."""
    comment = get_or_404(
        session,
        TicketComment,
        comment_id,
        where=TicketComment.ticket_id == ticket_id,
        missing=CommentNotFound("No such comment on this ticket."),
    )
    if not (actor.is_admin or comment.author_id == actor.user_id):
        raise TicketForbidden("Only the author or an admin may delete this comment.")
    session.delete(comment)
    session.flush()
