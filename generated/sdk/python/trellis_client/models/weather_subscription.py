from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
  from ..models.weather_rule import WeatherRule





T = TypeVar("T", bound="WeatherSubscription")



@_attrs_define
class WeatherSubscription:
    """ 
        Example:
            {'id': '6f2b8c1d-4e5a-4b7c-9d8e-0a1b2c3d4e5f', 'name': 'Allotment', 'latitude': 52.52, 'longitude': 13.41,
                'rules': [{'kind': 'RAIN_PROBABILITY_ABOVE', 'threshold': 60}, {'kind': 'TEMPERATURE_BELOW', 'threshold': 0}],
                'active': True, 'created_at': '2026-12-01T08:00:00Z', 'updated_at': '2026-12-01T08:00:00Z'}

        Attributes:
            id (UUID):
            name (str):
            latitude (float):
            longitude (float):
            rules (list[WeatherRule]):
            active (bool): A paused subscription (false) keeps its rules and gets no alerts.
            created_at (datetime.datetime):
            updated_at (datetime.datetime):
     """

    id: UUID
    name: str
    latitude: float
    longitude: float
    rules: list[WeatherRule]
    active: bool
    created_at: datetime.datetime
    updated_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.weather_rule import WeatherRule # noqa: PLC0415
        id = str(self.id)

        name = self.name

        latitude = self.latitude

        longitude = self.longitude

        rules = []
        for rules_item_data in self.rules:
            rules_item = rules_item_data.to_dict()
            rules.append(rules_item)



        active = self.active

        created_at = self.created_at.isoformat()

        updated_at = self.updated_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "name": name,
            "latitude": latitude,
            "longitude": longitude,
            "rules": rules,
            "active": active,
            "created_at": created_at,
            "updated_at": updated_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weather_rule import WeatherRule # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        name = d.pop("name")

        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        rules = []
        _rules = d.pop("rules")
        for rules_item_data in (_rules):
            rules_item = WeatherRule.from_dict(rules_item_data)



            rules.append(rules_item)


        active = d.pop("active")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        updated_at = datetime.datetime.fromisoformat(d.pop("updated_at"))




        weather_subscription = cls(
            id=id,
            name=name,
            latitude=latitude,
            longitude=longitude,
            rules=rules,
            active=active,
            created_at=created_at,
            updated_at=updated_at,
        )

        return weather_subscription

