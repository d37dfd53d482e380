from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.weather_rule_kind import WeatherRuleKind






T = TypeVar("T", bound="WeatherRule")



@_attrs_define
class WeatherRule:
    """ One alert condition. RAIN_PROBABILITY_ABOVE (precipitation probability in %, 0-100), TEMPERATURE_ABOVE and
    TEMPERATURE_BELOW (air temperature at 2 m in °C, -90 to 60), WIND_SPEED_ABOVE (wind speed at 10 m in km/h, 0-400).
    ABOVE means strictly greater, BELOW strictly less than `threshold`.

        Example:
            {'kind': 'RAIN_PROBABILITY_ABOVE', 'threshold': 60}

        Attributes:
            kind (WeatherRuleKind):
            threshold (float):
     """

    kind: WeatherRuleKind
    threshold: float





    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        threshold = self.threshold


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "kind": kind,
            "threshold": threshold,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = WeatherRuleKind(d.pop("kind"))




        threshold = d.pop("threshold")

        weather_rule = cls(
            kind=kind,
            threshold=threshold,
        )

        return weather_rule

