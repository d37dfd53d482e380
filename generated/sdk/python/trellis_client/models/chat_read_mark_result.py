from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ChatReadMarkResult")



@_attrs_define
class ChatReadMarkResult:
    """ 
        Example:
            {'last_read_id': 42, 'unread_count': 0}

        Attributes:
            last_read_id (int):
            unread_count (int):
     """

    last_read_id: int
    unread_count: int





    def to_dict(self) -> dict[str, Any]:
        last_read_id = self.last_read_id

        unread_count = self.unread_count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "last_read_id": last_read_id,
            "unread_count": unread_count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        last_read_id = d.pop("last_read_id")

        unread_count = d.pop("unread_count")

        chat_read_mark_result = cls(
            last_read_id=last_read_id,
            unread_count=unread_count,
        )

        return chat_read_mark_result

