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





T = TypeVar("T", bound="WeatherSubscriptionCreate")



@_attrs_define
class WeatherSubscriptionCreate:
    """ 
        Example:
            {'name': 'Allotment', 'latitude': 52.52, 'longitude': 13.41, 'rules': [{'kind': 'RAIN_PROBABILITY_ABOVE',
                'threshold': 60}, {'kind': 'TEMPERATURE_BELOW', 'threshold': 0}]}

        Attributes:
            name (str):
            latitude (float):
            longitude (float):
            rules (list[WeatherRule]):
            active (bool | Unset):  Default: True.
     """

    name: str
    latitude: float
    longitude: float
    rules: list[WeatherRule]
    active: bool | Unset = True





    def to_dict(self) -> dict[str, Any]:
        from ..models.weather_rule import WeatherRule # noqa: PLC0415
        name = self.name

        latitude = self.latitude

        longitude = self.longitude

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)



        active = self.active


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "name": name,
            "latitude": latitude,
            "longitude": longitude,
            "rules": rules,
        })
        if active is not UNSET:
            field_dict["active"] = active

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weather_rule import WeatherRule # noqa: PLC0415
        d = dict(src_dict)
        name = d.pop("name")

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in (_rules):
            rules_item = WeatherRule.from_dict(rules_item_data)



            rules.append(rules_item)


        active = d.pop("active", UNSET)

        weather_subscription_create = cls(
            name=name,
            latitude=latitude,
            longitude=longitude,
            rules=rules,
            active=active,
        )

        return weather_subscription_create

