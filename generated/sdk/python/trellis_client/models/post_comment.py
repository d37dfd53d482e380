from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.profile import Profile





T = TypeVar("T", bound="PostComment")



@_attrs_define
class PostComment:
    """ 
        Example:
            {'id': 1, 'post_slug': 'how-to-train-your-dragon', 'body': 'It takes a Jacobian.', 'author': {'username':
                'jake', 'bio': 'I work at State Farm.', 'image': 'https://example.com/jake.jpg', 'following': False},
                'created_at': '2026-01-15T10:00:00Z', 'updated_at': '2026-01-15T10:00:00Z'}

        Attributes:
            id (int):
            post_slug (str):
            body (str):
            author (Profile): A user's public blog identity, created the first time they write or follow. Example:
                {'username': 'jake', 'bio': 'I work at State Farm.', 'image': 'https://example.com/jake.jpg', 'following':
                False}.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: int
    post_slug: str
    body: str
    author: Profile
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.profile import Profile # noqa: PLC0415
        id = self.id

        post_slug = self.post_slug

        body = self.body

        author = self.author.to_dict()

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "post_slug": post_slug,
            "body": body,
            "author": author,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.profile import Profile # noqa: PLC0415
        d = dict(src_dict)
        id = d.pop("id")

        post_slug = d.pop("post_slug")

        body = d.pop("body")

        author = Profile.from_dict(d.pop("author"))




        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        post_comment = cls(
            id=id,
            post_slug=post_slug,
            body=body,
            author=author,
            created_at=created_at,
            updated_at=updated_at,
        )

        return post_comment

