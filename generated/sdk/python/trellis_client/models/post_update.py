from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.post_status import PostStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PostUpdate")



@_attrs_define
class PostUpdate:
    """ The slug never changes. Moving a DRAFT to PUBLISHED stamps `published_at` the first time; a post can be moved back
    to DRAFT (it keeps its first `published_at`).

        Example:
            {'body': 'It takes a **Jacobian** and patience.'}

        Attributes:
            title (str | Unset):
            description (str | Unset):
            body (str | Unset):
            tags (list[str] | Unset):
            status (PostStatus | Unset): A DRAFT is visible to its author (and admins) only; a PUBLISHED post to everyone.
                Example: PUBLISHED.
     """

    title: str | Unset = UNSET
    description: str | Unset = UNSET
    body: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    status: PostStatus | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        description = self.description

        body = self.body

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if description is not UNSET:
            field_dict["description"] = description
        if body is not UNSET:
            field_dict["body"] = body
        if tags is not UNSET:
            field_dict["tags"] = tags
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        description = d.pop("description", UNSET)

        body = d.pop("body", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        _status = d.pop("status", UNSET)
        status: PostStatus | Unset
        if isinstance(_status,  Unset):
            status = UNSET
        else:
            status = PostStatus(_status)




        post_update = cls(
            title=title,
            description=description,
            body=body,
            tags=tags,
            status=status,
        )

        return post_update

