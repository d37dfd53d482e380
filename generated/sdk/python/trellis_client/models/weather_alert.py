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





T = TypeVar("T", bound="WeatherAlert")



@_attrs_define
class WeatherAlert:
    """ 
        Attributes:
            id (UUID):
            rule (WeatherRule): One alert condition. RAIN_PROBABILITY_ABOVE (precipitation probability in %, 0-100),
                TEMPERATURE_ABOVE and TEMPERATURE_BELOW (air temperature at 2 m in °C, -90 to 60), WIND_SPEED_ABOVE (wind speed
                at 10 m in km/h, 0-400). ABOVE means strictly greater, BELOW strictly less than `threshold`. Example: {'kind':
                'RAIN_PROBABILITY_ABOVE', 'threshold': 60}.
            window_start (datetime.datetime):
            window_end (datetime.datetime):
            value (float): The most extreme forecast value of the window (the highest for ABOVE rules).
            peak_at (datetime.datetime): The hour of that value.
            message_id (None | UUID): The outbox message that carried the alert (GET /outbox/messages/{message_id}).
            created_at (datetime.datetime):
     """

    id: UUID
    rule: WeatherRule
    window_start: datetime.datetime
    window_end: datetime.datetime
    value: float
    peak_at: datetime.datetime
    message_id: None | UUID
    created_at: datetime.datetime





    def to_dict(self) -> dict[str, Any]:
        from ..models.weather_rule import WeatherRule # noqa: PLC0415
        id = str(self.id)

        rule = self.rule.to_dict()

        window_start = self.window_start.isoformat()

        window_end = self.window_end.isoformat()

        value = self.value

        peak_at = self.peak_at.isoformat()

        message_id: None | str
        if isinstance(self.message_id, UUID):
            message_id = str(self.message_id)
        else:
            message_id = self.message_id

        created_at = self.created_at.isoformat()


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "id": id,
            "rule": rule,
            "window_start": window_start,
            "window_end": window_end,
            "value": value,
            "peak_at": peak_at,
            "message_id": message_id,
            "created_at": created_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.weather_rule import WeatherRule # noqa: PLC0415
        d = dict(src_dict)
        id = UUID(d.pop("id"))




        rule = WeatherRule.from_dict(d.pop("rule"))




        window_start = datetime.datetime.fromisoformat(d.pop("window_start"))




        window_end = datetime.datetime.fromisoformat(d.pop("window_end"))




        value = d.pop("value")

        peak_at = datetime.datetime.fromisoformat(d.pop("peak_at"))




        def _parse_message_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                message_id_type_0 = UUID(data)



                return message_id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        message_id = _parse_message_id(d.pop("message_id"))


        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))




        weather_alert = cls(
            id=id,
            rule=rule,
            window_start=window_start,
            window_end=window_end,
            value=value,
            peak_at=peak_at,
            message_id=message_id,
            created_at=created_at,
        )

        return weather_alert

