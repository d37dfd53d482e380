"""Compiled request and response validation for Connexion (`validator_map`).

Connexion's stock validators build a new jsonschema validator for every request and parse bodies
with the stdlib twice. Here each schema is compiled once with jsonschema-rs (Draft 4, formats
checked: date-time, email, uuid, ...), OpenAPI's `nullable` is rewritten into JSON Schema, the
body is parsed once with orjson and handed to the handler through the ASGI scope, and every failing
field is reported (not only the first) as a `/problems/validation` problem whose `errors` name the
field (`body.title`, `query.limit`, `header.If-Match`).
"""

from __future__ import annotations

import copy
import re
from collections.abc import AsyncGenerator, Iterable
from typing import Any
from urllib.parse import parse_qsl

import jsonschema_rs
import orjson
from connexion.exceptions import BadRequestProblem, NonConformingResponseBody
from connexion.lifecycle import ConnexionRequest
from connexion.validators import VALIDATOR_MAP as STOCK_VALIDATOR_MAP
from connexion.validators import (
    AbstractRequestBodyValidator,
    AbstractResponseBodyValidator,
    ParameterValidator,
)
from connexion.validators.json import TextResponseBodyValidator
from starlette.types import Scope

from core.errors import PROBLEM_JSON

PARSED_BODY_KEY = "trellis.parsed_json"
PARSED_FORM_KEY = "trellis.parsed_form"
_OPENAPI_ONLY = {
    "nullable",
    "readOnly",
    "writeOnly",
    "example",
    "discriminator",
    "xml",
    "externalDocs",
    "deprecated",
    "components",
}
_compiled: dict[int, tuple[dict[str, Any], Any]] = {}


class ValidationProblem(BadRequestProblem):  # type: ignore[misc]
    """A 400 that lists every failing field."""

    def __init__(self, errors: list[dict[str, str]]) -> None:
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:5])
        super().__init__(detail=detail)
        self.errors = errors


def to_json_schema(schema: Any, *, response: bool = False) -> Any:
    """Rewrites an OpenAPI 3.0 schema object into plain Draft 4 JSON Schema."""
    if isinstance(schema, list):
        return [to_json_schema(item, response=response) for item in schema]
    if not isinstance(schema, dict):
        return schema
    out: dict[str, Any] = {}
    for key, value in schema.items():
        if key in _OPENAPI_ONLY or key.startswith("x-"):
            continue
        if key in ("enum", "required", "default"):
            out[key] = value
        elif key == "properties" and isinstance(value, dict):
            # Property names are data, not keywords: a field may be called `example` or `x-id`.
            out[key] = {name: to_json_schema(sub, response=response) for name, sub in value.items()}
        else:
            out[key] = to_json_schema(value, response=response)
    if schema.get("nullable") is True:
        if "type" in out:
            types = out["type"] if isinstance(out["type"], list) else [out["type"]]
            out["type"] = [*types, "null"]
        if "enum" in out and None not in out["enum"]:
            out["enum"] = [*out["enum"], None]
        if not any(k in out for k in ("type", "enum")):
            out = {"anyOf": [out, {"type": "null"}]}
    if "properties" in out and isinstance(out["properties"], dict):
        # writeOnly properties never appear in responses, readOnly never in requests
        hidden = "writeOnly" if response else "readOnly"
        props = schema.get("properties", {})
        dropped = [n for n, p in props.items() if isinstance(p, dict) and p.get(hidden)]
        if dropped and "required" in out:
            out["required"] = [r for r in out["required"] if r not in dropped]
    return out


_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
#: Formats OpenAPI uses that Draft 4 does not define.
EXTRA_FORMATS = {"uuid": lambda value: bool(_UUID.match(value))}


def compiled(schema: dict[str, Any], *, response: bool = False) -> Any:
    """The jsonschema-rs validator for a spec schema, compiled on first use."""
    key = id(schema) * 2 + int(response)
    hit = _compiled.get(key)
    if hit is None:
        validator = jsonschema_rs.Draft4Validator(
            to_json_schema(schema, response=response),
            validate_formats=True,
            formats=EXTRA_FORMATS,
        )
        # Keeping the schema object alive pins its id() to this entry.
        hit = _compiled[key] = (schema, validator)
    return hit[1]


def _field(prefix: str, path: Iterable[Any]) -> str:
    return ".".join([prefix, *(str(p) for p in path)])


def _collect(validator: Any, instance: Any, prefix: str) -> list[dict[str, str]]:
    errors = []
    for error in validator.iter_errors(instance):
        message = error.message
        if len(message) > 300:
            message = message[:297] + "..."
        path = list(error.instance_path)
        # Name the missing or unexpected property itself, not the object that holds it.
        kind = error.kind
        if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):
            path.append(kind.property)
        elif isinstance(kind, jsonschema_rs.ValidationErrorKind.AdditionalProperties):
            for name in kind.unexpected:
                errors.append(
                    {"field": _field(prefix, [*path, name]), "message": "Unknown property."}
                )
            continue
        errors.append({"field": _field(prefix, path), "message": message})
    return errors


def nul_errors(value: Any, field: str) -> list[dict[str, str]]:
    """Fields whose strings hold a NUL character, which PostgreSQL text cannot store."""
    if isinstance(value, str):
        return (
            [{"field": field, "message": "NUL characters are not allowed."}]
            if "\x00" in value
            else []
        )
    if isinstance(value, dict):
        return [e for k, v in value.items() for e in nul_errors(v, f"{field}.{k}")]
    if isinstance(value, list):
        return [e for i, v in enumerate(value) for e in nul_errors(v, f"{field}.{i}")]
    return []


def parse_json_bytes(raw: bytes) -> Any:
    """Parses a JSON request body; malformed JSON or non-UTF-8 bytes are a 400, never a 500."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationProblem([{"field": "body", "message": "The body is not UTF-8."}]) from exc
    try:
        return orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        raise ValidationProblem([{"field": "body", "message": f"Malformed JSON: {exc}"}]) from exc


class CompiledJSONBodyValidator(AbstractRequestBodyValidator):  # type: ignore[misc]
    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        raw = b"".join([chunk async for chunk in stream])
        if not raw:
            return None
        body = parse_json_bytes(raw)
        scope[PARSED_BODY_KEY] = body
        return body

    def _validate(self, body: Any) -> None:
        if body is None and not self._nullable:
            raise ValidationProblem([{"field": "body", "message": "A JSON body is required."}])
        errors = _collect(compiled(self._schema), body, "body") or nul_errors(body, "body")
        if errors:
            raise ValidationProblem(errors)


class CompiledFormBodyValidator(AbstractRequestBodyValidator):  # type: ignore[misc]
    """`application/x-www-form-urlencoded` (an OAuth token request): every parameter is a string
    and may be given once (RFC 6749 §3.2); parameters the schema does not name are ignored, as
    RFC 6749 §3.2 asks of a token endpoint, unless the schema sets `additionalProperties: false`;
    the rest is checked by the compiled schema, with every failing field reported."""

    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        raw = b"".join([chunk async for chunk in stream])
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationProblem(
                [{"field": "body", "message": "The body is not UTF-8."}]
            ) from exc
        pairs = parse_qsl(text, keep_blank_values=True)
        repeated = sorted({name for name, _ in pairs if sum(n == name for n, _ in pairs) > 1})
        if repeated:
            raise ValidationProblem(
                [{"field": f"body.{name}", "message": "Given more than once."} for name in repeated]
            )
        scope[PARSED_FORM_KEY] = dict(pairs)
        return scope[PARSED_FORM_KEY]

    def _validate(self, body: Any) -> None:
        named = self._schema.get("properties", {})
        if self._schema.get("additionalProperties", True) is not False:
            body = {name: value for name, value in body.items() if name in named}
        errors = _collect(compiled(self._schema), body, "body") or nul_errors(body, "body")
        if errors:
            raise ValidationProblem(errors)


class CompiledParameterValidator(ParameterValidator):  # type: ignore[misc]
    def validate_request(self, request: ConnexionRequest) -> None:
        errors: list[dict[str, str]] = []
        if self.strict_validation:
            extra = self.validate_query_parameter_list(
                request, security_params=self.security_query_params
            )
            errors += [
                {"field": f"query.{name}", "message": "Unknown query parameter."}
                for name in sorted(extra)
            ]
        sources = {
            "query": request.query_params,
            "path": request.path_params,
            "header": request.headers,
            "cookie": request.cookies,
        }
        for location, params in self.parameters.items():
            values = sources.get(location, {})
            for param in params:
                name = param["name"]
                value = values.get(name.replace("-", "_") if location == "path" else name)
                if value is None:
                    if param.get("required"):
                        errors.append({"field": f"{location}.{name}", "message": "Required."})
                    continue
                schema = param.get("schema", param)
                errors += _collect(compiled(schema), value, f"{location}.{name}") or nul_errors(
                    value, f"{location}.{name}"
                )
        if errors:
            raise ValidationProblem(errors)


class CompiledJSONResponseValidator(AbstractResponseBodyValidator):  # type: ignore[misc]
    def _parse(self, stream: Iterable[bytes]) -> Any:
        raw = b"".join(stream)
        if not raw:
            return None
        try:
            return orjson.loads(raw)
        except orjson.JSONDecodeError as exc:
            raise NonConformingResponseBody(str(exc)) from exc

    def _validate(self, body: Any) -> None:
        errors = _collect(compiled(self._schema, response=True), body, "response")
        if errors:
            raise NonConformingResponseBody(
                detail="Response does not conform to the specification: "
                + "; ".join(f"{e['field']}: {e['message']}" for e in errors[:3])
            )


def validator_map() -> dict[str, Any]:
    body = copy.copy(STOCK_VALIDATOR_MAP["body"])
    body["*/*json"] = CompiledJSONBodyValidator
    body["application/x-www-form-urlencoded"] = CompiledFormBodyValidator
    response = copy.copy(STOCK_VALIDATOR_MAP["response"])
    response["*/*json"] = CompiledJSONResponseValidator
    response["text/plain"] = TextResponseBodyValidator
    response[PROBLEM_JSON] = CompiledJSONResponseValidator
    return {"parameter": CompiledParameterValidator, "body": body, "response": response}
