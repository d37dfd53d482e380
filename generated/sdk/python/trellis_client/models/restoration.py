from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="Restoration")



@_attrs_define
class Restoration:
    """ 
        Example:
            {'revision': 1}

        Attributes:
            revision (int): The revision whose title and body become the page's again (as a new revision).
     """

    revision: int





    def to_dict(self) -> dict[str, Any]:
        revision = self.revision


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "revision": revision,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        revision = d.pop("revision")

        restoration = cls(
            revision=revision,
        )

        return restoration

