from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="NotificationsItemUpdate")



@_attrs_define
class NotificationsItemUpdate:
    """ 
        Example:
            {'read': True}

        Attributes:
            read (bool): true marks it read (the first read time is kept), false marks it unread again.
     """

    read: bool





    def to_dict(self) -> dict[str, Any]:
        read = self.read


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "read": read,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        read = d.pop("read")

        notifications_item_update = cls(
            read=read,
        )

        return notifications_item_update

