from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ticket_priority import TicketPriority
from ..models.ticket_state import TicketState
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Ticket")



@_attrs_define
class Ticket:
    """ 
        Example:
            {'id': '0b6f3c1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d', 'title': 'Login page times out on slow networks', 'description':
                'Reproduced on 3G throttling in Chrome.', 'state': 'OPEN', 'priority': 'HIGH', 'reporter_id':
                '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a', 'assignee_id': None, 'created_at': '2026-01-15T09:30:00Z', 'updated_at':
                '2026-01-15T09:30:00Z', 'closed_at': None}

        Attributes:
            id (UUID):
            title (str):
            description (str):
            state (TicketState): OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED; CLOSED → OPEN (reopen).
            priority (TicketPriority):
            reporter_id (UUID): Who opened the ticket.
            assignee_id (None | UUID):
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
            closed_at (datetime.datetime | None): When the ticket was last closed; cleared when it is reopened.
     """

    id: UUID
    title: str
    description: str
    state: TicketState
    priority: TicketPriority
    reporter_id: UUID
    assignee_id: None | UUID
    created_at: datetime.datetime
    updated_at: datetime.datetime
    closed_at: datetime.datetime | None





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        title = self.title

        description = self.description

        state = self.state.value

        priority = self.priority.value

        reporter_id = str(self.reporter_id)

        assignee_id: None | str
        if isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()

        closed_at: None | str
        if isinstance(self.closed_at, datetime.datetime):
            closed_at = self.closed_at.isoformat()
        else:
            closed_at = self.closed_at


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "title": title,
            "description": description,
            "state": state,
            "priority": priority,
            "reporter_id": reporter_id,
            "assignee_id": assignee_id,
            "created_at": created_at,
            "updated_at": updated_at,
            "closed_at": closed_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        title = d.pop("title")

        description = d.pop("description")

        state = TicketState(d.pop("state"))




        priority = TicketPriority(d.pop("priority"))




        reporter_id = UUID(d.pop("reporter_id"))




        def _parse_assignee_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)



                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        def _parse_closed_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_at_type_0 = datetime.datetime.fromisoformat(data)



                return closed_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        closed_at = _parse_closed_at(d.pop("closed_at"))


        ticket = cls(
            id=id,
            title=title,
            description=description,
            state=state,
            priority=priority,
            reporter_id=reporter_id,
            assignee_id=assignee_id,
            created_at=created_at,
            updated_at=updated_at,
            closed_at=closed_at,
        )

        return ticket

