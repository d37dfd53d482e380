from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="NotificationsReadMarkResult")



@_attrs_define
class NotificationsReadMarkResult:
    """ 
        Example:
            {'marked': 3, 'unread_count': 0}

        Attributes:
            marked (int): How many notifications this request marked read.
            unread_count (int): How many of yours are still unread afterwards.
     """

    marked: int
    unread_count: int





    def to_dict(self) -> dict[str, Any]:
        marked = self.marked

        unread_count = self.unread_count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "marked": marked,
            "unread_count": unread_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        marked = d.pop("marked")

        unread_count = d.pop("unread_count")

        notifications_read_mark_result = cls(
            marked=marked,
            unread_count=unread_count,
        )

        return notifications_read_mark_result

