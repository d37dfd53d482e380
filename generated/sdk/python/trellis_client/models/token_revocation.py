from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset






T = TypeVar("T", bound="TokenRevocation")



@_attrs_define
class TokenRevocation:
    """ Log out. Revokes the refresh token's login, or every login of its user.

        Example:
            {'refresh_token': 'rt_9yQx3nV2kP0sL8aB1cD4eF6gH7iJ5kL3mN0oP2qR4sT', 'everywhere': False}

        Attributes:
            refresh_token (str):
            everywhere (bool | Unset): Also revoke every other login of the same user. Default: False.
     """

    refresh_token: str
    everywhere: bool | Unset = False





    def to_dict(self) -> dict[str, Any]:
        refresh_token = self.refresh_token

        everywhere = self.everywhere


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "refresh_token": refresh_token,
        })
        if everywhere is not UNSET:
            field_dict["everywhere"] = everywhere

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        refresh_token = d.pop("refresh_token")

        everywhere = d.pop("everywhere", UNSET)

        token_revocation = cls(
            refresh_token=refresh_token,
            everywhere=everywhere,
        )

        return token_revocation

