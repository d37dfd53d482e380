from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="TokenForm")



@_attrs_define
class TokenForm:
    """ The token request as an OAuth 2.0 client sends it (RFC 6749 §4.3.2 and §6), form-encoded. `grant_type=password` logs
    in with `username` (the account's email) and `password`; `grant_type=refresh_token` rotates `refresh_token`. Each
    parameter may be given once; other parameters (`scope`, `client_id`) are ignored.

        Example:
            {'grant_type': 'password', 'username': 'ada@example.com', 'password': 'correct horse battery staple'}

        Attributes:
            grant_type (str): `password` or `refresh_token`; any other value answers `unsupported_grant_type`.
            username (str | Unset): The account's email (password grant).
            password (str | Unset): The account's password (password grant).
            refresh_token (str | Unset): The refresh token to rotate (refresh_token grant).
     """

    grant_type: str
    username: str | Unset = UNSET
    password: str | Unset = UNSET
    refresh_token: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type

        username = self.username

        password = self.password

        refresh_token = self.refresh_token


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "grant_type": grant_type,
        })
        if username is not UNSET:
            field_dict["username"] = username
        if password is not UNSET:
            field_dict["password"] = password
        if refresh_token is not UNSET:
            field_dict["refresh_token"] = refresh_token

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = d.pop("grant_type")

        username = d.pop("username", UNSET)

        password = d.pop("password", UNSET)

        refresh_token = d.pop("refresh_token", UNSET)

        token_form = cls(
            grant_type=grant_type,
            username=username,
            password=password,
            refresh_token=refresh_token,
        )


        token_form.additional_properties = d
        return token_form

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
