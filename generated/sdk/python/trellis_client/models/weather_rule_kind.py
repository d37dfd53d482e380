from enum import StrEnum

class WeatherRuleKind(StrEnum):
    RAIN_PROBABILITY_ABOVE = "RAIN_PROBABILITY_ABOVE"
    TEMPERATURE_ABOVE = "TEMPERATURE_ABOVE"
    TEMPERATURE_BELOW = "TEMPERATURE_BELOW"
    WIND_SPEED_ABOVE = "WIND_SPEED_ABOVE"

    def __str__(self) -> str:
        return str(self.value)
