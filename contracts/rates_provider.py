"""A stand-in for the rates provider during the live contract gates (ci/live-server.sh starts
it on loopback and points RATES_BASE_URL at it): the recorded Frankfurter answers of
tests/rates/recorded, so the spec's examples and generated requests get real snapshots.

    python -m contracts.rates_provider PORT

`/latest?base=EUR|USD` answers the recorded latest snapshot; `/<YYYY-MM-DD>?base=EUR` the
recorded day's rates under the date asked for; any other base is 404, as the provider does.
"""

from __future__ import annotations

import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

RECORDED = Path(__file__).resolve().parent.parent / "tests" / "rates" / "recorded"


def answer(path: str, base: str) -> tuple[int, bytes]:
    day = path.strip("/")
    if day == "latest" and (RECORDED / f"latest_{base}.json").is_file():
        return 200, (RECORDED / f"latest_{base}.json").read_bytes()
    if (
        base == "EUR"
        and len(day) == 10
        and day[4] == day[7] == "-"
        and day.replace("-", "").isdigit()
    ):
        recorded = json.loads((RECORDED / "2024-01-05_EUR.json").read_text(encoding="utf-8"))
        return 200, json.dumps({**recorded, "date": day}).encode()
    return 404, (RECORDED / "not_found.json").read_bytes()


class _Provider(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args: object) -> None:
        pass

    def do_GET(self) -> None:
        parts = urlsplit(self.path)
        status, body = answer(parts.path, parse_qs(parts.query).get("base", ["EUR"])[0])
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), _Provider).serve_forever()
