from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ChatReadMark")



@_attrs_define
class ChatReadMark:
    """ 
        Example:
            {'message_id': 42}

        Attributes:
            message_id (int): The newest message you have read; a mark never moves back.
     """

    message_id: int





    def to_dict(self) -> dict[str, Any]:
        message_id = self.message_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "message_id": message_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        message_id = d.pop("message_id")

        chat_read_mark = cls(
            message_id=message_id,
        )

        return chat_read_mark

