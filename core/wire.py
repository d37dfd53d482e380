"""The answers handlers build over and over: pages, ETag'd resources and Location headers.

A handler returns `(body, status, headers)`; Connexion validates the body against the spec. A list
is `{"items": [...], "next": cursor}` (`page_json`); an editable resource carries its ETag
(`with_etag`), and a created one also its Location (`created`), an absolute path under
`API_PREFIX`, the base path the main API is mounted on.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from core.concurrency import etag
from core.pagination import Page

API_PREFIX = "/api/v1"

T = TypeVar("T")
#: A JSON answer with headers, as handlers return it to Connexion.
Answer = tuple[dict[str, Any], int, dict[str, str]]
#: The same where some answers have no body (304 Not Modified, a redirect).
MaybeBodyAnswer = tuple[dict[str, Any] | None, int, dict[str, str]]
#: 204 No Content.
NoContent = tuple[None, int]


def api_path(*segments: object) -> str:
    """`api_path("tasks", task.id)` -> `/api/v1/tasks/<id>`."""
    return "/".join([API_PREFIX, *(str(segment) for segment in segments)])


def page_json(page: Page[T], item_json: Callable[[T], dict[str, Any]]) -> dict[str, Any]:
    return {"items": [item_json(item) for item in page.items], "next": page.next}


def with_etag(body: dict[str, Any], version: int, status: int = 200) -> Answer:
    return body, status, {"ETag": etag(version)}


def created(body: dict[str, Any], version: int, *path: object) -> Answer:
    """201 with the new resource's ETag and its Location (`path` under the API prefix)."""
    return body, 201, {"ETag": etag(version), "Location": api_path(*path)}
