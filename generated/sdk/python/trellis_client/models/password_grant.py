from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.password_grant_grant_type import PasswordGrantGrantType






T = TypeVar("T", bound="PasswordGrant")



@_attrs_define
class PasswordGrant:
    """ Log in with email and password.

        Example:
            {'grant_type': 'PASSWORD', 'email': 'ada@example.com', 'password': 'correct horse battery staple'}

        Attributes:
            grant_type (PasswordGrantGrantType):
            email (str):
            password (str):
     """

    grant_type: PasswordGrantGrantType
    email: str
    password: str





    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type.value

        email = self.email

        password = self.password


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "grant_type": grant_type,
            "email": email,
            "password": password,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = PasswordGrantGrantType(d.pop("grant_type"))




        email = d.pop("email")

        password = d.pop("password")

        password_grant = cls(
            grant_type=grant_type,
            email=email,
            password=password,
        )

        return password_grant

