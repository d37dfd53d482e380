from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.o_auth_token_error_error import OAuthTokenErrorError
from ..types import UNSET, Unset






T = TypeVar("T", bound="OAuthTokenError")



@_attrs_define
class OAuthTokenError:
    """ An error of a form-encoded token request, as RFC 6749 §5.2 words it (JSON requests answer problems instead).

        Example:
            {'error': 'invalid_grant', 'error_description': 'Wrong email or password.'}

        Attributes:
            error (OAuthTokenErrorError): `invalid_request`: a parameter is missing, repeated or malformed; `invalid_grant`:
                wrong username or password, or an unknown, expired, revoked or reused refresh token; `unsupported_grant_type`: a
                grant type other than `password` and `refresh_token`.
            error_description (str | Unset): What was wrong, for the developer (not for end users).
     """

    error: OAuthTokenErrorError
    error_description: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        error = self.error.value

        error_description = self.error_description


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "error": error,
        })
        if error_description is not UNSET:
            field_dict["error_description"] = error_description

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        error = OAuthTokenErrorError(d.pop("error"))




        error_description = d.pop("error_description", UNSET)

        o_auth_token_error = cls(
            error=error,
            error_description=error_description,
        )


        o_auth_token_error.additional_properties = d
        return o_auth_token_error

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
