from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="ChatMessage")



@_attrs_define
class ChatMessage:
    """ 
        Example:
            {'id': 42, 'room_id': '5b2f7c1e-3a4d-4e6f-8a9b-0c1d2e3f4a5b', 'author_id':
                '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f', 'body': 'Ship it, @grace?', 'created_at': '2026-01-15T09:31:00Z'}

        Attributes:
            id (int): Counts up from 1 in the room; the resume cursor of its socket.
            room_id (UUID):
            author_id (UUID):
            body (str):
            created_at (datetime.datetime):
     """

    id: int
    room_id: UUID
    author_id: UUID
    body: str
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = self.id

        room_id = str(self.room_id)

        author_id = str(self.author_id)

        body = self.body

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "room_id": room_id,
            "author_id": author_id,
            "body": body,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        room_id = UUID(d.pop("room_id"))




        author_id = UUID(d.pop("author_id"))




        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        chat_message = cls(
            id=id,
            room_id=room_id,
            author_id=author_id,
            body=body,
            created_at=created_at,
        )

        return chat_message

