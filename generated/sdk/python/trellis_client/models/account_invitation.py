from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.account_invitation_role import AccountInvitationRole
from ..types import UNSET, Unset






T = TypeVar("T", bound="AccountInvitation")



@_attrs_define
class AccountInvitation:
    """ 
        Example:
            {'email': 'grace@example.com', 'display_name': 'Grace Hopper'}

        Attributes:
            email (str): Unique, compared case-insensitively.
            display_name (str):
            role (AccountInvitationRole | Unset):  Default: AccountInvitationRole.USER.
     """

    email: str
    display_name: str
    role: AccountInvitationRole | Unset = AccountInvitationRole.USER





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        display_name = self.display_name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value



        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
            "display_name": display_name,
        })
        if role is not UNSET:
            field_dict["role"] = role

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        display_name = d.pop("display_name")

        _role = d.pop("role", UNSET)
        role: AccountInvitationRole | Unset
        if isinstance(_role,  Unset):
            role = UNSET
        else:
            role = AccountInvitationRole(_role)




        account_invitation = cls(
            email=email,
            display_name=display_name,
            role=role,
        )

        return account_invitation

