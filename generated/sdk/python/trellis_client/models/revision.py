from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime






T = TypeVar("T", bound="Revision")



@_attrs_define
class Revision:
    """ 
        Example:
            {'number': 1, 'title': 'Release checklist', 'body': '# Release\\n\\n- [ ] tag', 'author_id':
                '3f2b8c4e-9d1a-4c6e-8f7b-2a1d0e9c8b7a', 'created_at': '2026-01-15T09:30:00Z'}

        Attributes:
            number (int):
            title (str):
            body (str):
            author_id (UUID):
            created_at (datetime.datetime):
     """

    number: int
    title: str
    body: str
    author_id: UUID
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        number = self.number

        title = self.title

        body = self.body

        author_id = str(self.author_id)

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "number": number,
            "title": title,
            "body": body,
            "author_id": author_id,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        title = d.pop("title")

        body = d.pop("body")

        author_id = UUID(d.pop("author_id"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        revision = cls(
            number=number,
            title=title,
            body=body,
            author_id=author_id,
            created_at=created_at,
        )

        return revision

