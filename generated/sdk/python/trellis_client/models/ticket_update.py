from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ticket_priority import TicketPriority
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="TicketUpdate")



@_attrs_define
class TicketUpdate:
    """ The fields to change. Changing `assignee_id` is recorded in the activity log. The state changes only through `POST
    /tickets/{ticket_id}/transitions`.

        Example:
            {'assignee_id': '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a'}

        Attributes:
            title (str | Unset):
            description (str | Unset):
            priority (TicketPriority | Unset):
            assignee_id (None | Unset | UUID):
     """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    priority: TicketPriority | Unset = UNSET
    assignee_id: None | Unset | UUID = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        priority: str | Unset = UNSET
        if not isinstance(self.priority, Unset):
            priority = self.priority.value


        assignee_id: None | str | Unset
        if isinstance(self.assignee_id, Unset):
            assignee_id = UNSET
        elif isinstance(self.assignee_id, UUID):
            assignee_id = str(self.assignee_id)
        else:
            assignee_id = self.assignee_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if priority is not UNSET:
            field_dict["priority"] = priority
        if assignee_id is not UNSET:
            field_dict["assignee_id"] = assignee_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        _priority = d.pop("priority", UNSET)
        priority: TicketPriority | Unset
        if isinstance(_priority,  Unset):
            priority = UNSET
        else:
            priority = TicketPriority(_priority)




        def _parse_assignee_id(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                assignee_id_type_0 = UUID(data)



                return assignee_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        assignee_id = _parse_assignee_id(d.pop("assignee_id", UNSET))


        ticket_update = cls(
            title=title,
            description=description,
            priority=priority,
            assignee_id=assignee_id,
        )

        return ticket_update

