from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="VersionListItemsItem")



@_attrs_define
class VersionListItemsItem:
    """ 
        Attributes:
            version (int):
            published_at (datetime.datetime):
            note (str):
     """

    version: int
    published_at: datetime.datetime
    note: str





    def to_dict(self) -> dict[str, Any]:
        version = self.version

        published_at = self.published_at.isoformat()

        note = self.note


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "version": version,
            "published_at": published_at,
            "note": note,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        version = d.pop("version")

        published_at = datetime.datetime.fromisoformat(d.pop("published_at"))




        note = d.pop("note")

        version_list_items_item = cls(
            version=version,
            published_at=published_at,
            note=note,
        )

        return version_list_items_item

