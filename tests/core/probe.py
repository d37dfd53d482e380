"""A tiny API that exercises each change core.connexion_app makes to Connexion, with no database:
handlers (tag `probe`), the info function of its key scheme, and its spec."""

from __future__ import annotations

import functools
import uuid
from typing import Any

from connexion import request
from connexion.context import operation, receive, scope
from connexion.decorators.parameter import AsyncParameterDecorator

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


#: (what core.connexion_app passed the handler, what stock Connexion passes it), newest last.
compared: list[tuple[dict[str, Any], dict[str, Any]]] = []


def _comparing(function: Any) -> Any:
    """`function` as a handler that records the arguments it was called with beside the ones
    Connexion's own parameter decorator gives it for the same request."""

    @functools.wraps(function)
    async def handler(**ours: Any) -> dict[str, Any]:
        from core.connexion_app import _Framework, _Request

        @functools.wraps(function)
        async def called(**stock: Any) -> dict[str, Any]:
            return stock

        uri_parser = operation.uri_parser_class(operation.parameters, operation.body_definition())
        stock = await AsyncParameterDecorator(framework=_Framework)(called)(
            _Request(scope, receive, uri_parser=uri_parser)
        )
        compared.append((ours, stock))
        return {}

    return handler


def _params(
    item_id: int,
    pageSize: int = 0,  # the spec's name: Connexion passes it unchanged
    tags: list[str] | None = None,
    type: str = "",  # a builtin's name, as a spec may name a parameter
    thing: dict[str, Any] | None = None,
    user: Any = None,
    token_info: Any = None,
    context_: Any = None,
) -> None:
    """Named arguments: a path parameter, query defaults, an array, x-body-name, the context."""


def _anything(**kwargs: Any) -> None:
    """**kwargs: every parameter, the body and every context entry."""


def _form(name: str = "", count: str = "", body: Any = None) -> None:
    """A form body (the names are the form's fields for Swagger 2 only: here the body)."""


def _upload(note: str = "", file: Any = None, files: Any = None, body: Any = None) -> None:
    """Multipart: the body's fields as `body`, file parts by name (one, or a list for an array)."""


compare_params = _comparing(_params)
compare_anything = _comparing(_anything)
compare_form = _comparing(_form)
compare_upload = _comparing(_upload)


def _operation(operation_id: str, success: dict[str, Any], **extra: Any) -> dict[str, Any]:
    return {
        "tags": ["probe"],
        "operationId": operation_id,
        "responses": {**success, "400": {"description": "Bad.", "content": PROBLEM}},
        **extra,
    }


_COMPARED_QUERY = [
    {"name": "pageSize", "in": "query", "schema": {"type": "integer", "default": 20}},
    {"name": "tags", "in": "query", "schema": {"type": "array", "items": {"type": "string"}}},
    {"name": "type", "in": "query", "schema": {"type": "string", "default": "all"}},
    {"name": "filter", "in": "query", "schema": {"type": "string"}},
]
_NULLABLE_OBJECT = {"application/json": {"schema": {"type": "object", "nullable": True}}}
_FORM = {
    "type": "object",
    "properties": {"name": {"type": "string"}, "count": {"type": "string"}},
}
_BINARY = {"type": "string", "format": "binary"}
_UPLOAD = {
    "type": "object",
    "properties": {
        "note": {"type": "string"},
        "file": _BINARY,
        "files": {"type": "array", "items": _BINARY},
    },
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
        },
        "/compare/{item_id}": {
            "parameters": [
                {"name": "item_id", "in": "path", "required": True, "schema": {"type": "integer"}}
            ],
            "post": _operation(
                "compareParams",
                {"200": {"description": "Compared.", "content": OBJECT}},
                parameters=_COMPARED_QUERY,
                requestBody={"x-body-name": "thing", "content": _NULLABLE_OBJECT},
                security=[{"probeKey": []}, {}],
            ),
            "put": _operation(
                "compareAnything",
                {"200": {"description": "Compared.", "content": OBJECT}},
                parameters=_COMPARED_QUERY,
                requestBody={"content": OBJECT},
                security=[{"probeKey": []}, {}],
                **{"x-ignore-unknown-query": True},
            ),
        },
        "/compare-form": {
            "post": _operation(
                "compareForm",
                {"200": {"description": "Compared.", "content": OBJECT}},
                requestBody={"content": {"application/x-www-form-urlencoded": {"schema": _FORM}}},
            ),
            "put": _operation(
                "compareUpload",
                {"200": {"description": "Compared.", "content": OBJECT}},
                requestBody={"content": {"multipart/form-data": {"schema": _UPLOAD}}},
            ),
        },
    },
}
