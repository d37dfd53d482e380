"""The one assertion for error answers: RFC 9457 problem+json with a stable type."""

from __future__ import annotations

import re
from typing import Any

PROBLEM = "application/problem+json"


def assert_problem(response: Any, status: int, type_: str | re.Pattern[str]) -> dict[str, Any]:
    """Status, content type, `type` (equal, or matching a pattern), `status` and the echoed
    request id; returns the body."""
    assert response.status_code == status, response.text
    assert response.headers["content-type"] == PROBLEM
    body: dict[str, Any] = response.json()
    if isinstance(type_, re.Pattern):
        assert type_.fullmatch(body["type"]), body
    else:
        assert body["type"] == type_
    assert body["status"] == status
    assert body["request_id"] == response.headers["x-request-id"]
    return body
