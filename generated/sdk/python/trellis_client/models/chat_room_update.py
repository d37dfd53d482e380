from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ChatRoomUpdate")



@_attrs_define
class ChatRoomUpdate:
    """ 
        Example:
            {'name': 'Release crew (Q3)'}

        Attributes:
            name (str | Unset):
            receipts (bool | Unset):
     """

    name: str | Unset = UNSET
    receipts: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        receipts = self.receipts


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if receipts is not UNSET:
            field_dict["receipts"] = receipts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        receipts = d.pop("receipts", UNSET)

        chat_room_update = cls(
            name=name,
            receipts=receipts,
        )

        return chat_room_update

