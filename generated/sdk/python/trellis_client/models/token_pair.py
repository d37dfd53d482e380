from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.token_pair_token_type import TokenPairTokenType






T = TypeVar("T", bound="TokenPair")



@_attrs_define
class TokenPair:
    """ 
        Example:
            {'access_token': 'eyJhbGciOiJIUzI1NiIsImtpZCI6ImsxIiwidHlwIjoiSldUIn0.eyJzdWIiOiIzZjJiIn0.c2lnbmF0dXJl',
                'token_type': 'Bearer', 'expires_in': 900, 'refresh_token': 'rt_9yQx3nV2kP0sL8aB1cD4eF6gH7iJ5kL3mN0oP2qR4sT',
                'refresh_expires_in': 2592000}

        Attributes:
            access_token (str): A JWT for `Authorization: Bearer`.
            token_type (TokenPairTokenType):
            expires_in (int): Seconds until the access token expires.
            refresh_token (str): Opaque, single use; exchange it for a new pair before it expires.
            refresh_expires_in (int):
     """

    access_token: str
    token_type: TokenPairTokenType
    expires_in: int
    refresh_token: str
    refresh_expires_in: int





    def to_dict(self) -> dict[str, Any]:
        access_token = self.access_token

        token_type = self.token_type.value

        expires_in = self.expires_in

        refresh_token = self.refresh_token

        refresh_expires_in = self.refresh_expires_in


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "access_token": access_token,
            "token_type": token_type,
            "expires_in": expires_in,
            "refresh_token": refresh_token,
            "refresh_expires_in": refresh_expires_in,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        access_token = d.pop("access_token")

        token_type = TokenPairTokenType(d.pop("token_type"))




        expires_in = d.pop("expires_in")

        refresh_token = d.pop("refresh_token")

        refresh_expires_in = d.pop("refresh_expires_in")

        token_pair = cls(
            access_token=access_token,
            token_type=token_type,
            expires_in=expires_in,
            refresh_token=refresh_token,
            refresh_expires_in=refresh_expires_in,
        )

        return token_pair

