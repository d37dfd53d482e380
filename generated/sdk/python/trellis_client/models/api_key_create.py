from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.api_key_create_scope import ApiKeyCreateScope
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ApiKeyCreate")



@_attrs_define
class ApiKeyCreate:
    """ 
        Attributes:
            name (str):
            scope (ApiKeyCreateScope):
            expires_at (datetime.datetime | None | Unset): When the key stops working; must be in the future. Null or absent
                = never.
            rate_limit_per_minute (int | None | Unset): Requests per minute for this key; null or absent = the server
                default (600). At most the administrator's maximum, API_KEY_MAX_RATE_LIMIT_PER_MINUTE (6000 by default): above
                it, 422 `/problems/apikeys/rate-limit-too-high`. 100000 is the ceiling of any setting.
     """

    name: str
    scope: ApiKeyCreateScope
    expires_at: datetime.datetime | None | Unset = UNSET
    rate_limit_per_minute: int | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        name = self.name

        scope = self.scope.value

        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        rate_limit_per_minute: int | None | Unset
        if isinstance(self.rate_limit_per_minute, Unset):
            rate_limit_per_minute = UNSET
        else:
            rate_limit_per_minute = self.rate_limit_per_minute


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "scope": scope,
        })
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if rate_limit_per_minute is not UNSET:
            field_dict["rate_limit_per_minute"] = rate_limit_per_minute

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        scope = ApiKeyCreateScope(d.pop("scope"))




        def _parse_expires_at(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                expires_at_type_0 = datetime.datetime.fromisoformat(data)



                return expires_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        expires_at = _parse_expires_at(d.pop("expires_at", UNSET))


        def _parse_rate_limit_per_minute(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        rate_limit_per_minute = _parse_rate_limit_per_minute(d.pop("rate_limit_per_minute", UNSET))


        api_key_create = cls(
            name=name,
            scope=scope,
            expires_at=expires_at,
            rate_limit_per_minute=rate_limit_per_minute,
        )

        return api_key_create

