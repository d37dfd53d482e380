from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_update_role import AccountUpdateRole
from ..types import UNSET, Unset






T = TypeVar("T", bound="AccountUpdate")



@_attrs_define
class AccountUpdate:
    """ 
        Example:
            {'disabled': True}

        Attributes:
            role (AccountUpdateRole | Unset):
            disabled (bool | Unset):
     """

    role: AccountUpdateRole | Unset = UNSET
    disabled: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value


        disabled = self.disabled


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if role is not UNSET:
            field_dict["role"] = role
        if disabled is not UNSET:
            field_dict["disabled"] = disabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _role = d.pop("role", UNSET)
        role: AccountUpdateRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = AccountUpdateRole(_role)




        disabled = d.pop("disabled", UNSET)

        account_update = cls(
            role=role,
            disabled=disabled,
        )

        return account_update

