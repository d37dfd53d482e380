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
  from ..models.weather_hour import WeatherHour





T = TypeVar("T", bound="WeatherForecast")



@_attrs_define
class WeatherForecast:
    """ 
        Attributes:
            subscription_id (UUID):
            latitude (float): The forecast point (the subscription's coordinates rounded to 0.01°).
            longitude (float):
            fetched_at (datetime.datetime): When the provider gave this forecast.
            stale (bool): True when the forecast is older than WEATHER_FORECAST_TTL_SECONDS (the provider has been failing
                since).
            next_refresh_at (datetime.datetime): When the next fetch is due (later while the provider fails, by its
                backoff).
            hours (list[WeatherHour]):
     """

    subscription_id: UUID
    latitude: float
    longitude: float
    fetched_at: datetime.datetime
    stale: bool
    next_refresh_at: datetime.datetime
    hours: list[WeatherHour]





    def to_dict(self) -> dict[str, Any]:
        from ..models.weather_hour import WeatherHour # noqa: PLC0415
        subscription_id = str(self.subscription_id)

        latitude = self.latitude

        longitude = self.longitude

        fetched_at = self.fetched_at.isoformat()

        stale = self.stale

        next_refresh_at = self.next_refresh_at.isoformat()

        hours = []
        for hours_item_data in self.hours:
            hours_item = hours_item_data.to_dict()
            hours.append(hours_item)




        field_dict: dict[str, Any] = {}

        field_dict.update({
            "subscription_id": subscription_id,
            "latitude": latitude,
            "longitude": longitude,
            "fetched_at": fetched_at,
            "stale": stale,
            "next_refresh_at": next_refresh_at,
            "hours": hours,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weather_hour import WeatherHour # noqa: PLC0415
        d = dict(src_dict)
        subscription_id = UUID(d.pop("subscription_id"))




        latitude = d.pop("latitude")

        longitude = d.pop("longitude")

        fetched_at = datetime.datetime.fromisoformat(d.pop("fetched_at"))




        stale = d.pop("stale")

        next_refresh_at = datetime.datetime.fromisoformat(d.pop("next_refresh_at"))




        hours = []
        _hours = d.pop("hours")
        for hours_item_data in (_hours):
            hours_item = WeatherHour.from_dict(hours_item_data)



            hours.append(hours_item)


        weather_forecast = cls(
            subscription_id=subscription_id,
            latitude=latitude,
            longitude=longitude,
            fetched_at=fetched_at,
            stale=stale,
            next_refresh_at=next_refresh_at,
            hours=hours,
        )

        return weather_forecast

