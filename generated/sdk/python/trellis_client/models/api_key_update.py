from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="ApiKeyUpdate")



@_attrs_define
class ApiKeyUpdate:
    """ 
        Attributes:
            name (str | Unset):
            revoked (bool | Unset): true revokes the key for good.
     """

    name: str | Unset = UNSET
    revoked: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        revoked = self.revoked


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if revoked is not UNSET:
            field_dict["revoked"] = revoked

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        revoked = d.pop("revoked", UNSET)

        api_key_update = cls(
            name=name,
            revoked=revoked,
        )

        return api_key_update

