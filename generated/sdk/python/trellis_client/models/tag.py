from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Tag")



@_attrs_define
class Tag:
    """ 
        Example:
            {'tag': 'dragons', 'count': 3}

        Attributes:
            tag (str):
            count (int): Number of published posts carrying the tag.
     """

    tag: str
    count: int





    def to_dict(self) -> dict[str, Any]:
        tag = self.tag

        count = self.count


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "tag": tag,
            "count": count,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        tag = d.pop("tag")

        count = d.pop("count")

        tag = cls(
            tag=tag,
            count=count,
        )

        return tag

