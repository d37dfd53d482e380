"""A stand-in for the forecast provider during the live contract gates (ci/live-server.sh starts
it on loopback and points WEATHER_PROVIDER_URL at it): the recorded Open-Meteo answer of
tests/weather/recorded, for any point, its hours moved to start today (UTC).

    python -m contracts.weather_provider PORT
"""

from __future__ import annotations

import json
import sys
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

RECORDED = Path(__file__).resolve().parent.parent / "tests" / "weather" / "recorded"


def answer(path: str, query: dict[str, list[str]]) -> tuple[int, bytes]:
    if path != "/v1/forecast" or "latitude" not in query or "longitude" not in query:
        return 400, (RECORDED / "bad_request.json").read_bytes()
    recorded = json.loads((RECORDED / "forecast.json").read_text(encoding="utf-8"))
    today = datetime.now(UTC).replace(hour=0, minute=0, second=0, microsecond=0, tzinfo=None)
    hourly = recorded["hourly"]
    hourly["time"] = [
        (today + timedelta(hours=n)).strftime("%Y-%m-%dT%H:%M") for n in range(len(hourly["time"]))
    ]
    recorded["latitude"] = float(query["latitude"][0])
    recorded["longitude"] = float(query["longitude"][0])
    return 200, json.dumps(recorded).encode()


class _Provider(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        try:
            status, body = answer(parts.path, parse_qs(parts.query))
        except ValueError:
            status, body = 400, (RECORDED / "bad_request.json").read_bytes()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), _Provider).serve_forever()
