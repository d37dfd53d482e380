from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ticket_state import TicketState






T = TypeVar("T", bound="Transition")



@_attrs_define
class Transition:
    """ Moves the ticket from the state you saw (`from`) to `to`. If the ticket is no longer in `from`, nothing changes and
    the answer is 409, so two people acting on the same state cannot both win.

        Example:
            {'from': 'OPEN', 'to': 'IN_PROGRESS'}

        Attributes:
            from_ (TicketState): OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED; CLOSED → OPEN (reopen).
            to (TicketState): OPEN → IN_PROGRESS or CLOSED; IN_PROGRESS → OPEN or CLOSED; CLOSED → OPEN (reopen).
     """

    from_: TicketState
    to: TicketState





    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_.value

        to = self.to.value


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "from": from_,
            "to": to,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_ = TicketState(d.pop("from"))




        to = TicketState(d.pop("to"))




        transition = cls(
            from_=from_,
            to=to,
        )

        return transition

