from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ChatDeliveredMark")



@_attrs_define
class ChatDeliveredMark:
    """ 
        Example:
            {'up_to_id': 42}

        Attributes:
            up_to_id (int): The newest message that has reached your device; a mark never moves back and never past the
                room's newest message.
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

        chat_delivered_mark = cls(
            up_to_id=up_to_id,
        )

        return chat_delivered_mark

