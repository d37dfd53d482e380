from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.refresh_grant_grant_type import RefreshGrantGrantType






T = TypeVar("T", bound="RefreshGrant")



@_attrs_define
class RefreshGrant:
    """ Exchange a refresh token for a new pair. The old refresh token stops working; presenting it again revokes every
    token descended from the same login.

        Example:
            {'grant_type': 'REFRESH_TOKEN', 'refresh_token': 'rt_9yQx3nV2kP0sL8aB1cD4eF6gH7iJ5kL3mN0oP2qR4sT'}

        Attributes:
            grant_type (RefreshGrantGrantType):
            refresh_token (str):
     """

    grant_type: RefreshGrantGrantType
    refresh_token: str





    def to_dict(self) -> dict[str, Any]:
        grant_type = self.grant_type.value

        refresh_token = self.refresh_token


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "grant_type": grant_type,
            "refresh_token": refresh_token,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        grant_type = RefreshGrantGrantType(d.pop("grant_type"))




        refresh_token = d.pop("refresh_token")

        refresh_grant = cls(
            grant_type=grant_type,
            refresh_token=refresh_token,
        )

        return refresh_grant

