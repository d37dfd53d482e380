"""A tiny API that exercises each change core.connexion_app makes to Connexion, with no database:
handlers (tag `probe`), the info function of its key scheme, and its spec."""

from __future__ import annotations

import uuid
from typing import Any

from connexion import request

from core.credentials import Credential, Presented
from core.errors import NotFound
from core.validation import PARSED_BODY_KEY

HOLDER = uuid.UUID("00000000-0000-0000-0000-0000000000a1")
#: What key_holder was given, newest last.
seen: list[Presented] = []
PROBLEM = {"application/problem+json": {"schema": {"type": "object"}}}
OBJECT = {"application/json": {"schema": {"type": "object"}}}


def key_holder(presented: Presented) -> Credential | None:
    """`good` is valid and asks for a header on the answer; anything else is not valid."""
    seen.append(presented)
    if presented.value != "good":
        return None
    return Credential(HOLDER, "USER", "apikey", response_headers=(("X-Probe", "seen"),))


def create_thing(body: dict[str, Any]) -> dict[str, Any]:
    return {"parsed_once": body is request.scope.get(PARSED_BODY_KEY)}


def list_things(fail: bool = False) -> dict[str, Any]:
    if fail:
        raise NotFound("Asked to fail.")
    return {"items": []}


def delete_things() -> tuple[None, int]:
    return None, 204


def _operation(operation_id: str, success: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "tags": ["probe"],
        "operationId": operation_id,
        "responses": {**success, "400": {"description": "Bad.", "content": PROBLEM}},
        **extra,
    }


SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "info": {"title": "probe", "version": "1"},
    "servers": [{"url": "/probe"}],
    "security": [],
    "components": {
        "securitySchemes": {
            "probeKey": {
                "type": "apiKey",
                "in": "header",
                "name": "X-Probe-Key",
                "x-apikeyInfoFunc": "tests.core.probe.key_holder",
            }
        }
    },
    "paths": {
        "/things": {
            "post": _operation(
                "createThing",
                {"200": {"description": "Echo.", "content": OBJECT}},
                requestBody={"required": True, "content": OBJECT},
            ),
            "get": _operation(
                "listThings",
                {"200": {"description": "Things.", "content": OBJECT}},
                security=[{"probeKey": []}],
                parameters=[{"name": "fail", "in": "query", "schema": {"type": "boolean"}}],
            ),
            "delete": _operation("deleteThings", {"204": {"description": "Gone."}}),
        }
    },
}
