from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.shortlink_stats_agents_item_family import ShortlinkStatsAgentsItemFamily






T = TypeVar("T", bound="ShortlinkStatsAgentsItem")



@_attrs_define
class ShortlinkStatsAgentsItem:
    """ 
        Attributes:
            family (ShortlinkStatsAgentsItemFamily):
            clicks (int):
     """

    family: ShortlinkStatsAgentsItemFamily
    clicks: int





    def to_dict(self) -> dict[str, Any]:
        family = self.family.value

        clicks = self.clicks


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "family": family,
            "clicks": clicks,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        family = ShortlinkStatsAgentsItemFamily(d.pop("family"))




        clicks = d.pop("clicks")

        shortlink_stats_agents_item = cls(
            family=family,
            clicks=clicks,
        )

        return shortlink_stats_agents_item

