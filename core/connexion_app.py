"""Trellis's Connexion: how every API (each route group, the root API, the Conduit facade) is
built, and every place where it departs from stock Connexion 3.3.

Connexion runs as middleware (`ConnexionMiddleware`, its public "wrap an ASGI app" form) around
`_Handlers`, the inner app AsyncApp itself uses with one class changed (`_Operation`). Nothing is
patched: every change below is a subclass or an argument of one Connexion app, so importing this
module changes nothing elsewhere, and tests/core/test_connexion_app.py holds one test per change
that fails if the upstream behaviour it relies on moves.

Through Connexion's own parameters (its supported extension points):
- `security_map`: core.auth's adapters read credentials into value objects for the services.
- `validator_map`: core.validation's compiled validators (for the Conduit facade, the same with
  its body errors worded as RealWorld backends word them: core.conduit_validation); `jsonifier`:
  orjson.
- `add_middleware`: core.context.ResponseHeadersMiddleware outside error handling, so headers
  added during a request reach every answer; core.validation.MultipartFilesMiddleware, also
  outside, closes a multipart body's spooled files when the request ends.

Through subclasses (each guarded by a test):
- `_ResponseDecorator`: a plain dict answers with the success content type. An operation that
  documents problem+json errors beside JSON success has two content types, and Connexion then
  refuses to pick one and answers 500 for every dict (spec-first/connexion#1956, #2054); problems
  are rendered by core.problems, never returned by handlers. An empty answer (204) gets no
  Content-Type: Connexion labels it with the first documented type, even problem+json, and
  clients that trust the label fail parsing nothing as JSON.
- `_Request`: handlers get the body core.validation already parsed (once, with orjson; a form
  as the name -> value mapping it validated, where Connexion would resolve values into lists by
  the first media type's schema; a multipart body's parts as the streaming parse left them, file
  parts as Starlette UploadFiles spooled to disk, where Connexion would parse the body again).
- `_Operation`, `_Decorator`: a handler's decorator chain is built once per operation; Connexion
  rebuilds it on every request, inspecting the handler's signature each time (~140 µs).
- `_Arguments` (in place of Connexion's parameter decorator): which parameter goes to which
  handler argument, the query defaults and the body argument are worked out once per operation,
  not per request through Connexion's context proxies (a fifth of a framework-only request's
  Python calls, bench/RESULTS.md); the arguments are the ones Connexion passes, which the tests
  check against Connexion's own decorator request by request. OpenAPI 3 operations only.
- `_RequestValidationMiddleware`, `_ResponseValidationMiddleware` (in the `middlewares` list):
  the parameter validator is made once per operation, and what depends only on a request's
  Content-Type (or a response's status and Content-Type) is worked out once by Connexion's own
  methods and kept, where Connexion re-derives it on every request (`typing` subscripts,
  MediaTypeDict `fnmatch`); the tests run Connexion's operations beside ours and compare.
  core.security.PolicyMiddleware (x-roles, x-if-match, deprecation headers) is placed before
  request validation in the list itself (`add_middleware` looks for Connexion's class there).
- `_SecurityMiddleware` (in the `middlewares` list): every credential a request presents must be
  valid, not just one of them (core.auth.verify_every_credential). The list leaves out
  SwaggerUIMiddleware: no Trellis API serves Connexion's UI or spec, and the layer cost two
  routers per request for nothing.
- `build_now`: the middleware stack Connexion builds on its first request (with its own
  `_build_middleware_stack`) is built at startup, and each routed layer's operations are linked
  to the next layer's (`_link_operations`: the next layer would only look the same operation
  up again).
- `_Connexion.add_api`: a spec is not validated against the OpenAPI schema at every start. Every
  spec Trellis serves is a published bundle or a part of one, and the bundles are validated
  whole, with Connexion's own validator, by the tests (openapi-spec-validator also runs in
  ci/lint.sh); validating each part at each start cost about 5 ms per operation, the largest
  part of startup.
"""

from __future__ import annotations

import asyncio
import collections
import copy
import functools
import logging
from typing import Any

import orjson
from connexion import NoContent, utils
from connexion.apps.asynchronous import AsyncApi, AsyncASGIApp, AsyncOperation
from connexion.context import context as connexion_context
from connexion.context import operation
from connexion.decorators import StarletteDecorator
from connexion.decorators.parameter import (
    CONTEXT_NAME,
    _get_body_argument_form,
    _get_query_defaults,
    _get_val_from_param,
    pythonic,
    sanitized,
    unwrap_decorators,
)
from connexion.decorators.response import AsyncResponseDecorator
from connexion.exceptions import NonConformingResponseHeaders, ProblemException
from connexion.frameworks.starlette import Starlette as StarletteFramework
from connexion.http_facts import FORM_CONTENT_TYPES
from connexion.jsonifier import Jsonifier
from connexion.lifecycle import ConnexionRequest
from connexion.middleware import ConnexionMiddleware, MiddlewarePosition
from connexion.middleware.abstract import RoutedMiddleware
from connexion.middleware.lifespan import LifespanMiddleware
from connexion.middleware.main import API
from connexion.middleware.request_validation import (
    RequestValidationAPI,
    RequestValidationMiddleware,
    RequestValidationOperation,
)
from connexion.middleware.response_validation import (
    ResponseValidationAPI,
    ResponseValidationMiddleware,
    ResponseValidationOperation,
)
from connexion.middleware.routing import RoutingAPI, RoutingMiddleware
from connexion.middleware.security import SecurityAPI, SecurityMiddleware, SecurityOperation
from connexion.middleware.swagger_ui import SwaggerUIMiddleware
from connexion.operations import OpenAPIOperation
from connexion.security import SecurityHandlerFactory
from connexion.spec import OpenAPISpecification
from connexion.utils import deep_merge, inspect_function_arguments, is_null, is_nullable
from starlette._utils import get_route_path
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.responses import Response
from starlette.routing import Match, Route, Router
from starlette.types import ASGIApp, Receive, Scope, Send

from core import realtime, threads
from core.auth import SECURITY_MAP, Verifier, verify_every_credential
from core.context import ResponseHeadersMiddleware
from core.errors import PROBLEM_JSON, DomainError
from core.problems import connexion_error_handler, oauth_form_error_handler
from core.resolver import TagResolver
from core.security import PolicyMiddleware, operation_policies
from core.spec import allow_index
from core.validation import (
    PARSED_BODY_KEY,
    PARSED_FORM_KEY,
    MultipartFilesMiddleware,
    parsed_multipart,
    validator_map,
)

logger = logging.getLogger(__name__)


class _OrjsonModule:
    """The json-module interface Connexion's Jsonifier expects, backed by orjson."""

    @staticmethod
    def dumps(data: Any, **_: Any) -> str:
        return orjson.dumps(data).decode()

    @staticmethod
    def loads(data: str | bytes) -> Any:
        return orjson.loads(data)


#: How every Trellis API serializes a JSON answer (Connexion's Jsonifier: orjson, then a newline).
JSONIFIER = Jsonifier(_OrjsonModule)


def json_answer_body(data: Any) -> bytes:
    """The exact body an operation's handler answering `data` sends (for fast paths): JSONIFIER's
    text (orjson's, then a newline) as UTF-8, without its round trip through `str`."""
    return orjson.dumps(data) + b"\n"


#: What a JSON answer (a dict or list, no Content-Type header of the handler's) is sent as, by the
#: operation's `produces`: it depends on nothing else, and Connexion works it out on every answer.
_JSON_ANSWER_TYPES: dict[tuple[str, ...], str | None] = {}


class _PlainJSONAnswer(Response):
    """The Starlette response Connexion builds for a plain JSON answer (same status, headers in
    the same order, same body), made without its construction (`_ResponseDecorator`)."""

    def __init__(self, body: bytes, status: int, content_type: bytes) -> None:
        self.status_code = status
        self.background = None
        self.body = body
        self.raw_headers = [(b"content-type", content_type), (b"content-length", b"%d" % len(body))]


class _ResponseDecorator(AsyncResponseDecorator):  # type: ignore[misc]
    """One per operation (`_Decorator.decorate`)."""

    #: The Content-Type of this operation's plain JSON answers, once the first one has worked it
    #: out through Connexion (it depends on the operation alone); None until then, or if it is
    #: not a JSON type.
    _plain_json_type: bytes | None = None

    def build_framework_response(self, handler_response: Any) -> Any:
        """A plain JSON answer (a dict or a list, alone or with an int status, the way nearly
        every handler answers) is built directly: Connexion's path to the same response (the
        answer unpacked, its content type inferred through the operation's context proxy, the
        JSON text encoded again, Starlette's header work) cost about 30 µs of CPU per request
        (bench/RESULTS.md). Anything else goes through Connexion, as does the first plain
        answer, which works out the content type."""
        data, status = handler_response, 200
        if type(data) is tuple and len(data) == 2 and type(data[1]) is int:
            data, status = data
        if type(data) is not dict and type(data) is not list:
            return super().build_framework_response(handler_response)
        if not 200 <= status < 600 or status in (204, 304):
            # Starlette gives these no Content-Length; Connexion's path builds them as it does.
            return super().build_framework_response(handler_response)
        content_type = self._plain_json_type or self._learn_plain_json_type(data)
        if content_type is None:
            return super().build_framework_response(handler_response)
        return _PlainJSONAnswer(json_answer_body(data), status, content_type)

    def _learn_plain_json_type(self, data: Any) -> bytes | None:
        inferred: str | None = self._infer_content_type(data, {})
        if inferred is None or not utils.is_json_mimetype(utils.split_content_type(inferred)[0]):
            return None
        self._plain_json_type = inferred.encode("latin-1")
        return self._plain_json_type

    @staticmethod
    def _infer_content_type(data: Any, headers: dict[str, Any]) -> str | None:
        if data is None or data is NoContent:
            return None
        if (
            isinstance(data, dict | list)
            and isinstance(headers, dict)
            and not any(key.lower() == "content-type" for key in headers)
        ):
            produces = tuple(operation.produces)
            if produces in _JSON_ANSWER_TYPES:
                return _JSON_ANSWER_TYPES[produces]
            inferred = _ResponseDecorator._inferred(data, headers)
            if len(_JSON_ANSWER_TYPES) < 256:  # an operation's list, never the client's
                _JSON_ANSWER_TYPES[produces] = inferred
            return inferred
        return _ResponseDecorator._inferred(data, headers)

    @staticmethod
    def _inferred(data: Any, headers: dict[str, Any]) -> str | None:
        try:
            inferred: str | None = AsyncResponseDecorator._infer_content_type(data, headers)
        except NonConformingResponseHeaders:
            successes = [media for media in operation.produces if media != PROBLEM_JSON]
            return successes[0] if len(set(successes)) == 1 else "application/json"
        return inferred


#: Content-Type header -> its media type, as ConnexionRequest.mimetype parses it: a request's
#: header is one of the few its clients send, and the parse cost a few µs on every request with a
#: body. Bounded: past it, headers are parsed as before.
_MIMETYPES: dict[str, str] = {}


class _Request(ConnexionRequest):  # type: ignore[misc]
    @property
    def mimetype(self) -> str:
        content_type: str = self.content_type
        mimetype = _MIMETYPES.get(content_type)
        if mimetype is None:
            mimetype = ConnexionRequest.mimetype.fget(self)
            if len(_MIMETYPES) < 256:
                _MIMETYPES[content_type] = mimetype
        return mimetype

    async def json(self) -> Any:
        parsed = self._starlette_request.scope.get(PARSED_BODY_KEY, NoContent)
        return await super().json() if parsed is NoContent else parsed

    async def form(self) -> Any:
        parsed = self._starlette_request.scope.get(PARSED_FORM_KEY, NoContent)
        return await super().form() if parsed is NoContent else parsed

    async def _split_form_files(self) -> None:
        multipart = parsed_multipart(self._starlette_request.scope)
        if multipart is None:
            await super()._split_form_files()
            return
        files: dict[str, list[Any]] = collections.defaultdict(list)
        fields: dict[str, list[Any]] = collections.defaultdict(list)
        for name, value in multipart.multi_items():
            (files if isinstance(value, UploadFile) else fields)[name].append(value)
        self._files = files
        self._form = self.uri_parser.resolve_form(fields)


class _Framework(StarletteFramework):  # type: ignore[misc]
    @staticmethod
    def get_request(*, scope: Any, receive: Any, uri_parser: Any, **_: Any) -> _Request:
        return _Request(scope, receive, uri_parser=uri_parser)


class _Arguments:
    """What Connexion's parameter decorator passes a handler (its `get_arguments` and
    `prep_kwargs`, for an OpenAPI 3 operation), with everything that does not depend on the
    request worked out once per operation: which parameter goes to which argument name, the
    query defaults, the body argument, whether the handler takes **kwargs. Connexion works all of
    it out again on every request, through its context proxies (~190 Python calls per request)."""

    def __init__(self, spec_operation: Any, function: Any, *, pythonic_params: bool) -> None:
        if not isinstance(spec_operation, OpenAPIOperation):
            # Connexion passes a Swagger 2 form's fields as separate arguments; this does not.
            raise TypeError("Trellis serves OpenAPI 3 specs only.")
        sanitize = pythonic if pythonic_params else sanitized
        arguments, has_kwargs = inspect_function_arguments(unwrap_decorators(function))
        wanted = set(arguments)
        self._operation = spec_operation
        self._sanitize = sanitize
        self._arguments = wanted
        self._has_kwargs = has_kwargs
        self._takes_context = CONTEXT_NAME in wanted
        parameters = spec_operation.parameters
        path = {p["name"]: p for p in parameters if p["in"] == "path"}
        query = {p["name"]: p for p in parameters if p["in"] == "query"}
        # Connexion sanitizes each name twice (in get_arguments, then in prep_kwargs).
        self._path = {name: (sanitize(sanitize(name)), p) for name, p in path.items()}
        self._query = {
            name: (sanitize(sanitize(name)), p)
            for name, p in query.items()
            if has_kwargs or sanitize(name) in wanted
        }
        self._query_defaults = _get_query_defaults(query)
        self._copy_defaults = (
            dict
            if all(isinstance(v, _IMMUTABLE) for v in self._query_defaults.values())
            else copy.deepcopy
        )
        self._trace = spec_operation.method.upper() == "TRACE"
        body_name = sanitize(spec_operation.body_name(None))
        self._body_key: str | None = (
            sanitize(body_name)
            if spec_operation.is_request_body_defined and (body_name in wanted or has_kwargs)
            else None
        )
        self._body_schemas: dict[str, Any] = {}

    async def of(self, request: _Request, context: dict[str, Any]) -> dict[str, Any]:
        kwargs: dict[str, Any] = {}
        for name, value in request.path_params.items():
            defined = self._path.get(name)
            if defined is None:  # path params used for injection, as Connexion passes them
                kwargs[self._sanitize(self._sanitize(name))] = value
            else:
                kwargs[defined[0]] = _get_val_from_param(value, defined[1])
        # No query string, no query parameters (Connexion's parsing of it would find none).
        query = request.query_params if request.scope.get("query_string") else {}
        if self._query_defaults:
            query = deep_merge(self._copy_defaults(self._query_defaults), query)
        for name, value in query.items():
            defined = self._query.get(name)
            if defined is not None:
                kwargs[defined[0]] = _get_val_from_param(value, defined[1])
        if not self._trace:
            mimetype = request.mimetype
            if self._body_key is not None:
                body = await request.get_body()
                if mimetype in FORM_CONTENT_TYPES:
                    kwargs[self._body_key] = _get_body_argument_form(
                        body, operation=self._operation, content_type=mimetype
                    )
                else:
                    kwargs[self._body_key] = self._json_body(body, mimetype)
            if mimetype == "multipart/form-data":  # the only body with files
                self._add_files(kwargs, await request.files(), mimetype)
        for key, value in context.items():
            if self._has_kwargs or key in self._arguments:
                kwargs[key] = value
        if self._takes_context:
            kwargs[CONTEXT_NAME] = connexion_context
        return kwargs

    def _json_body(self, body: Any, mimetype: str) -> Any:
        schema = self._body_schema(mimetype)
        if is_nullable(schema) and is_null(body):
            return None
        if body is None:
            return copy.deepcopy(schema.get("default", {}))
        return body

    def _add_files(self, kwargs: dict[str, Any], files: dict[str, Any], mimetype: str) -> None:
        properties = self._body_schema(mimetype).get("properties", {})
        for name, parts in files.items():
            if name in self._arguments or self._has_kwargs:
                array = properties.get(name, {}).get("type") == "array"
                kwargs[self._sanitize(name)] = parts if array else parts[0]

    def _body_schema(self, mimetype: str) -> Any:
        # MediaTypeDict matches with fnmatch on each lookup; the content types an operation
        # accepts are few (the validator refused the others), the bound is for the rest.
        schema = self._body_schemas.get(mimetype)
        if schema is None:
            schema = self._operation.body_schema(mimetype)
            if len(self._body_schemas) < 16:
                self._body_schemas[mimetype] = schema
        return schema


_IMMUTABLE = (str, int, float, bool, type(None))


class _Decorator(StarletteDecorator):  # type: ignore[misc]
    """Wraps a handler once per operation: the handler's arguments (`_Arguments`, in place of
    Connexion's parameter decorator), its thread hop when it is not async, and Connexion's
    response decorator. Per request only the request object is built, from the scope and receive
    the operation is called with (not through Connexion's context proxies)."""

    framework = _Framework

    def __init__(self, spec_operation: Any, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._spec_operation = spec_operation
        uri_parser_class = self.uri_parser_class or spec_operation.uri_parser_class
        self._uri_parser = uri_parser_class(
            spec_operation.parameters, spec_operation.body_definition()
        )

    @property
    def _response_decorator_cls(self) -> type[AsyncResponseDecorator]:
        return _ResponseDecorator

    @property
    def _sync_async_decorator(self) -> Any:
        """A `def` handler hops to a thread through core.threads (leaner than AnyIO's)."""

        def decorator(function: Any) -> Any:
            if asyncio.iscoroutinefunction(function):
                return function

            @functools.wraps(function)
            async def in_thread(*args: Any, **kwargs: Any) -> Any:
                # What the handler publishes goes out from the loop once its thread is done,
                # before the answer (core.realtime `publishing_after`).
                return await realtime.publishing_after(
                    threads.run_in_thread(function, *args, **kwargs)
                )

            return in_thread

        return decorator

    def decorate(self, function: Any) -> Any:
        arguments = _Arguments(self._spec_operation, function, pythonic_params=self.pythonic_params)
        handler = self._sync_async_decorator(function)

        @functools.wraps(function)
        async def with_arguments(request: _Request, context: dict[str, Any]) -> Any:
            return await handler(**await arguments.of(request, context))

        return self._response_decorator_cls(framework=self.framework, jsonifier=self.jsonifier)(
            with_arguments
        )

    def __call__(self, function: Any) -> Any:
        decorated = self.decorate(function)
        uri_parser = self._uri_parser

        @functools.wraps(function)
        async def handle(scope: Any, receive: Any) -> Any:
            request = _Request(scope, receive, uri_parser=uri_parser)
            context = scope.get("extensions", {}).get("connexion_context", {})
            return await decorated(request, context)

        return handle


class _Operation(AsyncOperation):  # type: ignore[misc]
    def __init__(
        self,
        fn: Any,
        jsonifier: Jsonifier,
        operation_id: str,
        pythonic_params: bool,
        spec_operation: Any,
    ) -> None:
        super().__init__(
            fn, jsonifier=jsonifier, operation_id=operation_id, pythonic_params=pythonic_params
        )
        self._decorated = _Decorator(
            spec_operation, pythonic_params=pythonic_params, jsonifier=jsonifier
        )(fn)

    @classmethod
    def from_operation(
        cls, operation: Any, *, pythonic_params: bool, jsonifier: Jsonifier
    ) -> _Operation:
        return cls(
            operation.function,
            jsonifier=jsonifier,
            operation_id=operation.operation_id,
            pythonic_params=pythonic_params,
            spec_operation=operation,
        )

    @property
    def fn(self) -> Any:
        return self._decorated

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        response = await self._decorated(scope, receive)
        await response(scope, receive, send)


class _Api(AsyncApi):  # type: ignore[misc]
    def make_operation(self, spec_operation: Any) -> _Operation:
        return _Operation.from_operation(
            spec_operation, pythonic_params=self.pythonic_params, jsonifier=self.jsonifier
        )


class _Handlers(AsyncASGIApp):  # type: ignore[misc]
    """The innermost app: routes to the handlers."""

    api_cls = _Api


class _Prevalidated(OpenAPISpecification):  # type: ignore[misc]
    @classmethod
    def _validate_spec(cls, spec: dict[str, Any]) -> None:
        return None


class _Connexion(ConnexionMiddleware):  # type: ignore[misc]
    def add_api(self, specification: dict[str, Any], **kwargs: Any) -> None:
        """Registers a part of a validated bundle, as ConnexionMiddleware.add_api does with the
        options this app was made with, minus the validation."""
        if self.middleware_stack is not None:
            raise RuntimeError("Cannot add an API after the app has started.")
        loaded = _Prevalidated(_string_keys(specification))
        self.apis.append(API(loaded, base_path=None, name=None, **vars(self.options), **kwargs))


def _string_keys(value: Any) -> Any:
    # As Specification.from_dict does: YAML allows `200:` as a key, JSON Schema does not.
    if isinstance(value, dict):
        return {str(key): _string_keys(item) for key, item in value.items()}
    return value


class _SecurityHandlers(SecurityHandlerFactory):  # type: ignore[misc]
    def verify_security(self, auth_funcs: list[Verifier]) -> Verifier:
        return verify_every_credential(auth_funcs)

    def verify_multiple_schemes(self, schemes: dict[str, Any]) -> Any:
        # A requirement naming two schemes at once would make token_info a dict of both.
        raise NotImplementedError("Trellis operations accept one credential at a time.")


class _SecurityAPI(SecurityAPI):  # type: ignore[misc]
    def __init__(self, *args: Any, security_map: dict[str, Any] | None = None, **kwargs: Any):
        self._handlers = _SecurityHandlers(security_map)
        super().__init__(*args, security_map=security_map, **kwargs)

    def make_operation(self, spec_operation: Any) -> SecurityOperation:
        return SecurityOperation.from_operation(
            spec_operation, next_app=self.next_app, security_handler_factory=self._handlers
        )


class _SecurityMiddleware(SecurityMiddleware):  # type: ignore[misc]
    api_cls = _SecurityAPI


def _content_type(headers: Any) -> bytes | None:
    """The first Content-Type header's raw value (ASGI header names are bytes; ASCII lowering
    finds what Connexion's latin-1 decode-and-lower finds: no latin-1 letter lowers to ASCII)."""
    for key, value in headers:
        if key.lower() == b"content-type":
            return value  # type: ignore[no-any-return]
    return None


#: Per operation, at most this many content types are remembered; a request's Content-Type is
#: the client's to choose, so past the bound a new one is worked out per request, not stored.
_CONTENT_TYPES_KEPT = 16


class _RequestValidationOperation(RequestValidationOperation):  # type: ignore[misc]
    """Connexion's request validation, with what does not depend on the request worked out once:
    the parameter validator and URI parser per operation, and per Content-Type value the mime
    type, encoding, accepted-or-not and body validator arguments. Connexion rebuilds all of it on
    every request (`typing` subscripts in `utils.extract_content_type`, `fnmatch` in
    MediaTypeDict, two URI parsers). A refused content type is not remembered (it raises)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        operation = self._operation
        self._parameter_validator = self._validator_map["parameter"](
            operation.parameters,
            uri_parser=operation._uri_parser_class(
                operation.parameters, operation.body_definition()
            ),
            strict_validation=self.strict_validation,
            security_query_params=self.security_query_params,
        )
        self._body_plans: dict[bytes | None, tuple[Any, dict[str, Any]] | None] = {}

    def _body_plan(self, content_type: bytes | None) -> tuple[Any, dict[str, Any]] | None:
        """The body validator class and its arguments for a Content-Type, as Connexion's
        `__call__` works them out (None: no body validation)."""
        headers = [] if content_type is None else [(b"content-type", content_type)]
        mime_type, encoding = self.extract_content_type(headers)
        self.validate_mime_type(mime_type)
        schema = self._operation.body_schema(mime_type)
        if not schema:
            return None
        try:
            body_validator = self._validator_map["body"][mime_type]
        except KeyError:
            logger.info(
                "Skipping validation. No validator registered for content type: %s.", mime_type
            )
            return None
        return body_validator, {
            "schema": schema,
            "required": self._operation.request_body.get("required", False),
            "nullable": is_nullable(self._operation.body_definition(mime_type)),
            "encoding": encoding,
            "strict_validation": self.strict_validation,
            "uri_parser": self._operation.uri_parser_class(
                self._operation.parameters, self._operation.body_definition()
            ),
        }

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        self._parameter_validator.validate(scope)
        content_type = _content_type(scope["headers"])
        if content_type in self._body_plans:
            plan = self._body_plans[content_type]
        else:
            plan = self._body_plan(content_type)
            if len(self._body_plans) < _CONTENT_TYPES_KEPT:
                self._body_plans[content_type] = plan
        if plan is not None:
            body_validator, arguments = plan
            receive, scope = await body_validator(**arguments).wrap_receive(receive, scope=scope)
        await self.next_app(scope, receive, send)


class _RequestValidationAPI(RequestValidationAPI):  # type: ignore[misc]
    def make_operation(self, operation: Any) -> _RequestValidationOperation:
        return _RequestValidationOperation(
            self.next_app,
            operation=operation,
            strict_validation=self.strict_validation,
            validator_map=self.validator_map,
        )


class _RequestValidationMiddleware(RequestValidationMiddleware):  # type: ignore[misc]
    api_cls = _RequestValidationAPI


class _ResponseValidationOperation(ResponseValidationOperation):  # type: ignore[misc]
    """Connexion's response validation, with what depends only on the status and Content-Type
    the handler answered with (accepted-or-not, the response definition, its required headers,
    the body validator, schema and nullability) worked out once per pair. Connexion works it out
    on every response (`extract_content_type`, three MediaTypeDict `fnmatch` lookups)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[int, bytes | None], tuple[Any, ...]] = {}

    def _plan(self, status: int, content_type: bytes | None) -> tuple[Any, ...]:
        """(response definition, whether it requires headers, body validator class or None,
        schema, nullable, encoding), as Connexion's `wrapped_send` works them out."""
        headers = [] if content_type is None else [(b"content-type", content_type)]
        mime_type, encoding = self.extract_content_type(headers)
        if status < 400:
            self.validate_mime_type(mime_type)
        definition = self._operation.response_definition(str(status), mime_type)
        requires_headers = any(
            header.get("required", False) for header in definition.get("headers", {}).values()
        )
        try:
            body_validator = self._validator_map["response"][mime_type]
        except KeyError:
            logger.info(
                "Skipping validation. No validator registered for content type: %s.", mime_type
            )
            return definition, requires_headers, None, None, None, encoding
        schema = self._operation.response_schema(str(status), mime_type)
        nullable = is_nullable(self._operation.response_definition(str(status), mime_type))
        return definition, requires_headers, body_validator, schema, nullable, encoding

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def wrapped_send(message: Any) -> None:
            nonlocal send
            if message["type"] == "http.response.start":
                headers = message["headers"]
                key = (message["status"], _content_type(headers))
                plan = self._plans.get(key)
                if plan is None:
                    plan = self._plan(*key)
                    if len(self._plans) < _CONTENT_TYPES_KEPT:
                        self._plans[key] = plan
                definition, requires_headers, body_validator, schema, nullable, encoding = plan
                if requires_headers:
                    self.validate_required_headers(headers, definition)
                if body_validator is not None:
                    validator = body_validator(
                        scope, schema=schema, nullable=nullable, encoding=encoding
                    )
                    send = validator.wrap_send(send)
            await send(message)

        await self.next_app(scope, receive, wrapped_send)


class _ResponseValidationAPI(ResponseValidationAPI):  # type: ignore[misc]
    def make_operation(self, operation: Any) -> Any:
        if not self.validate_responses:
            return self.next_app
        return _ResponseValidationOperation(
            self.next_app, operation=operation, validator_map=self.validator_map
        )


class _ResponseValidationMiddleware(ResponseValidationMiddleware):  # type: ignore[misc]
    api_cls = _ResponseValidationAPI


class _ExactPathFirstRouter(Router):
    """The router of one API's operations (Connexion's RoutingAPI), trying the routes of the
    request's exact path first. Starlette tries each route's regular expression in turn, and
    the Conduit facade's `POST /articles` is its seventh route.

    A path is looked up this way only when no route with parameters before its own would take it
    (Starlette's first match wins, and that stays so). A request none of them matches fully (a
    method the path does not serve: 405) goes through Starlette's routing unchanged."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._by_path: dict[str, list[Route]] = {}
        self._indexed = -1  # how many routes `_by_path` was built from

    def _index(self) -> dict[str, list[Route]]:
        by_path: dict[str, list[Route]] = {}
        templated: list[Route] = []
        for route in self.routes:
            if not isinstance(route, Route):
                continue
            if route.param_convertors:
                templated.append(route)
            elif not any(earlier.path_regex.match(route.path) for earlier in templated):
                by_path.setdefault(route.path, []).append(route)
        return by_path

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            if self._indexed != len(self.routes):  # routes are added before the first request
                self._by_path, self._indexed = self._index(), len(self.routes)
            for route in self._by_path.get(get_route_path(scope), ()):
                match, child_scope = route.matches(scope)
                if match is Match.FULL:
                    scope.setdefault("router", self)
                    scope.update(child_scope)
                    await route.handle(scope, receive, send)
                    return
        await super().app(scope, receive, send)


class _RoutingAPI(RoutingAPI):  # type: ignore[misc]
    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Connexion builds its Router in `__init__` and adds the routes to it; ours takes them.
        built: Router = self.router  # type: ignore[has-type]
        self.router = _ExactPathFirstRouter(routes=list(built.routes), default=built.default)


class _RoutingMiddleware(RoutingMiddleware):  # type: ignore[misc]
    def add_api(
        self,
        specification: Any,
        base_path: str | None = None,
        arguments: dict[str, Any] | None = None,
        **kwargs: Any,
    ) -> None:
        """RoutingMiddleware.add_api with `_RoutingAPI` (every Trellis app has one API, so
        Connexion's chaining of APIs under one base path is not needed)."""
        api = _RoutingAPI(
            specification, base_path=base_path, arguments=arguments, next_app=self.app, **kwargs
        )
        if any(getattr(route, "path", None) == api.base_path for route in self.router.routes):
            raise RuntimeError(f"a second API under {api.base_path!r}")
        self.router.mount(api.base_path, app=api.router)


_OURS = {
    RoutingMiddleware: _RoutingMiddleware,
    SecurityMiddleware: _SecurityMiddleware,
    RequestValidationMiddleware: _RequestValidationMiddleware,
    ResponseValidationMiddleware: _ResponseValidationMiddleware,
}


#: Connexion's stack, with our security and validation middleware, minus SwaggerUIMiddleware:
#: every Trellis API is added with swagger_ui=False and serve_spec=False (core.app serves the
#: documents and the docs page), so that layer only copied the scope and ran two Starlette routers
#: that never match on every request (about 6 % of a framework-only request's profile,
#: bench/RESULTS.md).
MIDDLEWARES = [
    _OURS.get(middleware, middleware)
    for middleware in ConnexionMiddleware.default_middlewares
    if middleware is not SwaggerUIMiddleware
]


def _with_policies(policies: Any) -> list[Any]:
    """MIDDLEWARES with core.security.PolicyMiddleware right before request validation, where
    `add_middleware(position=BEFORE_VALIDATION)` puts it (that looks for Connexion's own request
    validation class, which the stack replaces)."""
    middlewares = list(MIDDLEWARES)
    middlewares.insert(
        middlewares.index(_RequestValidationMiddleware),
        functools.partial(PolicyMiddleware, policies=policies),
    )
    return middlewares


def connexion_app(
    spec: dict[str, Any],
    *,
    package: str = "handlers",
    error_handler: Any = connexion_error_handler,
    validators: dict[str, Any] | None = None,
) -> ConnexionMiddleware:
    """One Connexion app serving `spec` with the handlers of `package`, configured as every
    Trellis API is: strict request validation and response validation in every environment
    (`validators` replaces core.validation's map, for an API that words its errors its own way;
    operations marked `x-ignore-unknown-query: true` accept query parameters they don't declare)."""
    validators = validators or validator_map()
    lenient = _operations_marked(spec, "x-ignore-unknown-query")
    if lenient:
        validators = {
            **validators,
            "parameter": functools.partial(validators["parameter"], lenient=lenient),
        }
    app = _Connexion(
        _Handlers(),
        import_name=package,
        middlewares=_with_policies(operation_policies(spec)),
        jsonifier=JSONIFIER,
        strict_validation=True,
        validate_responses=True,
        resolver=TagResolver(package),
        validator_map=validators,
        security_map=SECURITY_MAP,
        swagger_ui_options=None,
    )
    app.add_middleware(ResponseHeadersMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION)
    app.add_middleware(MultipartFilesMiddleware, position=MiddlewarePosition.BEFORE_EXCEPTION)
    app.add_api(spec, swagger_ui=False, serve_spec=False)
    oauth_operations = _operations_marked(spec, "x-oauth-errors")
    if oauth_operations:
        error_handler = oauth_form_error_handler(oauth_operations, error_handler)
    for error in (Exception, DomainError, ProblemException, HTTPException, 404):
        app.add_error_handler(error, error_handler)
    app.add_error_handler(405, _method_not_allowed_handler(spec, error_handler))
    return app


def _operations_marked(spec: dict[str, Any], extension: str) -> frozenset[str]:
    """The operationIds of the operations whose `extension` is true."""
    return frozenset(
        operation["operationId"]
        for path_item in spec.get("paths", {}).values()
        for operation in path_item.values()
        if isinstance(operation, dict) and operation.get(extension) is True
    )


def _method_not_allowed_handler(spec: dict[str, Any], error_handler: Any) -> Any:
    """405 with an `Allow` header listing every method the contract documents for the path."""
    index = allow_index(spec)

    async def handler(request: ConnexionRequest, exc: Exception) -> Any:
        path = request.url.path
        allowed = next((methods for pattern, methods in index if pattern.match(path)), None)
        if allowed is not None:
            exc = HTTPException(405, headers={"Allow": allowed})
        return await error_handler(request, exc)

    return handler


def build_now(app: ASGIApp) -> None:
    """Builds the middleware stack Connexion would build on the first request: every handler is
    resolved and every validator made at startup, so a broken operation fails the start. Then
    links each layer's operations to the next layer's (`_link_operations`)."""
    if isinstance(app, ConnexionMiddleware) and app.middleware_stack is None:
        app.app, app.middleware_stack = app._build_middleware_stack()
        _link_operations(list(app.middleware_stack))


def _link_operations(stack: list[Any]) -> None:
    """Lets each routed layer's operation hand a request straight to the same operation of the
    next routed layer. A routed layer (RoutedMiddleware: request and response validation, the
    context, the handlers) only looks the request's operation up by the id routing put in the
    scope and calls it; its operation then calls the next layer, which looks the same id up again.
    Linked, an operation calls the next one itself: about 2 µs and an `await` less per layer and
    request. LifespanMiddleware, between two of them, passes HTTP requests on untouched and is
    stepped over. An operation is linked only where it would have called that very next layer."""
    for index, layer in enumerate(stack[:-1]):
        if not isinstance(layer, RoutedMiddleware):
            continue
        after = following = stack[index + 1]
        rest = iter(stack[index + 2 :])
        while isinstance(following, LifespanMiddleware):
            following = next(rest, None)
        if not isinstance(following, RoutedMiddleware):
            continue
        for base_path, apis in layer.apis.items():
            targets = following.apis.get(base_path, [])
            if len(apis) != 1 or len(targets) != 1:
                continue
            for operation_id, routed in apis[0].operations.items():
                target = targets[0].operations.get(operation_id)
                if target is not None and getattr(routed, "next_app", None) is after:
                    routed.next_app = target
