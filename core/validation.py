"""Compiled request and response validation for Connexion (`validator_map`).

Connexion's stock validators build a new jsonschema validator for every request and parse bodies
with the stdlib twice. Here each schema is compiled once with jsonschema-rs (Draft 4, formats
checked: date-time, email, uuid, ...), OpenAPI's `nullable` is rewritten into JSON Schema, the
body is parsed once with orjson and handed to the handler through the ASGI scope, and every failing
field is reported (not only the first) as a `/problems/validation` problem whose `errors` name the
field (`body.title`, `query.limit`, `header.If-Match`).

What a bad request can cost is bounded, whatever its size:

- a JSON body nested deeper than MAX_DEPTH is refused before validation
  (`/problems/nesting-too-deep`); jsonschema-rs itself stops at about 250 levels with an error
  that used to surface as a 500;
- a valid body costs one `is_valid` call; only a failing one is read for its errors, and then from
  a copy whose arrays stop after CLIP_ITEMS items (more than any `maxItems` in the spec), because
  jsonschema-rs builds every error of an instance at once (300,000 bad items took seconds);
- an answer lists at most MAX_ERRORS failing fields and counts the others it found in
  `errors_omitted`.
"""

from __future__ import annotations

import collections
import copy
import itertools
import re
from collections.abc import AsyncGenerator, Iterable, Iterator
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
from connexion.validators.form_data import MultiPartFormDataValidator
from connexion.validators.json import TextResponseBodyValidator
from python_multipart.exceptions import MultipartParseError
from starlette.datastructures import FormData, Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser
from starlette.types import ASGIApp, Receive, Scope, Send

from core.errors import PROBLEM_JSON

PARSED_BODY_KEY = "trellis.parsed_json"
PARSED_FORM_KEY = "trellis.parsed_form"
PARSED_MULTIPART_KEY = "trellis.parsed_multipart"
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
#: Failing fields listed in one answer at most; `errors_omitted` counts the others found.
MAX_ERRORS = 50
#: JSON bodies nested deeper than this (`[[...]]` counts 2) are refused before validation.
MAX_DEPTH = 64
#: A failing body's arrays are read this far for its errors (above every `maxItems` in the spec).
CLIP_ITEMS = 256


class ValidationProblem(BadRequestProblem):  # type: ignore[misc]
    """A 400 that lists the failing fields (at most MAX_ERRORS) and counts the others."""

    problem_type = "/problems/validation"

    def __init__(self, errors: list[dict[str, str]], *, omitted: int = 0) -> None:
        listed = errors[:MAX_ERRORS]
        detail = "; ".join(f"{e['field']}: {e['message']}" for e in listed[:5])
        super().__init__(detail=detail)
        self.errors = listed
        self.omitted = omitted + len(errors) - len(listed)


class NestingTooDeep(ValidationProblem):
    """A JSON body nested deeper than MAX_DEPTH, refused before it is validated."""

    problem_type = "/problems/nesting-too-deep"

    def __init__(self) -> None:
        message = f"JSON nested more than {MAX_DEPTH} levels deep is not accepted."
        super().__init__([{"field": "body", "message": message}])


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


def _clipped(value: Any) -> Any:
    """`value` with every array cut after CLIP_ITEMS items. Each failure of the copy is one of
    the original (no schema here counts more items than that), so errors read from it are true."""
    if isinstance(value, list):
        return [_clipped(item) for item in value[:CLIP_ITEMS]]
    if isinstance(value, dict):
        return {key: _clipped(item) for key, item in value.items()}
    return value


def failures(validator: Any, instance: Any) -> Iterator[Any]:
    """The jsonschema-rs errors of `instance`, at a cost bounded by CLIP_ITEMS, not by its size:
    none for a valid instance, else those of its clipped copy, else (the failure lies beyond the
    cut, say a duplicate under `uniqueItems`) the first error of the whole instance."""
    if validator.is_valid(instance):
        return iter(())
    found = iter(validator.iter_errors(_clipped(instance)))
    first = next(found, None)
    if first is not None:
        return itertools.chain([first], found)
    try:
        validator.validate(instance)
    except jsonschema_rs.ValidationError as error:
        return iter([error])
    return iter(())


def _entries(error: Any, prefix: str) -> list[dict[str, str]]:
    message = error.message
    if len(message) > 300:
        message = message[:297] + "..."
    path = list(error.instance_path)
    # Name the missing or unexpected property itself, not the object that holds it.
    kind = error.kind
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.Required):
        path.append(kind.property)
    elif isinstance(kind, jsonschema_rs.ValidationErrorKind.AdditionalProperties):
        return [
            {"field": _field(prefix, [*path, name]), "message": "Unknown property."}
            for name in itertools.islice(kind.unexpected, MAX_ERRORS)
        ]
    return [{"field": _field(prefix, path), "message": message}]


def _entry_count(error: Any) -> int:
    kind = error.kind
    if isinstance(kind, jsonschema_rs.ValidationErrorKind.AdditionalProperties):
        return len(kind.unexpected)
    return 1


def _collect(validator: Any, instance: Any, prefix: str) -> tuple[list[dict[str, str]], int]:
    """(at most MAX_ERRORS failing fields, how many more were found)."""
    errors: list[dict[str, str]] = []
    omitted = 0
    for error in failures(validator, instance):
        room = MAX_ERRORS - len(errors)
        if room:
            errors += _entries(error, prefix)[:room]
        omitted += max(0, _entry_count(error) - room)
    return errors, omitted


def _nuls(value: Any, field: str) -> Iterator[dict[str, str]]:
    if isinstance(value, str):
        if "\x00" in value:
            yield {"field": field, "message": "NUL characters are not allowed."}
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _nuls(item, f"{field}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _nuls(item, f"{field}.{index}")


def request_body_errors(schema: dict[str, Any], body: Any) -> list[dict[str, str]]:
    """What a JSON request body's validation reports against `schema` (a spec schema, `$ref`s
    resolved): the failing fields as `body.<path>`, or the fields holding NUL characters. CSV
    imports check each row with it, so a row passes exactly when the create operation would."""
    errors, _ = _collect(compiled(schema), body, "body")
    return errors or nul_errors(body, "body")


def nul_errors(value: Any, field: str) -> list[dict[str, str]]:
    """Fields whose strings hold a NUL character, which PostgreSQL text cannot store (the search
    stops one past MAX_ERRORS)."""
    return list(itertools.islice(_nuls(value, field), MAX_ERRORS + 1))


def nested_deeper_than(value: Any, limit: int) -> bool:
    """Whether arrays and objects nest more than `limit` levels deep (iteratively: no recursion
    limit to meet)."""
    stack = [(value, 1)] if isinstance(value, dict | list) else []
    while stack:
        node, depth = stack.pop()
        if depth > limit:
            return True
        children = node.values() if isinstance(node, dict) else node
        stack += [(child, depth + 1) for child in children if isinstance(child, dict | list)]
    return False


def parse_json_bytes(raw: bytes) -> Any:
    """Parses a JSON request body; malformed JSON, non-UTF-8 bytes or nesting deeper than
    MAX_DEPTH are a 400, never a 500."""
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ValidationProblem([{"field": "body", "message": "The body is not UTF-8."}]) from exc
    try:
        body = orjson.loads(raw)
    except orjson.JSONDecodeError as exc:
        if "depth limit" in str(exc):  # orjson's own limit, 1024 levels
            raise NestingTooDeep() from exc
        raise ValidationProblem([{"field": "body", "message": f"Malformed JSON: {exc}"}]) from exc
    # Counting brackets (C speed, strings included) rules out deep nesting for most bodies.
    if raw.count(b"[") + raw.count(b"{") > MAX_DEPTH and nested_deeper_than(body, MAX_DEPTH):
        raise NestingTooDeep()
    return body


class CompiledJSONBodyValidator(AbstractRequestBodyValidator):  # type: ignore[misc]
    #: Whether the body's JSON text holds `\u0000`: JSON strings can hold a NUL no other way (a
    #: raw one is malformed JSON), so a body without it needs no walk through its strings.
    _nul_escaped = True

    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        raw = b"".join([chunk async for chunk in stream])
        if not raw:
            return None
        body = parse_json_bytes(raw)
        self._nul_escaped = b"\\u0000" in raw
        scope[PARSED_BODY_KEY] = body
        return body

    def _validate(self, body: Any) -> None:
        if body is None and not self._nullable:
            raise ValidationProblem([{"field": "body", "message": "A JSON body is required."}])
        errors, omitted = _collect(compiled(self._schema), body, "body")
        if errors:
            raise ValidationProblem(errors, omitted=omitted)
        self._refuse_nuls(body)

    def _refuse_nuls(self, body: Any) -> None:
        """400 for strings holding a NUL character, which PostgreSQL text cannot store (the
        schema lets them through)."""
        if self._nul_escaped:
            errors = nul_errors(body, "body")
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
        # Counted in one pass: a body of many short pairs must not cost quadratic time.
        counts = collections.Counter(name for name, _ in pairs)
        repeated = sorted(name for name, count in counts.items() if count > 1)
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
        errors, omitted = _collect(compiled(self._schema), body, "body")
        errors = errors or nul_errors(body, "body")
        if errors:
            raise ValidationProblem(errors, omitted=omitted)


class StreamedMultipartValidator(MultiPartFormDataValidator):  # type: ignore[misc]
    """`multipart/form-data` (an upload), parsed once while it streams in: Starlette's parser
    spools each file part to a temporary file past 1 MiB, and the raw body is not kept. (Connexion's
    stock validator keeps every message of the body to replay it to a second parse, so an upload
    sat in memory whole, and a malformed body answered 500.) The parsed form is left in the scope
    for the handler (connexion_app._Request); the schema sees each file part as an empty string,
    as in stock Connexion, and a malformed body is a 400."""

    async def wrap_receive(self, receive: Receive, *, scope: Scope) -> tuple[Receive, Scope]:
        if not int(Headers(scope=scope).get("content-length", 0) or 0) and self._required:
            raise ValidationProblem([{"field": "body", "message": "A multipart body is required."}])

        async def stream() -> AsyncGenerator[bytes, None]:
            more = True
            while more:
                message = await receive()
                more = message.get("more_body", False)
                yield message.get("body", b"")

        body = await self._parse(stream(), scope)
        self._validate(body)
        return receive, scope

    async def _parse(self, stream: AsyncGenerator[bytes, None], scope: Scope) -> Any:
        try:
            form = await MultiPartParser(Headers(scope=scope), stream, max_fields=100).parse()
        except (MultiPartException, MultipartParseError, ValueError) as exc:
            message = getattr(exc, "message", None) or str(exc) or "Malformed multipart body."
            raise ValidationProblem([{"field": "body", "message": message}]) from exc
        # In the extensions mapping, which every copy of the scope shares, so that
        # MultipartFilesMiddleware (outermost) finds it to close the spooled files.
        scope.setdefault("extensions", {})[PARSED_MULTIPART_KEY] = form
        fields: dict[str, list[str]] = {}
        files: dict[str, Any] = {}
        for name in form:
            values = form.getlist(name)
            if any(isinstance(value, UploadFile) for value in values) or _is_file(
                self._schema.get("properties", {}).get(name, {})
            ):
                files[name] = "" if len(values) == 1 else [""] * len(values)
            else:
                fields[name] = [str(value) for value in values]
        parsed: dict[str, Any] = (
            self._uri_parser.resolve_form(fields) if self._uri_parser is not None else fields
        )
        return {**parsed, **files}


def _is_file(schema: dict[str, Any]) -> bool:
    return schema.get("type") == "string" and schema.get("format") in ("binary", "base64")


def parsed_multipart(scope: Scope) -> FormData | None:
    """The form StreamedMultipartValidator parsed for this request, if any."""
    found = scope.get("extensions", {}).get(PARSED_MULTIPART_KEY)
    return found if isinstance(found, FormData) else None


class MultipartFilesMiddleware:
    """Closes (and so deletes) the temporary files of a parsed multipart body once the request
    is answered, whether a handler read them or validation refused the body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        try:
            await self.app(scope, receive, send)
        finally:
            form = parsed_multipart(scope) if scope["type"] == "http" else None
            if form is not None:
                await form.close()


class CompiledParameterValidator(ParameterValidator):  # type: ignore[misc]
    def __init__(self, *args: Any, lenient: frozenset[str] = frozenset(), **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        #: operationIds marked `x-ignore-unknown-query: true`: a URL people share (the short-link
        #: redirect) comes back with whatever query string sites append to it (fbclid, utm_*),
        #: and refusing it would break the link. Declared parameters are still validated.
        self.lenient = lenient
        self._declares_parameters = any(self.parameters.values())

    def validate(self, scope: Scope) -> None:
        # An operation without parameters, asked without a query string: nothing to look at
        # (parsing the request's query, path parameters and cookies to find nothing in them was
        # a few per cent of a create's framework CPU).
        if self._declares_parameters or scope.get("query_string"):
            super().validate(scope)

    def validate_request(self, request: ConnexionRequest) -> None:
        errors: list[dict[str, str]] = []
        omitted = 0
        if (
            self.strict_validation
            and request.scope.get("query_string")  # without one, no parameter is unknown
            and not (self.lenient and _operation_id(request) in self.lenient)
        ):
            extra = self.validate_query_parameter_list(
                request, security_params=self.security_query_params
            )
            errors += [
                {"field": f"query.{name}", "message": "Unknown query parameter."}
                for name in sorted(extra)
            ]
        for location, params in self.parameters.items():
            values = _parameters_in(request, location) if params else {}
            for param in params:
                name = param["name"]
                value = values.get(name.replace("-", "_") if location == "path" else name)
                if value is None:
                    if param.get("required"):
                        errors.append({"field": f"{location}.{name}", "message": "Required."})
                    continue
                schema = param.get("schema", param)
                found, more = _collect(compiled(schema), value, f"{location}.{name}")
                errors += found or nul_errors(value, f"{location}.{name}")
                omitted += more
        if errors:
            raise ValidationProblem(errors, omitted=omitted)


def _parameters_in(request: ConnexionRequest, location: str) -> Any:
    """The request's parameters in one `in` location (each parsed only when asked for)."""
    if location == "query":
        return request.query_params
    if location == "path":
        return request.path_params
    if location == "header":
        return request.headers
    if location == "cookie":
        return request.cookies
    return {}


def _operation_id(request: ConnexionRequest) -> str | None:
    routing = request.scope.get("extensions", {}).get("connexion_routing", {})
    found = routing.get("operation_id")
    return found if isinstance(found, str) else None


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
        errors, _ = _collect(compiled(self._schema, response=True), body, "response")
        if errors:
            raise NonConformingResponseBody(
                detail="Response does not conform to the specification: "
                + "; ".join(f"{e['field']}: {e['message']}" for e in errors[:3])
            )


def validator_map() -> dict[str, Any]:
    body = copy.copy(STOCK_VALIDATOR_MAP["body"])
    body["*/*json"] = CompiledJSONBodyValidator
    body["application/x-www-form-urlencoded"] = CompiledFormBodyValidator
    body["multipart/form-data"] = StreamedMultipartValidator
    response = copy.copy(STOCK_VALIDATOR_MAP["response"])
    response["*/*json"] = CompiledJSONResponseValidator
    response["text/plain"] = TextResponseBodyValidator
    response[PROBLEM_JSON] = CompiledJSONResponseValidator
    return {"parameter": CompiledParameterValidator, "body": body, "response": response}
