"""The forecast provider on the replay server (tests/providers.py, under `/weather`): a
recorded Open-Meteo answer (recorded/) or, when a test sets `hours`, a forecast it wrote (hour
-> values); the calls counted per point; misbehaving on request (`broken`, for every point):
down (503), garbage (200 that is not a forecast), refused (400 with Open-Meteo's error body)
or silent (no answer until the test ends); slow with `delay`."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

import jobs.outbox  # noqa: F401 - installs the outbox's after-commit dispatcher, as the app does
from services import weather
from tests.providers import Replay, replaying, route, send

RECORDED = Path(__file__).parent / "recorded"
#: The first hour of the recorded forecast: the sweep's "now" in the tests.
START = datetime(2026, 12, 3, tzinfo=UTC)


@dataclass
class Provider(Replay):
    """`broken["*"]` applies to every point."""

    #: hour (UTC) -> (temperature °C, precipitation probability %, wind km/h), served instead
    #: of the recording when set
    hours: dict[datetime, tuple[float, float, float]] = field(default_factory=dict)

    def reset(self) -> None:
        super().reset()
        self.hours.clear()


PROVIDER = Provider()


def _written(hours: dict[datetime, tuple[float, float, float]]) -> dict[str, object]:
    ordered = sorted(hours)
    columns = list(zip(*(hours[at] for at in ordered), strict=True))
    return {
        "utc_offset_seconds": 0,
        "timezone": "GMT",
        "hourly": {
            "time": [at.strftime("%Y-%m-%dT%H:%M") for at in ordered],
            "temperature_2m": list(columns[0]),
            "precipitation_probability": list(columns[1]),
            "wind_speed_10m": list(columns[2]),
        },
    }


@route("weather")
def _answer(request: BaseHTTPRequestHandler) -> None:
    parts = urlsplit(request.path)
    query = parse_qs(parts.query)
    PROVIDER.count(f"{query['latitude'][0]},{query['longitude'][0]}")
    how = PROVIDER.broken.get("*")
    PROVIDER.wait()
    if how == "silent":
        PROVIDER.released.wait(30)
        return
    if parts.path != "/v1/forecast" or how == "refused":
        status, body = 400, (RECORDED / "bad_request.json").read_bytes()
    elif how == "down":
        status, body = 503, b"<html>503 Service Temporarily Unavailable</html>"
    elif how == "garbage":
        status, body = 200, b'{"hourly": {"time": ["yesterday"]}}'
    else:
        answer = (
            _written(PROVIDER.hours)
            if PROVIDER.hours
            else json.loads((RECORDED / "forecast.json").read_bytes())
        )
        answer["latitude"] = float(query["latitude"][0])
        answer["longitude"] = float(query["longitude"][0])
        status, body = 200, json.dumps(answer).encode()
    send(request, status, body, "application/json; charset=utf-8")


@pytest.fixture
def provider(replay_server: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Provider]:
    """The replay provider, reachable as WEATHER_PROVIDER_URL, no retries, counts reset."""
    with replaying(
        PROVIDER,
        replay_server,
        "weather",
        monkeypatch,
        OUTBOUND_READ_TIMEOUT_SECONDS="0.2",
        WEATHER_PROVIDER_URL="{url}",
    ):
        yield PROVIDER


@dataclass(frozen=True)
class Expected:
    """An alert a written forecast must cause for RAIN_PROBABILITY_ABOVE 60."""

    window_start: datetime
    value: float
    peak_at: datetime


def rain_in_two_windows(
    now: datetime, window_hours: int
) -> tuple[dict[datetime, tuple[float, float, float]], list[Expected]]:
    """A forecast written around `now` (48 hours from the hour before it) that is dry but for
    two hours of rain over 60 % in the next window and one in the window after: the two alerts
    it causes, whatever the time of day (the rain stays clear of the current window)."""
    hour = now.replace(minute=0, second=0, microsecond=0)
    hours = {hour + timedelta(hours=offset): (5.0, 10.0, 12.0) for offset in range(-1, 48)}
    first = weather.window_of(now, window_hours) + timedelta(hours=window_hours)
    second = first + timedelta(hours=window_hours)
    hours[first + timedelta(hours=1)] = (5.0, 70.0, 12.0)
    hours[first + timedelta(hours=2)] = (5.0, 90.0, 12.0)
    hours[second] = (5.0, 80.0, 12.0)
    return hours, [
        Expected(first, 90.0, first + timedelta(hours=2)),
        Expected(second, 80.0, second),
    ]
