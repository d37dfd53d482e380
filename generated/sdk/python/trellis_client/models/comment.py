from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Comment")



@_attrs_define
class Comment:
    """ 
        Example:
            {'id': '5d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a', 'ticket_id': '0b6f3c1e-2d4a-4f5b-8c7d-9e0f1a2b3c4d', 'author_id':
                '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a', 'body': 'Happens only when the CDN cache is cold.', 'created_at':
                '2026-01-15T10:00:00Z'}

        Attributes:
            id (UUID):
            ticket_id (UUID):
            author_id (UUID):
            body (str):
            created_at (datetime.datetime):
     """

    id: UUID
    ticket_id: UUID
    author_id: UUID
    body: str
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        ticket_id = str(self.ticket_id)

        author_id = str(self.author_id)

        body = self.body

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "ticket_id": ticket_id,
            "author_id": author_id,
            "body": body,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        ticket_id = UUID(d.pop("ticket_id"))




        author_id = UUID(d.pop("author_id"))




        body = d.pop("body")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        comment = cls(
            id=id,
            ticket_id=ticket_id,
            author_id=author_id,
            body=body,
            created_at=created_at,
        )

        return comment

