from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="UserCreate")



@_attrs_define
class UserCreate:
    """ 
        Example:
            {'email': 'ada@example.com', 'password': 'correct horse battery staple', 'display_name': 'Ada Lovelace'}

        Attributes:
            email (str): Unique, compared case-insensitively.
            password (str):
            display_name (str):
     """

    email: str
    password: str
    display_name: str





    def to_dict(self) -> dict[str, Any]:
        email = self.email

        password = self.password

        display_name = self.display_name


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "email": email,
            "password": password,
            "display_name": display_name,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        password = d.pop("password")

        display_name = d.pop("display_name")

        user_create = cls(
            email=email,
            password=password,
            display_name=display_name,
        )

        return user_create

