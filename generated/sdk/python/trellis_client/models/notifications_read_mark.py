from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="NotificationsReadMark")



@_attrs_define
class NotificationsReadMark:
    """ 
        Example:
            {'up_to_id': 42}

        Attributes:
            up_to_id (int): Every unread notification of yours with an id up to this one becomes read (send the newest id
                you have shown, so one that arrived meanwhile stays unread).
     """

    up_to_id: int





    def to_dict(self) -> dict[str, Any]:
        up_to_id = self.up_to_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "up_to_id": up_to_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        up_to_id = d.pop("up_to_id")

        notifications_read_mark = cls(
            up_to_id=up_to_id,
        )

        return notifications_read_mark

