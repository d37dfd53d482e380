"""Ticket rules at the service level: the workflow, who may change what, the activity log."""

from __future__ import annotations

import uuid

import pytest

from core.db import transaction
from services import tickets
from tests.factories.identity import actor_of, make_user
from tests.factories.tickets import make_ticket, move_ticket


@pytest.mark.parametrize(
    ("current", "target"),
    [
        ("OPEN", "IN_PROGRESS"),
        ("OPEN", "CLOSED"),
        ("IN_PROGRESS", "OPEN"),
        ("IN_PROGRESS", "CLOSED"),
        ("CLOSED", "OPEN"),
    ],
)
def test_workflow_allows(current, target):
    tickets.check_transition(current, target)


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        ("CLOSED", "IN_PROGRESS", ["OPEN"]),
        ("CLOSED", "CLOSED", ["OPEN"]),
        ("OPEN", "OPEN", ["IN_PROGRESS", "CLOSED"]),
        ("IN_PROGRESS", "IN_PROGRESS", ["OPEN", "CLOSED"]),
    ],
)
def test_workflow_refuses_and_names_the_allowed_targets(current, target, allowed):
    with pytest.raises(tickets.IllegalTransition) as raised:
        tickets.check_transition(current, target)
    assert raised.value.extensions["allowed"] == allowed


def test_closing_stamps_closed_at_and_reopening_clears_it(user):
    ticket = make_ticket(user)
    closed = move_ticket(user, ticket, "OPEN", "CLOSED")
    assert closed.state == "CLOSED"
    assert closed.closed_at is not None
    reopened = move_ticket(user, ticket, "CLOSED", "OPEN")
    assert reopened.closed_at is None
    assert reopened.version == 3


def test_transition_from_a_state_the_ticket_left_is_a_conflict(user):
    ticket = make_ticket(user)
    move_ticket(user, ticket, "OPEN", "IN_PROGRESS")
    with pytest.raises(tickets.StateChanged) as raised:
        move_ticket(user, ticket, "OPEN", "CLOSED")
    assert raised.value.extensions == {"state": "IN_PROGRESS", "allowed": ["OPEN", "CLOSED"]}


def test_only_reporter_assignee_or_admin_may_change_a_ticket(user):
    assignee, stranger, admin = make_user(), make_user(), make_user(role="ADMIN")
    ticket = make_ticket(user, assignee_id=assignee.id)
    with pytest.raises(tickets.TicketForbidden):
        move_ticket(stranger, ticket, "OPEN", "IN_PROGRESS")
    with pytest.raises(tickets.TicketForbidden), transaction(write=True) as session:
        tickets.update_ticket(
            session, actor_of(stranger), ticket_id=ticket.id, changes={"title": "mine now"}
        )
    move_ticket(assignee, ticket, "OPEN", "IN_PROGRESS")
    move_ticket(admin, ticket, "IN_PROGRESS", "CLOSED")


def test_every_transition_and_reassignment_is_logged_in_order(user):
    first, second = make_user(), make_user()
    ticket = make_ticket(user, assignee_id=first.id)
    move_ticket(user, ticket, "OPEN", "IN_PROGRESS")
    with transaction(write=True) as session:
        tickets.update_ticket(
            session, actor_of(user), ticket_id=ticket.id, changes={"assignee_id": second.id}
        )
        # Re-assigning to the same person is not a change and is not logged.
        tickets.update_ticket(
            session, actor_of(user), ticket_id=ticket.id, changes={"assignee_id": second.id}
        )
    move_ticket(second, ticket, "IN_PROGRESS", "CLOSED")

    with transaction(write=True) as session:
        log = tickets.list_activity(session, ticket_id=ticket.id, limit=100).items
        entries = [(entry.kind, entry.from_value, entry.to_value, entry.actor_id) for entry in log]
    assert entries == [
        ("CREATED", None, "OPEN", user.id),
        ("REASSIGNED", None, str(first.id), user.id),
        ("TRANSITIONED", "OPEN", "IN_PROGRESS", user.id),
        ("REASSIGNED", str(first.id), str(second.id), user.id),
        ("TRANSITIONED", "IN_PROGRESS", "CLOSED", second.id),
    ]
    assert [entry.seq for entry in log] == [1, 2, 3, 4, 5]


def test_assignee_must_exist(user):
    with pytest.raises(tickets.UnknownAssignee), transaction(write=True) as session:
        tickets.create_ticket(session, actor_of(user), title="x", assignee_id=uuid.uuid4())


def test_list_filters_combine(user):
    other = make_user()
    make_ticket(user, title="Disk full on db-1", priority="URGENT", assignee_id=other.id)
    make_ticket(user, title="Typo on landing page", priority="LOW")
    closed = make_ticket(other, title="Disk quota", description="db-2 as well")
    move_ticket(other, closed, "OPEN", "CLOSED")

    def titles(**filters):  # type: ignore[no-untyped-def]
        with transaction(write=True) as session:
            page = tickets.list_tickets(session, limit=100, **filters)
            return sorted(ticket.title for ticket in page.items)

    assert titles(q="DISK") == ["Disk full on db-1", "Disk quota"]
    assert titles(q="db-2") == ["Disk quota"]
    assert titles(state="CLOSED") == ["Disk quota"]
    assert titles(priority="URGENT") == ["Disk full on db-1"]
    assert titles(assignee=str(other.id)) == ["Disk full on db-1"]
    assert titles(assignee="none") == ["Disk quota", "Typo on landing page"]
    assert titles(reporter_id=other.id) == ["Disk quota"]
    assert titles(q="disk", state="OPEN") == ["Disk full on db-1"]
    assert titles(q="100%") == []


def test_comment_may_be_deleted_by_its_author_or_an_admin_only(user):
    ticket = make_ticket(user)
    author, stranger, admin = make_user(), make_user(), make_user(role="ADMIN")
    with transaction(write=True) as session:
        first = tickets.add_comment(session, actor_of(author), ticket_id=ticket.id, body="one")
        second = tickets.add_comment(session, actor_of(author), ticket_id=ticket.id, body="two")
    with pytest.raises(tickets.TicketForbidden), transaction(write=True) as session:
        tickets.delete_comment(
            session, actor_of(stranger), ticket_id=ticket.id, comment_id=first.id
        )
    with transaction(write=True) as session:
        tickets.delete_comment(session, actor_of(author), ticket_id=ticket.id, comment_id=first.id)
        tickets.delete_comment(session, actor_of(admin), ticket_id=ticket.id, comment_id=second.id)
    with transaction(write=True) as session:
        assert tickets.list_comments(session, ticket_id=ticket.id).items == []
