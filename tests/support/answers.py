"""The answer every create operation shares: 201, the first ETag, and where the new resource is."""

from __future__ import annotations

from typing import Any


def assert_created(response: Any, collection: str, key: str = "id") -> dict[str, Any]:
    """201 with ETag "1" and a Location naming the new resource (`<collection>/<its key>`);
    returns the body."""
    assert response.status_code == 201, response.text
    body: dict[str, Any] = response.json()
    assert response.headers["etag"] == '"1"'
    assert response.headers["location"] == f"{collection}/{body[key]}"
    return body
