from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.chat_room_kind import ChatRoomKind
from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ChatRoom")



@_attrs_define
class ChatRoom:
    """ 
        Example:
            {'id': '5b2f7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b', 'name': 'Release crew', 'kind': 'GROUP', 'owner_id':
                '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', 'receipts': True, 'last_message_id': 42, 'unread_count': 3,
                'created_at': '2026-01-15T09:30:00Z', 'updated_at': '2026-01-15T09:30:00Z'}

        Attributes:
            id (UUID):
            name (str):
            kind (ChatRoomKind): A group room, or a direct room between exactly two users.
            owner_id (UUID):
            receipts (bool): Whether members' read marks are broadcast on the socket as `receipt` messages.
            last_message_id (int): The id of the newest message (ids count up from 1 in each room; 0 = none).
            unread_count (int): Messages after your read mark.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    name: str
    kind: ChatRoomKind
    owner_id: UUID
    receipts: bool
    last_message_id: int
    unread_count: int
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        owner_id = str(self.owner_id)

        receipts = self.receipts

        last_message_id = self.last_message_id

        unread_count = self.unread_count

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "kind": kind,
            "owner_id": owner_id,
            "receipts": receipts,
            "last_message_id": last_message_id,
            "unread_count": unread_count,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        kind = ChatRoomKind(d.pop("kind"))




        owner_id = UUID(d.pop("owner_id"))




        receipts = d.pop("receipts")

        last_message_id = d.pop("last_message_id")

        unread_count = d.pop("unread_count")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        chat_room = cls(
            id=id,
            name=name,
            kind=kind,
            owner_id=owner_id,
            receipts=receipts,
            last_message_id=last_message_id,
            unread_count=unread_count,
            created_at=created_at,
            updated_at=updated_at,
        )

        return chat_room

