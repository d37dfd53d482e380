from __future__ import annotations

from typing import Any

from core.db import transaction
from db.models.identity import User
from db.models.tickets import Ticket
from services import tickets
from tests.factories.identity import actor_of


def make_ticket(reporter: User, *, title: str = "Printer on fire", **fields: Any) -> Ticket:
    with transaction(write=True) as session:
        return tickets.create_ticket(session, actor_of(reporter), title=title, **fields)


def move_ticket(actor: User, ticket: Ticket, from_state: str, to_state: str) -> Ticket:
    with transaction(write=True) as session:
        return tickets.transition_ticket(
            session, actor_of(actor), ticket_id=ticket.id, from_state=from_state, to_state=to_state
        )
