from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ShortlinkStatsReferrersItem")



@_attrs_define
class ShortlinkStatsReferrersItem:
    """ 
        Attributes:
            referrer (None | str):
            clicks (int):
     """

    referrer: None | str
    clicks: int





    def to_dict(self) -> dict[str, Any]:
        referrer: None | str
        referrer = self.referrer

        clicks = self.clicks


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "referrer": referrer,
            "clicks": clicks,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_referrer(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        referrer = _parse_referrer(d.pop("referrer"))


        clicks = d.pop("clicks")

        shortlink_stats_referrers_item = cls(
            referrer=referrer,
            clicks=clicks,
        )

        return shortlink_stats_referrers_item

