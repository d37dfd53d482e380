from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ChatMember")



@_attrs_define
class ChatMember:
    """ 
        Example:
            {'user_id': '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b', 'display_name': 'Grace', 'online': True, 'last_seen_at':
                '2026-01-15T09:31:00Z', 'last_read_id': 41, 'delivered_id': 42}

        Attributes:
            user_id (UUID):
            display_name (str):
            online (bool): Has a room socket open now, on any app process.
            last_seen_at (datetime.datetime | None): When they last opened or closed a socket on this room (null = never).
            last_read_id (int): The newest message id they have read.
            delivered_id (int): The newest message id their device acknowledged (a delivery receipt); never below
                `last_read_id`, since reading implies delivered.
     """

    user_id: UUID
    display_name: str
    online: bool
    last_seen_at: datetime.datetime | None
    last_read_id: int
    delivered_id: int





    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)

        display_name = self.display_name

        online = self.online

        last_seen_at: None | str
        if isinstance(self.last_seen_at, datetime.datetime):
            last_seen_at = self.last_seen_at.isoformat()
        else:
            last_seen_at = self.last_seen_at

        last_read_id = self.last_read_id

        delivered_id = self.delivered_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "user_id": user_id,
            "display_name": display_name,
            "online": online,
            "last_seen_at": last_seen_at,
            "last_read_id": last_read_id,
            "delivered_id": delivered_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))




        display_name = d.pop("display_name")

        online = d.pop("online")

        def _parse_last_seen_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_seen_at_type_0 = datetime.datetime.fromisoformat(data)



                return last_seen_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_seen_at = _parse_last_seen_at(d.pop("last_seen_at"))


        last_read_id = d.pop("last_read_id")

        delivered_id = d.pop("delivered_id")

        chat_member = cls(
            user_id=user_id,
            display_name=display_name,
            online=online,
            last_seen_at=last_seen_at,
            last_read_id=last_read_id,
            delivered_id=delivered_id,
        )

        return chat_member

