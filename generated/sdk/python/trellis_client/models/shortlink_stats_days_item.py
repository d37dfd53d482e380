from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="ShortlinkStatsDaysItem")



@_attrs_define
class ShortlinkStatsDaysItem:
    """ 
        Attributes:
            day (datetime.date):
            clicks (int):
     """

    day: datetime.date
    clicks: int





    def to_dict(self) -> dict[str, Any]:
        day = self.day.isoformat()

        clicks = self.clicks


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "day": day,
            "clicks": clicks,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        day = datetime.date.fromisoformat(d.pop("day"))




        clicks = d.pop("clicks")

        shortlink_stats_days_item = cls(
            day=day,
            clicks=clicks,
        )

        return shortlink_stats_days_item

