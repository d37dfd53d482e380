from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.weather_rule import WeatherRule





T = TypeVar("T", bound="WeatherSubscriptionUpdate")



@_attrs_define
class WeatherSubscriptionUpdate:
    """ The fields to change. New `rules` replace the list; a rule kept as it was keeps its alert history (no second alert
    for a window already alerted). New coordinates move the subscription to that place's forecast.

        Example:
            {'active': False}

        Attributes:
            name (str | Unset):
            latitude (float | Unset):
            longitude (float | Unset):
            rules (list[WeatherRule] | Unset):
            active (bool | Unset):
     """

    name: str | Unset = UNSET
    latitude: float | Unset = UNSET
    longitude: float | Unset = UNSET
    rules: list[WeatherRule] | Unset = UNSET
    active: bool | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        from ..models.weather_rule import WeatherRule # noqa: PLC0415
        name = self.name

        latitude = self.latitude

        longitude = self.longitude

        rules: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.rules, Unset):
            rules = []
            for rules_item_data in self.rules:
                rules_item = rules_item_data.to_dict()
                rules.append(rules_item)



        active = self.active


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if name is not UNSET:
            field_dict["name"] = name
        if latitude is not UNSET:
            field_dict["latitude"] = latitude
        if longitude is not UNSET:
            field_dict["longitude"] = longitude
        if rules is not UNSET:
            field_dict["rules"] = rules
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weather_rule import WeatherRule # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        latitude = d.pop("latitude", UNSET)

        longitude = d.pop("longitude", UNSET)

        _rules = d.pop("rules", UNSET)
        rules: list[WeatherRule] | Unset = UNSET
        if _rules is not UNSET:
            rules = []
            for rules_item_data in _rules:
                rules_item = WeatherRule.from_dict(rules_item_data)



                rules.append(rules_item)


        active = d.pop("active", UNSET)

        weather_subscription_update = cls(
            name=name,
            latitude=latitude,
            longitude=longitude,
            rules=rules,
            active=active,
        )

        return weather_subscription_update

