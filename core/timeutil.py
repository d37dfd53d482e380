"""RFC 3339 parsing for values the spec already checked as `format: date-time`.

The spec's check is textual; Python still refuses some valid texts (a leap second, a time before
year 1 once converted to UTC). `parse_rfc3339` reads a leap second as the second before and turns
what remains unrepresentable into a 400 naming the field, never a 500. `with_datetimes` applies it
to the date-time fields of a request body, which handlers then pass to services as they are.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import Any

from core.errors import BadRequest

_LEAP_SECOND = re.compile(r"(T\d\d:\d\d:)60")


class InvalidDateTime(BadRequest):
    type = "/problems/validation"
    title = "Request validation failed"


def parse_rfc3339(value: str, field: str) -> datetime:
    """An aware UTC datetime; values Python cannot represent are a 400, not a 500."""
    text = _LEAP_SECOND.sub(r"\g<1>59", value.upper())
    try:
        parsed = datetime.fromisoformat(text)
        if parsed.tzinfo is None:
            raise ValueError("no offset")
        return parsed.astimezone(UTC)
    except (ValueError, OverflowError) as exc:
        raise InvalidDateTime(
            f"{field}: not a representable RFC 3339 date-time.",
            errors=[{"field": field, "message": "Not a representable RFC 3339 date-time."}],
        ) from exc


def with_datetimes(body: dict[str, Any], *fields: str) -> dict[str, Any]:
    """`body` with each of `fields` it holds (and not null) parsed by `parse_rfc3339`."""
    parsed = dict(body)
    for name in fields:
        if body.get(name) is not None:
            parsed[name] = parse_rfc3339(body[name], f"body.{name}")
    return parsed
