from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID






T = TypeVar("T", bound="ChatRoomCreate")



@_attrs_define
class ChatRoomCreate:
    """ 
        Example:
            {'name': 'Release crew', 'member_ids': ['7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b']}

        Attributes:
            name (str):
            member_ids (list[UUID] | Unset): Users (by id) who join the room with you.
            receipts (bool | Unset): Broadcast members' read marks as receipts. Default: True.
     """

    name: str
    member_ids: list[UUID] | Unset = UNSET
    receipts: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        member_ids: list[str] | Unset = UNSET
        if not isinstance(self.member_ids, Unset):
            member_ids = []
            for member_ids_item_data in self.member_ids:
                member_ids_item = str(member_ids_item_data)
                member_ids.append(member_ids_item)



        receipts = self.receipts


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
        })
        if member_ids is not UNSET:
            field_dict["member_ids"] = member_ids
        if receipts is not UNSET:
            field_dict["receipts"] = receipts

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        _member_ids = d.pop("member_ids", UNSET)
        member_ids: list[UUID] | Unset = UNSET
        if _member_ids is not UNSET:
            member_ids = []
            for member_ids_item_data in _member_ids:
                member_ids_item = UUID(member_ids_item_data)



                member_ids.append(member_ids_item)


        receipts = d.pop("receipts", UNSET)

        chat_room_create = cls(
            name=name,
            member_ids=member_ids,
            receipts=receipts,
        )

        return chat_room_create

