from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="PresenceRoom")



@_attrs_define
class PresenceRoom:
    """ 
        Example:
            {'id': '3d6f1c2a-8b4e-4f5a-9c7d-2e1b0a9f8e7d', 'name': 'Design review', 'owner_id':
                '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', 'member_ids': ['7e8f9a0b-1c2d-4e3f-8a5b-6c7d8e9f0a1b'], 'created_at':
                '2026-01-15T09:30:00Z', 'updated_at': '2026-01-15T09:30:00Z'}

        Attributes:
            id (UUID):
            name (str):
            owner_id (UUID):
            member_ids (list[UUID]): The users besides the owner who may join the room, by id.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    name: str
    owner_id: UUID
    member_ids: list[UUID]
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        owner_id = str(self.owner_id)

        member_ids = []
        for member_ids_item_data in self.member_ids:
            member_ids_item = str(member_ids_item_data)
            member_ids.append(member_ids_item)



        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "owner_id": owner_id,
            "member_ids": member_ids,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        owner_id = UUID(d.pop("owner_id"))




        member_ids = []
        _member_ids = d.pop("member_ids")
        for member_ids_item_data in (_member_ids):
            member_ids_item = UUID(member_ids_item_data)



            member_ids.append(member_ids_item)


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        presence_room = cls(
            id=id,
            name=name,
            owner_id=owner_id,
            member_ids=member_ids,
            created_at=created_at,
            updated_at=updated_at,
        )

        return presence_room

