from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="ImportTargetColumnsItem")



@_attrs_define
class ImportTargetColumnsItem:
    """ 
        Attributes:
            name (str):
            required (bool):
            description (str):
     """

    name: str
    required: bool
    description: str





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        required = self.required

        description = self.description


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "required": required,
            "description": description,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        required = d.pop("required")

        description = d.pop("description")

        import_target_columns_item = cls(
            name=name,
            required=required,
            description=description,
        )

        return import_target_columns_item

