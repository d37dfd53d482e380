"""The published contracts as test data: every operation, what it shares with the others, and how
to reach an existing resource for it.

tests/test_shared_answers.py parametrizes over `operations()`, so an operation gets the checks of
the answers every operation shares (401, 400, 404, 412, 428, 413, 415) as soon as the bundle lists
it. What a check needs is read from the spec, never from a table kept by hand:

- path parameters: their schema gives a malformed value and a well-formed unknown one;
- a request body: the media type's `example`, else the schema's `example`;
- an existing parent or resource: the operations' response `links` say which operation produces a
  parameter (`createTicket` 201 -> `ticket_id: $response.body#/id`); `Resolver` calls the producer
  with its example body (after resolving the producer's own parameters the same way);
- where the state of a resource can be read back: the GET on the same path, else on the nearest
  parent path.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from core.validation import compiled

GENERATED = Path(__file__).resolve().parents[2] / "generated"
METHODS = ("get", "put", "post", "patch", "delete")
_TEMPLATE = re.compile(r"\{([^}]+)\}")


@dataclass(frozen=True)
class Api:
    name: str
    prefix: str
    document: dict[str, Any]


@dataclass(frozen=True)
class Operation:
    api: Api
    method: str
    path: str
    id: str
    raw: dict[str, Any] = field(repr=False, compare=False)
    parameters: tuple[dict[str, Any], ...] = field(repr=False, compare=False)

    def __str__(self) -> str:
        return f"{self.api.name}:{self.id}"

    @property
    def security(self) -> list[list[str]]:
        chosen = self.raw.get("security", self.api.document.get("security", []))
        return [list(alternative) for alternative in chosen]

    @property
    def is_public(self) -> bool:
        return not self.security or [] in self.security

    @property
    def responses(self) -> set[str]:
        return set(self.raw.get("responses", {}))

    def parameter(self, location: str, name: str) -> dict[str, Any] | None:
        return next((p for p in self.parameters if p["in"] == location and p["name"] == name), None)

    @property
    def path_parameters(self) -> list[dict[str, Any]]:
        """In the order they appear in the path: parents first."""
        names = _TEMPLATE.findall(self.path)
        return [p for name in names if (p := self.parameter("path", name))]

    @property
    def json_body(self) -> dict[str, Any] | None:
        """The JSON request body's media type object, when the operation takes one."""
        content = self.raw.get("requestBody", {}).get("content", {})
        return content.get("application/json")

    @property
    def form_example(self) -> tuple[dict[str, Any], dict[str, tuple[str, bytes]]] | None:
        """A multipart body's example as (fields, files): a `format: binary` property's example is
        the file's text."""
        content = self.raw.get("requestBody", {}).get("content", {})
        media = content.get("multipart/form-data")
        if media is None:
            return None
        schema = media.get("schema", {})
        example = media.get("example", schema.get("example"))
        if example is None:
            return None
        properties = schema.get("properties", {})
        binary = {name for name, p in properties.items() if p.get("format") == "binary"}
        fields = {name: value for name, value in example.items() if name not in binary}
        files = {
            name: (f"{name}.txt", str(value).encode())
            for name, value in example.items()
            if name in binary
        }
        return fields, files

    @property
    def body_example(self) -> Any:
        media = self.json_body
        if media is None:
            return None
        if "example" in media:
            return media["example"]
        return media.get("schema", {}).get("example")

    @property
    def if_match_required(self) -> bool:
        return bool(self.raw.get("x-if-match") == "required")

    def url(self, values: dict[str, Any]) -> str:
        return self.api.prefix + _TEMPLATE.sub(lambda m: str(values[m.group(1)]), self.path)

    def links(self) -> Iterator[dict[str, Any]]:
        for code, response in self.raw.get("responses", {}).items():
            if code.startswith("2"):
                yield from response.get("links", {}).values()


def _resolve(node: Any, document: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """Inlines the bundle's local `$ref`s (a bundled contract has no other kind)."""
    if isinstance(node, dict):
        if "$ref" in node:
            ref = node["$ref"]
            assert ref.startswith("#/") and ref not in seen, ref
            target: Any = document
            for part in ref[2:].split("/"):
                target = target[part.replace("~1", "/").replace("~0", "~")]
            return _resolve(target, document, (*seen, ref))
        return {key: _resolve(value, document, seen) for key, value in node.items()}
    if isinstance(node, list):
        return [_resolve(item, document, seen) for item in node]
    return node


def _load(name: str, filename: str) -> list[Operation]:
    with (GENERATED / filename).open("rb") as handle:
        document = yaml.load(handle, Loader=yaml.CSafeLoader)
    api = Api(name=name, prefix=document["servers"][0]["url"].rstrip("/"), document=document)
    found = []
    for path, item in document["paths"].items():
        item = _resolve(item, document)
        for method in METHODS:
            if method in item:
                raw = item[method]
                shared = {(p["in"], p["name"]): p for p in item.get("parameters", [])}
                shared |= {(p["in"], p["name"]): p for p in raw.get("parameters", [])}
                found.append(
                    Operation(api, method, path, raw["operationId"], raw, tuple(shared.values()))
                )
    return found


@cache
def operations() -> tuple[Operation, ...]:
    """Every operation of the three bundled contracts."""
    return (
        *_load("main", "openapi.yaml"),
        *_load("root", "root.yaml"),
        *_load("conduit", "conduit.yaml"),
    )


def select(predicate: Callable[[Operation], bool], api: str | None = None) -> list[Any]:
    """pytest params of the operations that satisfy `predicate`, with readable ids."""
    import pytest

    return [
        pytest.param(op, id=str(op))
        for op in operations()
        if (api is None or op.api.name == api) and predicate(op)
    ]


# ---- values from schemas ------------------------------------------------------------------------


def _valid(value: Any, schema: dict[str, Any]) -> bool:
    """Whether the server's own validator (core.validation: OpenAPI formats such as `uuid`
    included, which Draft 4's format checker does not know) accepts the value."""
    return bool(compiled(schema).is_valid(value))


def malformed(schema: dict[str, Any]) -> str | None:
    """A parameter value (as sent in a path or query) the schema refuses; None when it accepts
    every string."""
    if schema.get("type") in ("integer", "number"):
        return "not-a-number"
    if schema.get("type") == "boolean":
        return "maybe"
    if schema.get("type") != "string":
        return None
    candidates = ["not-a-number-or-id", "~", "0" * (schema.get("maxLength", 0) + 1)]
    return next((value for value in candidates if not _valid(value, schema)), None)


def unknown(schema: dict[str, Any], example: Any = None) -> Any:
    """A value the schema accepts that names nothing: nothing the tests create looks like it."""
    if schema.get("type") in ("integer", "number"):
        return schema.get("maximum", 2_000_000_000)
    # A day far in the future names nothing either (a date's pattern refuses the others).
    candidates: list[Any] = [str(uuid.uuid4()), f"{example}0unknown", "unknown0", "2999-12-31"]
    return next(value for value in candidates if _valid(value, schema))


# ---- existing resources through links -----------------------------------------------------------


@dataclass(frozen=True)
class Producer:
    operation: Operation
    expression: str  # $response.body#/pointer


@cache
def producers() -> dict[tuple[str, str], list[Producer]]:
    """(api, parameter name) -> the operations whose response links provide that parameter."""
    found: dict[tuple[str, str], list[Producer]] = {}
    for op in operations():
        for link in op.links():
            for name, expression in link.get("parameters", {}).items():
                found.setdefault((op.api.name, name), []).append(Producer(op, expression))
    return found


def producer_for(operation: Operation, name: str) -> Producer | None:
    """Who provides `name` for `operation`: a link to that very operation if one exists, else any
    link providing a parameter of that name (parameter names are the domain's: `ticket_id`)."""
    candidates = producers().get((operation.api.name, name), [])
    linked = [
        p
        for p in candidates
        if any(link["operationId"] == operation.id for link in p.operation.links())
    ]
    return (linked or candidates or [None])[0]


def _pointer(document: Any, expression: str) -> Any:
    prefix = "$response.body#"
    assert expression.startswith(prefix), f"unsupported link expression {expression}"
    target = document
    for part in expression[len(prefix) :].strip("/").split("/"):
        target = target[int(part) if isinstance(target, list) else part]
    return target


@dataclass
class Resolver:
    """Creates what an operation needs through the API itself, as a client following links does."""

    client: Any
    headers_for: Callable[[Operation], dict[str, str]]

    def existing(self, operation: Operation, name: str) -> Any:
        producer = producer_for(operation, name)
        assert producer is not None, (
            f"{operation}: no response link provides `{name}`; add a link from the operation "
            f"that creates it, so clients (and these tests) can follow it"
        )
        maker = producer.operation
        values = {p["name"]: self.existing(maker, p["name"]) for p in maker.path_parameters}
        form = maker.form_example
        body: dict[str, Any] = (
            {"data": form[0], "files": form[1]} if form else {"json": maker.body_example}
        )
        response = self.client.request(
            maker.method.upper(), maker.url(values), headers=self.headers_for(maker), **body
        )
        assert response.status_code < 300, f"{maker} with its example: {response.text}"
        return _pointer(response.json(), producer.expression)

    def path_values(self, operation: Operation, *, unknown_last: bool = False) -> dict[str, Any]:
        """Existing values for every path parameter (the last one unknown when asked)."""
        parameters = operation.path_parameters
        values = {}
        for index, parameter in enumerate(parameters):
            if unknown_last and index == len(parameters) - 1:
                values[parameter["name"]] = unknown(parameter["schema"], parameter.get("example"))
            else:
                values[parameter["name"]] = self.existing(operation, parameter["name"])
        return values


def writer_of(reader: Operation) -> Operation | None:
    """The PATCH or PUT on the reader's path, which moves the resource to its next version."""
    return next(
        (
            op
            for op in operations()
            if op.api.name == reader.api.name
            and op.path == reader.path
            and op.method in ("patch", "put")
        ),
        None,
    )


def free_text_edit(writer: Operation, current: dict[str, Any]) -> dict[str, Any] | None:
    """A body for `writer` that changes one free-text field of the resource as read, for when
    its example cannot apply here (it names another resource that does not exist)."""
    properties = (writer.json_body or {}).get("schema", {}).get("properties", {})
    for name, schema in properties.items():
        plain = schema.get("type") == "string" and not {"format", "enum", "pattern"} & set(schema)
        if plain and isinstance(current.get(name), str):
            edited = current[name][: schema.get("maxLength", 1000) - 1] + "!"
            return {name: edited}
    return None


def example_values(operation: Operation) -> dict[str, Any]:
    """Path values that pass validation (the parameters' examples), whether or not they exist."""
    return {p["name"]: p.get("example", unknown(p["schema"])) for p in operation.path_parameters}


def reader_of(operation: Operation) -> Operation | None:
    """The GET that shows the state `operation` changes: on its path, else the nearest parent."""
    path = operation.path
    while path:
        reader = next(
            (
                op
                for op in operations()
                if op.api.name == operation.api.name and op.method == "get" and op.path == path
            ),
            None,
        )
        if reader is not None:
            return reader
        path = path.rsplit("/", 1)[0]
    return None
