from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="NotificationsUnreadCount")



@_attrs_define
class NotificationsUnreadCount:
    """ 
        Example:
            {'unread_count': 2, 'last_id': 42}

        Attributes:
            unread_count (int):
            last_id (int | None): Your newest notification's id (read or not), null when you have none: open the stream with
                it as `last_event_id` to receive everything after what you have loaded.
     """

    unread_count: int
    last_id: int | None





    def to_dict(self) -> dict[str, Any]:
        unread_count = self.unread_count

        last_id: int | None
        last_id = self.last_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "unread_count": unread_count,
            "last_id": last_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        unread_count = d.pop("unread_count")

        def _parse_last_id(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        last_id = _parse_last_id(d.pop("last_id"))


        notifications_unread_count = cls(
            unread_count=unread_count,
            last_id=last_id,
        )

        return notifications_unread_count

