from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.shortlink_update_redirect_status import ShortlinkUpdateRedirectStatus
from ..types import UNSET, Unset
from typing import cast
import datetime






T = TypeVar("T", bound="ShortlinkUpdate")



@_attrs_define
class ShortlinkUpdate:
    """ The fields to change; the code never changes. `null` clears an expiry or a limit.

        Example:
            {'enabled': False}

        Attributes:
            target_url (str | Unset):
            redirect_status (ShortlinkUpdateRedirectStatus | Unset):
            expires_at (datetime.datetime | None | Unset): Must be in the future.
            max_visits (int | None | Unset): May be at or below `visits`, which uses the link up (410) at once.
            enabled (bool | Unset):
     """

    target_url: str | Unset = UNSET
    redirect_status: ShortlinkUpdateRedirectStatus | Unset = UNSET
    expires_at: datetime.datetime | None | Unset = UNSET
    max_visits: int | None | Unset = UNSET
    enabled: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        target_url = self.target_url

        redirect_status: int | Unset = UNSET
        if not isinstance(self.redirect_status, Unset):
            redirect_status = self.redirect_status.value


        expires_at: None | str | Unset
        if isinstance(self.expires_at, Unset):
            expires_at = UNSET
        elif isinstance(self.expires_at, datetime.datetime):
            expires_at = self.expires_at.isoformat()
        else:
            expires_at = self.expires_at

        max_visits: int | None | Unset
        if isinstance(self.max_visits, Unset):
            max_visits = UNSET
        else:
            max_visits = self.max_visits

        enabled = self.enabled


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if target_url is not UNSET:
            field_dict["target_url"] = target_url
        if redirect_status is not UNSET:
            field_dict["redirect_status"] = redirect_status
        if expires_at is not UNSET:
            field_dict["expires_at"] = expires_at
        if max_visits is not UNSET:
            field_dict["max_visits"] = max_visits
        if enabled is not UNSET:
            field_dict["enabled"] = enabled

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        target_url = d.pop("target_url", UNSET)

        _redirect_status = d.pop("redirect_status", UNSET)
        redirect_status: ShortlinkUpdateRedirectStatus | Unset
        if isinstance(_redirect_status,  Unset):
            redirect_status = UNSET
        else:
            redirect_status = ShortlinkUpdateRedirectStatus(_redirect_status)




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


        def _parse_max_visits(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        max_visits = _parse_max_visits(d.pop("max_visits", UNSET))


        enabled = d.pop("enabled", UNSET)

        shortlink_update = cls(
            target_url=target_url,
            redirect_status=redirect_status,
            expires_at=expires_at,
            max_visits=max_visits,
            enabled=enabled,
        )

        return shortlink_update

