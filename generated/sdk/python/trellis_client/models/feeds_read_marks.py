from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="FeedsReadMarks")



@_attrs_define
class FeedsReadMarks:
    """ 
        Example:
            {'marked': 14}

        Attributes:
            marked (int): Entries that were unread and are now read.
     """

    marked: int





    def to_dict(self) -> dict[str, Any]:
        marked = self.marked


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "marked": marked,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        marked = d.pop("marked")

        feeds_read_marks = cls(
            marked=marked,
        )

        return feeds_read_marks

