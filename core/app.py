"""The application: a Starlette outer app dispatching to one Connexion AsyncApp per route group.

    HTTP -> RequestContextMiddleware (request id, log, body cap) -> [CORS] -> Starlette router
            ├── /docs, /api/v1/openapi.{json,yaml}, /root/openapi.json   (published contract, UI)
            └── GroupDispatcher: /api/v1/<a>/<b>/... -> the Connexion app of group a/b (or a/*)
                                 anything else        -> the root API (/health, /ready)

Route groups (core.spec.route_group) keep each Connexion router to a handful of paths, so the cost
of routing does not grow with the contract (bench/spec_growth.py measures it).

Each Connexion app gets the same resolver, compiled validators, policy middleware and problem
rendering; `strict_validation` and `validate_responses` are on in every environment.
"""

from __future__ import annotations

import contextlib
import functools
import html
import inspect
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import anyio.to_thread
import orjson
import swagger_ui_bundle
from connexion import AsyncApp, NoContent
from connexion import security as connexion_security
from connexion.apps.asynchronous import AsyncOperation
from connexion.context import operation
from connexion.decorators import parameter as connexion_parameter
from connexion.decorators.response import BaseResponseDecorator
from connexion.exceptions import NonConformingResponseHeaders, OAuthProblem, ProblemException
from connexion.jsonifier import Jsonifier
from connexion.lifecycle import ConnexionRequest
from connexion.middleware import MiddlewarePosition
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from core.db import dispose_engine, get_engine
from core.errors import PROBLEM_JSON, DomainError
from core.logging import configure_logging
from core.middleware import RequestContextMiddleware
from core.problems import conduit_error_handler, connexion_error_handler
from core.resolver import TagResolver
from core.security import PolicyMiddleware, operation_policies
from core.settings import Settings, get_settings
from core.spec import (
    CONDUIT_SPEC,
    MAIN_SPEC,
    ROOT_SPEC,
    allow_index,
    load_spec,
    split_by_route_group,
)
from core.validation import PARSED_BODY_KEY, validator_map

API_PREFIX = "/api/v1"
CONDUIT_PREFIX = "/conduit/api"


class _OrjsonModule:
    """The json-module interface Connexion's Jsonifier expects, backed by orjson."""

    @staticmethod
    def dumps(data: Any, **_: Any) -> str:
        return orjson.dumps(data).decode()

    @staticmethod
    def loads(data: str | bytes) -> Any:
        return orjson.loads(data)


def _patch_connexion() -> None:
    """Five fixes applied once to Connexion 3.3 (see docs/architecture.md)."""
    # 1. Operations that document errors as application/problem+json and success as
    #    application/json made every plain-dict return a 500 ("Multiple response content types").
    #    Handlers return JSON; problems are rendered by core.problems with their own type.
    #    An empty body (204) gets no Content-Type at all: Connexion labelled it with the first
    #    documented type (even application/problem+json), and clients that trust the label then
    #    fail parsing nothing as JSON.
    original = BaseResponseDecorator._infer_content_type

    def infer_content_type(data: Any, headers: dict[str, Any]) -> str | None:
        if data is None or data is NoContent:
            return None
        try:
            result: str | None = original(data, headers)
        except NonConformingResponseHeaders:
            successes = [p for p in operation.produces if p != PROBLEM_JSON]
            return successes[0] if len(set(successes)) == 1 else "application/json"
        return result

    BaseResponseDecorator._infer_content_type = staticmethod(infer_content_type)

    # 2. The validator already parsed the body with orjson; hand that object to the handler.
    original_json = ConnexionRequest.json

    async def parsed_json(self: ConnexionRequest) -> Any:
        scope = self._starlette_request.scope
        if PARSED_BODY_KEY in scope:
            return scope[PARSED_BODY_KEY]
        return await original_json(self)

    ConnexionRequest.json = parsed_json

    # 3. Connexion rebuilds each operation's decorator chain on every request; build it once.
    fn_property = AsyncOperation.__dict__["fn"]
    if isinstance(fn_property, property) and fn_property.fget is not None:
        cached = functools.cached_property(fn_property.fget)
        cached.__set_name__(AsyncOperation, "fn")
        AsyncOperation.fn = cached

    # 4. The parameter and security decorators inspect the handler's signature on every request
    #    (~140 µs); a function's signature never changes, so remember it.
    if not hasattr(connexion_parameter.inspect_function_arguments, "cache_info"):
        remembered = functools.lru_cache(maxsize=None)(
            connexion_parameter.inspect_function_arguments
        )
        connexion_parameter.inspect_function_arguments = remembered
        connexion_security.inspect_function_arguments = remembered

    # 5. Connexion accepts a request as soon as one of its credentials is valid, even when it
    #    also presents an invalid one (a bad bearer token beside a good session cookie). Trellis
    #    checks every credential presented and refuses the request if any of them is bad, so a
    #    client never silently acts as someone other than it believes.
    connexion_security.SecurityHandlerFactory.verify_security = classmethod(
        _verify_every_credential
    )


def _verify_every_credential(cls: Any, auth_funcs: list[Any]) -> Any:
    async def verify_fn(request: Any) -> None:
        accepted: Any = connexion_security.NO_VALUE
        errors: list[Exception] = []
        for func in auth_funcs:
            try:
                info = func(request)
                while inspect.isawaitable(info):
                    info = await info
            except Exception as error:  # ranked below, as Connexion does
                errors.append(error)
                continue
            if info is not connexion_security.NO_VALUE and accepted is connexion_security.NO_VALUE:
                accepted = info
        authorization = request.headers.get("authorization")
        if authorization is not None and not authorization.lower().startswith(
            ("bearer ", "token ")  # Token: the Conduit facade's scheme
        ):
            # Connexion skips an Authorization header of another scheme; it is still a
            # credential the client meant to use, and it is not one Trellis accepts.
            errors.append(OAuthProblem(detail="Unsupported authorization scheme"))
        if errors:
            cls._raise_most_specific(errors)
        if accepted is connexion_security.NO_VALUE:
            raise OAuthProblem(detail="No authorization token provided")
        request.context.update({"user": accepted.get("sub"), "token_info": accepted})

    return verify_fn


def connexion_app(
    spec: dict[str, Any],
    *,
    name: str,
    package: str = "handlers",
    error_handler: Any = connexion_error_handler,
) -> AsyncApp:
    """One Connexion app for one spec, configured as every Trellis API is (bench/ reuses it)."""
    app = AsyncApp(
        name,
        jsonifier=Jsonifier(_OrjsonModule),
        strict_validation=True,
        validate_responses=True,
        resolver=TagResolver(package),
        validator_map=validator_map(),
        swagger_ui_options=None,
    )
    app.add_middleware(
        PolicyMiddleware,
        position=MiddlewarePosition.BEFORE_VALIDATION,
        policies=operation_policies(spec),
    )
    app.add_api(spec, swagger_ui=False, serve_spec=False)
    for error in (Exception, DomainError, ProblemException, HTTPException, 404):
        app.add_error_handler(error, error_handler)
    app.add_error_handler(405, _method_not_allowed_handler(spec, error_handler))
    return app


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


def _build_stack(app: AsyncApp) -> None:
    """Builds Connexion's lazily built middleware stack now, not on the first request."""
    middleware = app.middleware
    if middleware.middleware_stack is None:
        middleware.app, middleware.middleware_stack = middleware._build_middleware_stack()


class GroupDispatcher:
    """Routes /api/v1/<first>/<second>/... to its route group's app with dict lookups.

    A concrete second segment wins over a templated one (`/identity/users` before
    `/identity/{x}`), as OpenAPI requires; everything else goes to the root API (404 problems).
    """

    def __init__(self, groups: dict[str, ASGIApp], root: ASGIApp) -> None:
        self.groups = groups
        self.root = root
        #: Other APIs under their own prefix (the Conduit facade at /conduit/api).
        self.prefixed: list[tuple[str, ASGIApp]] = []

    def add(self, spec: dict[str, Any], *, name: str, package: str = "handlers") -> None:
        """Serves every route group of `spec` (bench/ adds its own this way)."""
        for group, part in split_by_route_group(spec).items():
            self.groups[group] = connexion_app(part, name=f"{name}.{group}", package=package)

    def app_for(self, path: str) -> ASGIApp:
        if not path.startswith(API_PREFIX + "/"):
            for prefix, app in self.prefixed:
                if path.startswith(prefix):
                    return app
            return self.root
        first, slash, rest = path[len(API_PREFIX) + 1 :].partition("/")
        groups = self.groups
        if not slash:
            return groups.get(first, self.root)
        second = rest.split("/", 1)[0]
        return groups.get(f"{first}/{second}") or groups.get(f"{first}/*", self.root)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app_for(scope.get("path", ""))(scope, receive, send)


_DOCS_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Trellis API</title>
<link rel="stylesheet" href="/docs/static/swagger-ui.css"></head>
<body><div id="ui"></div>
<script src="/docs/static/swagger-ui-bundle.js"></script>
<script src="/docs/static/swagger-ui-standalone-preset.js"></script>
<script>
window.ui = SwaggerUIBundle({urls: %s, dom_id: "#ui", deepLinking: true,
  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
  layout: "StandaloneLayout", persistAuthorization: true});
</script></body></html>"""

#: Published contracts: (label, URL, bundle file).
PUBLISHED = [
    ("Trellis API", f"{API_PREFIX}/openapi.json", MAIN_SPEC),
    ("Root endpoints", "/openapi.json", ROOT_SPEC),
    ("Conduit (RealWorld) facade", f"{CONDUIT_PREFIX}/openapi.json", CONDUIT_SPEC),
]


def _contract_routes() -> list[Any]:
    routes: list[Any] = []
    for _label, url, path in PUBLISHED:
        body = orjson.dumps(load_spec(path))

        async def serve(_request: Request, body: bytes = body) -> Response:
            return Response(body, media_type="application/json")

        routes.append(Route(url, serve, methods=["GET"]))
    urls = orjson.dumps([{"name": label, "url": url} for label, url, _ in PUBLISHED]).decode()
    page = _DOCS_PAGE % html.escape(urls, quote=False)

    async def docs(_request: Request) -> Response:
        return HTMLResponse(page)

    static_dir = Path(swagger_ui_bundle.swagger_ui_path)
    routes += [
        Route("/docs", docs, methods=["GET"]),
        Mount("/docs/static", app=StaticFiles(directory=static_dir), name="docs-static"),
    ]
    return routes


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_json)
    _patch_connexion()

    root_app = connexion_app(load_spec(ROOT_SPEC), name="trellis.root")
    dispatcher = GroupDispatcher({}, root_app)
    dispatcher.add(load_spec(MAIN_SPEC), name="trellis")
    conduit = connexion_app(
        load_spec(CONDUIT_SPEC), name="trellis.conduit", error_handler=conduit_error_handler
    )
    dispatcher.prefixed.append((CONDUIT_PREFIX + "/", conduit))

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # Sync handlers run in AnyIO's pool; match it to the DB pool so threads never queue on it.
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = max(limiter.total_tokens, settings.db_pool_size * 2)
        for group_app in [*dispatcher.groups.values(), root_app, conduit]:
            _build_stack(group_app)
        get_engine()
        yield
        dispose_engine()

    middleware = [Middleware(RequestContextMiddleware, max_body_bytes=settings.max_body_bytes)]
    if settings.cors_origins:
        middleware.append(
            Middleware(
                CORSMiddleware,
                allow_origins=list(settings.cors_origins),
                allow_methods=["GET", "POST", "PUT", "PATCH", "DELETE"],
                allow_headers=[
                    "Authorization",
                    "Content-Type",
                    "If-Match",
                    "Idempotency-Key",
                    "X-API-Key",
                    "X-CSRF-Token",
                    "X-Request-ID",
                    "X-Requested-With",
                ],
                expose_headers=[
                    "ETag",
                    "Location",
                    "Retry-After",
                    "X-Request-ID",
                    "RateLimit-Limit",
                    "RateLimit-Remaining",
                    "RateLimit-Reset",
                ],
                allow_credentials=True,
            )
        )
    app = Starlette(routes=_contract_routes(), middleware=middleware, lifespan=lifespan)
    app.router.default = dispatcher
    return app
