from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="WeatherHour")



@_attrs_define
class WeatherHour:
    """ One hour of the forecast; a value the provider does not have is null.

        Attributes:
            time (datetime.datetime):
            temperature_2m (float | None): Air temperature at 2 m, °C.
            precipitation_probability (float | None): Probability of precipitation, %.
            wind_speed_10m (float | None): Wind speed at 10 m, km/h.
     """

    time: datetime.datetime
    temperature_2m: float | None
    precipitation_probability: float | None
    wind_speed_10m: float | None





    def to_dict(self) -> dict[str, Any]:
        time = self.time.isoformat()

        temperature_2m: float | None
        temperature_2m = self.temperature_2m

        precipitation_probability: float | None
        precipitation_probability = self.precipitation_probability

        wind_speed_10m: float | None
        wind_speed_10m = self.wind_speed_10m


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "time": time,
            "temperature_2m": temperature_2m,
            "precipitation_probability": precipitation_probability,
            "wind_speed_10m": wind_speed_10m,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        time = datetime.datetime.fromisoformat(d.pop("time"))




        def _parse_temperature_2m(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        temperature_2m = _parse_temperature_2m(d.pop("temperature_2m"))


        def _parse_precipitation_probability(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        precipitation_probability = _parse_precipitation_probability(d.pop("precipitation_probability"))


        def _parse_wind_speed_10m(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        wind_speed_10m = _parse_wind_speed_10m(d.pop("wind_speed_10m"))


        weather_hour = cls(
            time=time,
            temperature_2m=temperature_2m,
            precipitation_probability=precipitation_probability,
            wind_speed_10m=wind_speed_10m,
        )

        return weather_hour

