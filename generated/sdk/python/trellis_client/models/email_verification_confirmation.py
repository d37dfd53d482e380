from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="EmailVerificationConfirmation")



@_attrs_define
class EmailVerificationConfirmation:
    """ 
        Example:
            {'token': 'ev_Lc8nA5dF7gH1jK6pZ0uV3wEYq3kT0bJ4vQeWm9sR2x'}

        Attributes:
            token (str): The code from the verification email.
     """

    token: str





    def to_dict(self) -> dict[str, Any]:
        token = self.token


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "token": token,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        token = d.pop("token")

        email_verification_confirmation = cls(
            token=token,
        )

        return email_verification_confirmation

