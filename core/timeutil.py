"""RFC 3339 parsing for values the spec already checked as `format: date-time`."""

from __future__ import annotations

import re
from datetime import UTC, datetime

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
