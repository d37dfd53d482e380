from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="UserUpdate")



@_attrs_define
class UserUpdate:
    """ Change your display name, or your password (give `current_password` too).

        Example:
            {'display_name': 'Ada King'}

        Attributes:
            display_name (str | Unset):
            password (str | Unset): The new password; every refresh token issued before is revoked.
            current_password (str | Unset):
     """

    display_name: str | Unset = UNSET
    password: str | Unset = UNSET
    current_password: str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        display_name = self.display_name

        password = self.password

        current_password = self.current_password


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if display_name is not UNSET:
            field_dict["display_name"] = display_name
        if password is not UNSET:
            field_dict["password"] = password
        if current_password is not UNSET:
            field_dict["current_password"] = current_password

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        display_name = d.pop("display_name", UNSET)

        password = d.pop("password", UNSET)

        current_password = d.pop("current_password", UNSET)

        user_update = cls(
            display_name=display_name,
            password=password,
            current_password=current_password,
        )

        return user_update

