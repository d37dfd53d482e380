from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="PageUpdate")



@_attrs_define
class PageUpdate:
    """ Changing `title` or `body` records a revision; a new title moves the page to a new slug (the old one keeps
    redirecting). `archived` moves the page out of (or back into) the default lists.

        Example:
            {'body': '# Release\\n\\n- [x] tag\\n- [ ] announce'}

        Attributes:
            title (str | Unset):
            body (str | Unset):
            tags (list[str] | Unset):
            archived (bool | Unset):
     """

    title: str | Unset = UNSET
    body: str | Unset = UNSET
    tags: list[str] | Unset = UNSET
    archived: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        title = self.title

        body = self.body

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags



        archived = self.archived


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if title is not UNSET:
            field_dict["title"] = title
        if body is not UNSET:
            field_dict["body"] = body
        if tags is not UNSET:
            field_dict["tags"] = tags
        if archived is not UNSET:
            field_dict["archived"] = archived

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        title = d.pop("title", UNSET)

        body = d.pop("body", UNSET)

        tags = cast(list[str], d.pop("tags", UNSET))


        archived = d.pop("archived", UNSET)

        page_update = cls(
            title=title,
            body=body,
            tags=tags,
            archived=archived,
        )

        return page_update

