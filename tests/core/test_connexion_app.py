"""Each change core.connexion_app makes to Connexion: that it works, and that the upstream
behaviour it relies on (or corrects) is still there. A failure here after a Connexion upgrade
says which change to revisit."""

from __future__ import annotations

import copy
import inspect
import types
from collections.abc import Iterator
from typing import Any

import anyio
import pytest
from connexion.apps.asynchronous import AsyncOperation
from connexion.context import _operation
from connexion.context import context as connexion_context
from connexion.decorators import StarletteDecorator
from connexion.decorators import parameter as connexion_parameter
from connexion.decorators.parameter import AsyncParameterDecorator
from connexion.decorators.response import AsyncResponseDecorator
from connexion.exceptions import InvalidSpecification, NonConformingResponseHeaders, OAuthProblem
from connexion.frameworks.starlette import Starlette as StarletteFramework
from connexion.jsonifier import Jsonifier
from connexion.lifecycle import ConnexionRequest
from connexion.middleware import ConnexionMiddleware
from connexion.middleware.context import ContextMiddleware
from connexion.middleware.request_validation import (
    RequestValidationMiddleware,
    RequestValidationOperation,
)
from connexion.middleware.response_validation import (
    ResponseValidationMiddleware,
    ResponseValidationOperation,
)
from connexion.middleware.security import SecurityMiddleware
from connexion.middleware.swagger_ui import SwaggerUIMiddleware
from connexion.operations import OpenAPIOperation
from connexion.security import SecurityHandlerFactory
from connexion.spec import OpenAPISpecification
from starlette.testclient import TestClient

from core import connexion_app as layer
from core.auth import SECURITY_MAP, ApiKeyScheme, BearerScheme
from core.resolver import TagResolver
from core.spec import CONDUIT_SPEC, MAIN_SPEC, ROOT_SPEC, load_spec
from core.validation import PARSED_BODY_KEY
from tests.core import probe

BOTH = ["application/json", "application/problem+json"]


@pytest.fixture(scope="module")
def probe_app() -> layer.ConnexionMiddleware:
    app = layer.connexion_app(probe.SPEC, package="tests.core")
    layer.build_now(app)
    return app


@pytest.fixture(scope="module")
def probe_client(probe_app) -> Iterator[TestClient]:  # type: ignore[no-untyped-def]
    with TestClient(probe_app) as client:
        yield client


@pytest.fixture
def operation_producing() -> Iterator[object]:
    def bind(produces: list[str]) -> None:
        tokens.append(_operation.set(types.SimpleNamespace(produces=produces)))  # type: ignore[arg-type]

    tokens: list[object] = []
    yield bind
    for token in reversed(tokens):
        _operation.reset(token)  # type: ignore[arg-type]


def _layers(app: ConnexionMiddleware) -> list[object]:
    assert app.middleware_stack is not None
    return list(app.middleware_stack)


# --- a plain dict answers with the success content type; an empty answer has none -------------


def test_upstream_refuses_to_pick_between_two_documented_content_types(operation_producing):
    operation_producing(BOTH)
    with pytest.raises(NonConformingResponseHeaders):
        AsyncResponseDecorator._infer_content_type({"a": 1}, {})


def test_upstream_labels_an_empty_answer_with_the_documented_type(operation_producing):
    operation_producing(["application/problem+json"])
    assert AsyncResponseDecorator._infer_content_type(None, {}) == "application/problem+json"


def test_a_dict_is_json_and_nothing_has_no_content_type(operation_producing):
    operation_producing(BOTH)
    assert layer._ResponseDecorator._infer_content_type({"a": 1}, {}) == "application/json"
    assert layer._ResponseDecorator._infer_content_type(None, {}) is None


@pytest.mark.parametrize(
    "answer",
    [
        {"name": "é", "tags": [1, 2.5, None]},
        [{"a": 1}],
        ({"a": 1}, 201),
        ({"a": 1}, 204),
        ({"a": 1}, 200, {"X-Extra": "1"}),
        ({"a": 1}, {"X-Extra": "1"}),
        None,
        layer.NoContent,
    ],
    ids=["dict", "list", "201", "204", "headers", "headers only", "none", "NoContent"],
)
@pytest.mark.parametrize("produces", [BOTH, ["application/json"], ["text/csv"]], ids=str)
def test_an_answer_is_the_response_connexions_path_builds(operation_producing, produces, answer):
    operation_producing(produces)
    ours = layer._ResponseDecorator(framework=layer._Framework, jsonifier=layer.JSONIFIER)
    plain = produces != ["text/csv"] and (
        type(answer) in (dict, list) or (type(answer) is tuple and answer[1:] == (201,))
    )
    # The first answer works the content type out, through Connexion; later ones are direct.
    for _ in range(2):
        built = ours.build_framework_response(answer)
        expected = AsyncResponseDecorator.build_framework_response(ours, answer)
        assert (built.status_code, built.raw_headers, built.body) == (
            expected.status_code,
            expected.raw_headers,
            expected.body,
        )
    assert isinstance(built, layer._PlainJSONAnswer) is plain


@pytest.mark.parametrize(
    "content_type",
    [None, "application/json", "application/json; charset=utf-8", "Text/Plain ; q=1", "a/b;;"],
)
def test_a_requests_media_type_is_the_one_connexion_parses(content_type):
    headers = [] if content_type is None else [(b"content-type", content_type.encode())]
    scope = {"type": "http", "method": "POST", "path": "/", "headers": headers}
    # The second request of the same type is answered from what the first one parsed.
    for _ in range(2):
        assert layer._Request(scope).mimetype == ConnexionRequest(scope).mimetype


def test_the_probe_answers_json_and_an_empty_204(probe_client):
    listed = probe_client.get("/probe/things", headers={"X-Probe-Key": "good"})
    assert listed.status_code == 200
    assert listed.headers["content-type"] == "application/json"
    deleted = probe_client.delete("/probe/things")
    assert deleted.status_code == 204
    assert "content-type" not in deleted.headers


# --- each routed layer's operation calls the next layer's same operation -----------------------


def test_each_routed_operation_calls_the_next_layers_same_operation(probe_app):
    stack = list(probe_app.middleware_stack)
    layers = [
        next(m for m in stack if isinstance(m, kind))
        for kind in (
            layer._RequestValidationMiddleware,
            layer._ResponseValidationMiddleware,
            ContextMiddleware,
            layer._Handlers,
        )
    ]
    operation_ids = set(layers[0].apis["/probe"][0].operations)
    assert operation_ids == {
        op["operationId"]
        for item in probe.SPEC["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    for operation_id in operation_ids:
        chain = [m.apis["/probe"][0].operations[operation_id] for m in layers]
        assert [operation.next_app for operation in chain[:-1]] == chain[1:]


def test_linked_operations_answer_as_the_layers_do():
    """The same requests (answered, refused by security, by validation, a 204, an unknown path)
    through the probe's stack linked and as Connexion builds it."""
    linked = layer.connexion_app(probe.SPEC, package="tests.core")
    layer.build_now(linked)
    unlinked = layer.connexion_app(probe.SPEC, package="tests.core")
    unlinked.app, unlinked.middleware_stack = unlinked._build_middleware_stack()
    requests: list[tuple[str, str, dict[str, Any]]] = [
        ("GET", "/probe/things", {"headers": {"X-Probe-Key": "good"}}),
        ("GET", "/probe/things", {}),
        ("GET", "/probe/things?fail=maybe", {"headers": {"X-Probe-Key": "good"}}),
        ("POST", "/probe/things", {"json": {"name": "thing"}}),
        ("POST", "/probe/things", {"json": ["not", "an", "object"]}),
        ("DELETE", "/probe/things", {}),
        ("GET", "/probe/nothing", {}),
    ]
    answers = []
    for app in (linked, unlinked):
        with TestClient(app) as client:
            answers.append(
                [
                    (answer.status_code, answer.headers.get("content-type"), answer.content)
                    for answer in (client.request(m, path, **kw) for m, path, kw in requests)
                ]
            )
    assert answers[0] == answers[1]
    assert [status for status, *_ in answers[0]] == [200, 401, 400, 200, 400, 204, 404]


# --- handlers get the body the validator parsed ------------------------------------------------


def test_upstream_reads_a_json_body_through_request_json():
    sentinel = {"parsed": "elsewhere"}
    scope = {
        "type": "http",
        "method": "POST",
        "headers": [(b"content-type", b"application/json")],
        PARSED_BODY_KEY: sentinel,
    }

    async def receive() -> dict[str, object]:
        return {"type": "http.request", "body": b'{"parsed": "again"}', "more_body": False}

    assert anyio.run(layer._Request(scope, receive).get_body) is sentinel
    assert anyio.run(ConnexionRequest(scope, receive).get_body) == {"parsed": "again"}


def test_handlers_receive_the_object_the_validator_parsed(probe_client):
    response = probe_client.post("/probe/things", json={"name": "x"})
    assert response.json() == {"parsed_once": True}


# --- the decorator chain is built once per operation ------------------------------------------


def _handler(name: str = "") -> dict[str, str]:
    return {}


@pytest.fixture(scope="module")
def spec_operation() -> Any:
    spec = OpenAPISpecification(copy.deepcopy(probe.SPEC))
    return OpenAPIOperation.from_spec(
        spec, path="/things", method="get", resolver=TagResolver("tests.core")
    )


def test_upstream_rebuilds_the_decorator_chain_on_every_call(spec_operation):
    assert isinstance(AsyncOperation.__dict__["fn"], property)
    stock = AsyncOperation(_handler, Jsonifier(), "handler", pythonic_params=False)
    assert stock.fn is not stock.fn
    ours = layer._Operation.from_operation(
        spec_operation, pythonic_params=False, jsonifier=Jsonifier()
    )
    assert ours.fn is ours.fn


def test_upstream_inspects_the_signature_when_the_parameter_decorator_is_applied(
    monkeypatch, spec_operation
):
    calls: list[object] = []
    stock = connexion_parameter.inspect_function_arguments

    def counting(function: object) -> object:
        calls.append(function)
        return stock(function)

    monkeypatch.setattr(connexion_parameter, "inspect_function_arguments", counting)
    AsyncParameterDecorator(framework=StarletteFramework)(_handler)
    assert calls == [_handler]
    # ...and stock Connexion applies the decorators inside each call, not when it wraps
    decorated: list[object] = []

    class Counting(StarletteDecorator):  # type: ignore[misc]
        def decorate(self, function: object) -> object:
            decorated.append(function)
            return super().decorate(function)

    Counting()(_handler)
    assert decorated == []
    layer._Decorator(spec_operation)(_handler)
    assert calls == [_handler]  # ours inspects it once too, with Connexion's own function
    monkeypatch.setattr(layer, "inspect_function_arguments", counting)
    layer._Decorator(spec_operation)(_handler)
    assert calls == [_handler, _handler]


# --- handler arguments worked out once per operation, as Connexion's decorator gives them ------


def _compare(probe_client: TestClient, method: str, url: str, **request: Any) -> dict[str, Any]:
    del probe.compared[:]
    response = probe_client.request(method, url, **request)
    assert response.status_code == 200, response.text
    [(ours, stock)] = probe.compared
    assert ours == stock
    return ours


def test_upstream_parameter_decorator_reads_the_operation_on_every_request(probe_client):
    # What _Arguments replaces: per request, Connexion's decorator reads the operation and the
    # context through werkzeug proxies and re-derives names, defaults and the body argument.
    source = inspect.getsource(connexion_parameter.prep_kwargs)
    assert "get_arguments(\n        operation," in source
    assert "context.items()" in source


def test_a_swagger_2_operation_is_refused_when_the_app_is_built():
    with pytest.raises(TypeError, match="OpenAPI 3"):
        layer._Arguments(types.SimpleNamespace(), _handler, pythonic_params=False)


def test_requests_run_none_of_connexions_parameter_code(probe_client, monkeypatch):
    calls: list[str] = []
    for name in ("prep_kwargs", "get_arguments"):
        stock = getattr(connexion_parameter, name)

        def counting(*args: Any, _name: str = name, _stock: Any = stock, **kwargs: Any) -> Any:
            calls.append(_name)
            return _stock(*args, **kwargs)

        monkeypatch.setattr(connexion_parameter, name, counting)
    response = probe_client.get("/probe/things?fail=false", headers={"X-Probe-Key": "good"})
    assert response.json() == {"items": []}
    assert calls == []


@pytest.mark.parametrize(
    "query",
    [
        "",
        "?pageSize=5&tags=a&tags=b&type=one",
        "?tags=a,b&filter=x",
    ],
)
def test_named_arguments_are_the_ones_connexion_passes(probe_client, query):
    passed = _compare(
        probe_client,
        "POST",
        f"/probe/compare/7{query}",
        json={"n": 1},
        headers={"X-Probe-Key": "good"},
    )
    assert passed["item_id"] == 7 and passed["thing"] == {"n": 1}
    assert passed["token_info"].user_id == probe.HOLDER
    assert passed["context_"] is connexion_context
    assert passed["pageSize"] == (5 if "pageSize" in query else 20)


def test_a_null_body_without_a_credential(probe_client):
    null = {"content": b"null", "headers": {"Content-Type": "application/json"}}
    passed = _compare(probe_client, "POST", "/probe/compare/8", **null)
    assert passed["thing"] is None


def test_kwargs_get_every_parameter_and_unknown_query_is_left_out(probe_client):
    passed = _compare(
        probe_client,
        "PUT",
        "/probe/compare/9?tags=x&utm_source=feed",
        json={"n": 2},
        headers={"X-Probe-Key": "good"},
    )
    assert passed["body"] == {"n": 2} and passed["type"] == "all"
    assert "utm_source" not in passed and {"user", "token_info"} <= set(passed)


def test_a_form_body(probe_client):
    passed = _compare(probe_client, "POST", "/probe/compare-form", data={"name": "n", "count": "3"})
    assert passed["body"] == {"name": "n", "count": "3"}


def test_multipart_files_by_name_one_or_a_list(probe_client):
    files = [("file", ("a.txt", b"a")), ("files", ("b.txt", b"b")), ("files", ("c.txt", b"c"))]
    passed = _compare(probe_client, "PUT", "/probe/compare-form", data={"note": "hi"}, files=files)
    assert passed["file"].filename == "a.txt"
    assert [part.filename for part in passed["files"]] == ["b.txt", "c.txt"]
    assert passed["body"]["note"] == "hi"


def test_requests_inspect_no_signature(probe_client, probe_app, monkeypatch):
    probe_client.delete("/probe/things")  # every lazy part of the stack is built
    calls: list[object] = []
    stock = connexion_parameter.inspect_function_arguments
    monkeypatch.setattr(
        connexion_parameter,
        "inspect_function_arguments",
        lambda function: calls.append(function) or stock(function),
    )
    for _ in range(3):
        assert probe_client.delete("/probe/things").status_code == 204
    assert calls == []


# --- the pieces are where Connexion looks for them --------------------------------------------


def test_our_classes_are_the_ones_the_built_stack_uses(probe_app):
    layers = _layers(probe_app)
    handlers = next(app for app in layers if isinstance(app, layer._Handlers))
    assert {type(op) for op in _operations(handlers)} == {layer._Operation}
    security = next(app for app in layers if isinstance(app, SecurityMiddleware))
    assert type(security) is layer._SecurityMiddleware
    factories = {type(op.security_handler_factory) for op in _operations(security)}
    assert factories == {layer._SecurityHandlers}
    assert SecurityMiddleware in ConnexionMiddleware.default_middlewares


def test_the_stack_has_no_swagger_ui_layer_and_still_answers(probe_app, probe_client):
    # Connexion's default stack has it (a pass-through when swagger_ui and serve_spec are off,
    # at two routers per request); ours leaves it out, and routing still finds the operation.
    assert SwaggerUIMiddleware in ConnexionMiddleware.default_middlewares
    assert not any(isinstance(app, SwaggerUIMiddleware) for app in _layers(probe_app))
    assert probe_client.delete("/probe/things").status_code == 204


def _operations(middleware: Any) -> list[Any]:
    return [
        op for apis in middleware.apis.values() for api in apis for op in api.operations.values()
    ]


def test_security_map_is_what_the_factory_uses():
    factory = SecurityHandlerFactory(SECURITY_MAP)
    assert factory.security_handlers["apiKey"] is ApiKeyScheme
    assert factory.security_handlers["bearer"] is BearerScheme


def test_build_now_builds_once_and_requests_reuse_it(probe_client, probe_app):
    stack = probe_app.middleware_stack
    assert stack is not None
    probe_client.delete("/probe/things")
    assert probe_app.middleware_stack is stack


# --- every presented credential must be valid -------------------------------------------------


def test_upstream_accepts_a_request_as_soon_as_one_credential_is_valid():
    async def refused(_request: object) -> object:
        raise OAuthProblem(detail="bad")

    async def accepted(_request: object) -> object:
        return {"sub": "someone"}

    request = types.SimpleNamespace(context={})
    anyio.run(SecurityHandlerFactory.verify_security([refused, accepted]), request)
    assert request.context["token_info"] == {"sub": "someone"}


def test_a_bad_key_is_401_and_a_good_one_acts(probe_client):
    assert probe_client.get("/probe/things", headers={"X-Probe-Key": "bad"}).status_code == 401
    assert probe_client.get("/probe/things").status_code == 401
    assert probe_client.get("/probe/things", headers={"X-Probe-Key": "good"}).status_code == 200


# --- headers added during a request reach every answer ----------------------------------------


def test_headers_added_by_authentication_reach_error_answers_too(probe_client):
    good = {"X-Probe-Key": "good"}
    assert probe_client.get("/probe/things", headers=good).headers["x-probe"] == "seen"
    failed = probe_client.get("/probe/things", params={"fail": "true"}, headers=good)
    assert failed.status_code == 404
    assert failed.headers["x-probe"] == "seen"
    invalid = probe_client.get("/probe/things", params={"fail": "maybe"}, headers=good)
    assert invalid.status_code == 400
    assert invalid.headers["x-probe"] == "seen"
    assert "x-probe" not in probe_client.delete("/probe/things").headers


# --- a route group is not validated again at startup; the bundles are validated here ----------


def test_upstream_validates_every_spec_it_loads():
    broken = {**probe.SPEC, "paths": {"/x": {"get": {"responses": "not a mapping"}}}}
    with pytest.raises(InvalidSpecification):
        ConnexionMiddleware(layer._Handlers()).add_api(broken)


def test_our_add_api_registers_what_upstream_registers():
    stock = ConnexionMiddleware(layer._Handlers(), strict_validation=True)
    stock.add_api(copy.deepcopy(probe.SPEC), swagger_ui=False)
    ours = layer._Connexion(layer._Handlers(), strict_validation=True)
    ours.add_api(copy.deepcopy(probe.SPEC), swagger_ui=False)
    (upstream,), (registered,) = stock.apis, ours.apis
    assert registered.specification.raw == upstream.specification.raw
    assert registered.specification.spec == upstream.specification.spec
    assert type(registered.specification).__mro__[1] is type(upstream.specification)
    assert vars(registered) | {"specification": None} == vars(upstream) | {"specification": None}


@pytest.mark.parametrize("bundle", [MAIN_SPEC, ROOT_SPEC, CONDUIT_SPEC], ids=lambda p: p.name)
def test_every_published_bundle_passes_connexions_own_validation(bundle):
    OpenAPISpecification(copy.deepcopy(load_spec(bundle)))


def _connexion_as_shipped() -> tuple[object, ...]:
    return (
        AsyncOperation.__dict__["fn"],
        AsyncResponseDecorator._infer_content_type,
        ConnexionRequest.json,
        SecurityHandlerFactory.__dict__["verify_security"],
        connexion_parameter.inspect_function_arguments,
        tuple(ConnexionMiddleware.default_middlewares),
    )


def test_building_apps_leaves_connexion_itself_unchanged(app):
    before = _connexion_as_shipped()
    layer.build_now(layer.connexion_app(probe.SPEC, package="tests.core"))
    assert _connexion_as_shipped() == before
    assert not hasattr(connexion_parameter.inspect_function_arguments, "cache_info")


# --- request and response validation: per-operation plans answer as Connexion's own code ------


def _validation_layer(probe_app: Any, kind: type, method: str, path: str) -> tuple[Any, Any]:
    """The built layer of `kind` and the API and spec operation it holds for method and path."""
    middleware = next(app for app in _layers(probe_app) if isinstance(app, kind))
    for apis in middleware.apis.values():
        for api in apis:
            for op in api.operations.values():
                if (op._operation.method, op._operation.path) == (method, path):
                    return middleware, (api, op._operation)
    raise AssertionError(f"no {method} {path}")


async def _outcome(call: Any, scope: dict[str, Any], body: bytes) -> Any:
    """What a validation layer lets through (or raises) for one request."""
    sent = [{"type": "http.request", "body": body, "more_body": False}]

    async def receive() -> dict[str, Any]:
        return sent.pop(0) if sent else {"type": "http.disconnect"}

    messages: list[Any] = []

    async def send(message: Any) -> None:
        messages.append(message)

    try:
        await call(scope, receive, send)
    except Exception as exc:  # the outcome compared is the exception itself
        return type(exc).__name__, str(exc)
    return messages


REQUEST_CONTENT_TYPES = [
    None,
    b"application/json",
    b"Application/JSON; charset=utf-8",
    b"application/json; charset=latin-1",
    b"text/plain",
    b"application/x-www-form-urlencoded",
]


@pytest.mark.parametrize("content_type", REQUEST_CONTENT_TYPES)
@pytest.mark.parametrize("body", [b'{"a": 1}', b"[1]", b"", b"{"])
def test_request_validation_lets_through_or_refuses_what_connexions_does(
    probe_app, content_type, body
):
    middleware, (api, operation) = _validation_layer(
        probe_app, RequestValidationMiddleware, "post", "/things"
    )
    assert type(middleware) is layer._RequestValidationMiddleware
    headers = [(b"host", b"t")] + (
        [] if content_type is None else [(b"content-type", content_type)]
    )

    async def through(scope: Any, receive: Any, send: Any) -> None:
        message = await receive()
        await send({"body": message.get("body"), "parsed": scope.get(PARSED_BODY_KEY)})

    stock = RequestValidationOperation(
        through, operation=operation, strict_validation=True, validator_map=api.validator_map
    )
    ours = layer._RequestValidationOperation(
        through, operation=operation, strict_validation=True, validator_map=api.validator_map
    )
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/probe/things",
        "query_string": b"",
        "headers": headers,
        "path_params": {},
        "extensions": {},
    }
    for _ in range(2):  # the second request answers from the stored plan
        assert anyio.run(_outcome, ours, dict(scope), body) == anyio.run(
            _outcome, stock, dict(scope), body
        )


RESPONSES = [
    (200, b"application/json", b'{"a": 1}'),
    (200, b"application/json", b"[1]"),
    (200, b"application/json; charset=utf-8", b"{}"),
    (200, b"text/plain", b"x"),
    (200, None, b"{}"),
    (400, b"application/problem+json", b"{}"),
    (400, b"application/problem+json", b"[]"),
    (500, b"text/html", b"<p>"),
]


@pytest.mark.parametrize(("status", "content_type", "body"), RESPONSES)
def test_response_validation_lets_through_or_refuses_what_connexions_does(
    probe_app, status, content_type, body
):
    middleware, (api, operation) = _validation_layer(
        probe_app, ResponseValidationMiddleware, "post", "/things"
    )
    assert type(middleware) is layer._ResponseValidationMiddleware
    headers = [] if content_type is None else [(b"content-type", content_type)]

    async def answer(scope: Any, receive: Any, send: Any) -> None:
        await send({"type": "http.response.start", "status": status, "headers": headers})
        await send({"type": "http.response.body", "body": body, "more_body": False})

    stock = ResponseValidationOperation(
        answer, operation=operation, validator_map=api.validator_map
    )
    ours = layer._ResponseValidationOperation(
        answer, operation=operation, validator_map=api.validator_map
    )
    scope = {"type": "http", "method": "POST", "path": "/probe/things", "headers": []}
    for _ in range(2):  # the second response answers from the stored plan
        assert anyio.run(_outcome, ours, dict(scope), b"") == anyio.run(
            _outcome, stock, dict(scope), b""
        )
