from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="RealtimeTicket")



@_attrs_define
class RealtimeTicket:
    """ 
        Attributes:
            ticket (str): The ticket (single use). Example: rtt_Qm9vZ2xlLWZyZWUtdGlja2V0LWV4YW1wbGUtMTIzNDU2.
            expires_at (datetime.datetime): When it stops being redeemable.
            subprotocols (list[str]): What to pass as the WebSocket's protocols to present it.
     """

    ticket: str
    expires_at: datetime.datetime
    subprotocols: list[str]





    def to_dict(self) -> dict[str, Any]:
        ticket = self.ticket

        expires_at = self.expires_at.isoformat()

        subprotocols = self.subprotocols




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "ticket": ticket,
            "expires_at": expires_at,
            "subprotocols": subprotocols,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        ticket = d.pop("ticket")

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))




        subprotocols = cast(list[str], d.pop("subprotocols"))


        realtime_ticket = cls(
            ticket=ticket,
            expires_at=expires_at,
            subprotocols=subprotocols,
        )

        return realtime_ticket

