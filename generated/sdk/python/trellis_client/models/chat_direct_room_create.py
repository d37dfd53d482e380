from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID






T = TypeVar("T", bound="ChatDirectRoomCreate")



@_attrs_define
class ChatDirectRoomCreate:
    """ 
        Example:
            {'user_id': '7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b'}

        Attributes:
            user_id (UUID): The other user of the direct room.
     """

    user_id: UUID





    def to_dict(self) -> dict[str, Any]:
        user_id = str(self.user_id)


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "user_id": user_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = UUID(d.pop("user_id"))




        chat_direct_room_create = cls(
            user_id=user_id,
        )

        return chat_direct_room_create

