"""The application: a Starlette outer app dispatching to a few small Connexion apps.

    HTTP -> RequestContextMiddleware (request id, log, body cap) -> [CORS] -> Starlette router
            ├── /docs, /api/v1/openapi.json, /openapi.json, /conduit/api/openapi.json
            ├── browser pages (handlers/<slug>_pages.py: /demo), realtime sockets
            └── GroupDispatcher: /api/v1/<a>/<b>/... -> the Connexion app serving group a/b (or a/*)
                                 /conduit/api/...     -> the Conduit facade's Connexion app
                                 anything else        -> the root API (/health, /ready, 404s)
                                 (an operation's `x-fast-path` may answer first: fast_paths)

The main API is cut into parts of a dozen paths at most (core.spec.split_by_route_group), so the
cost of routing does not grow with the contract (bench/spec_growth.py measures it). Every Connexion
app is built by core.connexion_app.connexion_app, the one place where Trellis configures
Connexion. docs/architecture.md follows a request through all of it.
"""

from __future__ import annotations

import contextlib
import gc
import html
import importlib
import pkgutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import anyio.to_thread
import orjson
import swagger_ui_bundle
from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import BaseRoute, Mount, Route, Router, WebSocketRoute
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from core import realtime, sockets, threads
from core.conduit_validation import conduit_validator_map
from core.connexion_app import build_now, connexion_app
from core.db import dispose_engine, get_engine
from core.lifecycle import run_shutdown_hooks
from core.logging import configure_logging
from core.middleware import BodyCaps, RequestContextMiddleware
from core.problems import CONDUIT_PREFIX, conduit_error_handler, send_problem
from core.redis_client import serving_loop
from core.settings import Settings, get_settings
from core.spec import (
    CONDUIT_SPEC,
    MAIN_SPEC,
    ROOT_SPEC,
    body_caps,
    concrete_paths,
    load_spec,
    split_by_route_group,
)
from core.wire import API_PREFIX


class GroupDispatcher:
    """Routes /api/v1/<first>/<second>/... to the app serving that route group, by dict lookups.

    A concrete second segment wins over a templated one (`/identity/users` before
    `/identity/{x}`), as OpenAPI requires; everything else goes to the root API (404 problems).
    So does a concrete path over a templated one within a group: a method the contract does not
    document for a concrete path is a 405 here, before the template's operation could take it.
    """

    def __init__(self, groups: dict[str, ASGIApp], root: ASGIApp) -> None:
        self.groups = groups
        self.root = root
        #: Other APIs under their own prefix (the Conduit facade at /conduit/api).
        self.prefixed: list[tuple[str, ASGIApp]] = []
        #: Fast paths of every operation naming an `x-fast-path`: method -> [(path prefix,
        #: answerer)] (`add_fast_paths`).
        self.fast: dict[str, list[tuple[str, FastPath]]] = {}
        #: Template-free paths of the added specs -> their Allow header (core.spec.concrete_paths).
        self.concrete: dict[str, str] = {}

    def add(self, spec: dict[str, Any], *, package: str = "handlers") -> None:
        """Serves every route group of `spec` (bench/ adds its own this way)."""
        for groups, part in split_by_route_group(spec):
            app = connexion_app(part, package=package)
            self.groups.update(dict.fromkeys(groups, app))
        self.concrete.update(concrete_paths(spec))

    def add_fast_paths(self, spec: dict[str, Any], *, prefix: str = "") -> None:
        """Takes the fast paths of `spec`, whose paths are served under `prefix`. A request
        meets only those of its own method; an answerer named for several paths is tried once,
        under the shortest of its prefixes that the others start with (the Conduit article list's
        `/articles` and its article's `/articles/`): a POST that creates an article, or a signed
        GET of one, asks no fast path or one, not two."""
        for method, path, answerer in fast_paths(spec):
            taken = self.fast.setdefault(method, [])
            path = prefix + path
            if any(fast is answerer and path.startswith(known) for known, fast in taken):
                continue
            taken[:] = [
                (known, fast)
                for known, fast in taken
                if not (fast is answerer and known.startswith(path))
            ]
            taken.append((path, answerer))

    def apps(self) -> list[ASGIApp]:
        """Every app it dispatches to, once each (route groups of one domain share an app)."""
        every = [*self.groups.values(), *(app for _, app in self.prefixed), self.root]
        return list({id(app): app for app in every}.values())

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
        path = scope.get("path", "")
        for prefix, fast in self.fast.get(scope.get("method", ""), ()):
            if path.startswith(prefix) and await fast(scope, receive, send):
                return
        allowed = self.concrete.get(path)
        if (
            allowed is not None
            and scope["type"] == "http"
            and scope["method"] != "OPTIONS"
            and scope["method"] not in allowed.split(", ")
        ):
            await send_problem(scope, receive, send, HTTPException(405, headers={"Allow": allowed}))
            return
        await self.app_for(path)(scope, receive, send)


#: An operation's fast path: answers the request itself (True) or leaves it, untouched, to the
#: operation's Connexion handler (False).
FastPath = Callable[[Scope, Receive, Send], Awaitable[bool]]


def fast_paths(spec: dict[str, Any]) -> list[tuple[str, str, FastPath]]:
    """(method, literal path prefix, answerer) for each operation of `spec` naming an
    `x-fast-path`: the method in capitals, as ASGI gives it.

    A fast path is an optimisation for an operation whose common answer must cost far less than
    Connexion's routing, validation and thread hop (the short-link redirect): an `async`
    function, given the raw ASGI request, that answers only the requests it fully understands
    and leaves every other one (bad input, errors, unusual cases) to the operation's ordinary
    handler, so the contract is still what answers them. What it answers must match the spec:
    the contract tests send it the same cases as every other operation.
    """
    found = []
    for path, item in spec.get("paths", {}).items():
        for method, operation in item.items():
            target = operation.get("x-fast-path") if isinstance(operation, dict) else None
            if target:
                module, _, name = target.rpartition(".")
                answerer = getattr(importlib.import_module(module), name)
                found.append((method.upper(), path.split("{", 1)[0], answerer))
    return found


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
    # The realtime contract (WebSocket channels), next to the HTTP ones.
    asyncapi = sockets.ASYNCAPI_SPEC.read_bytes()

    async def serve_asyncapi(_request: Request) -> Response:
        return Response(asyncapi, media_type="application/yaml")

    routes.append(Route("/asyncapi.yaml", serve_asyncapi, methods=["GET"]))
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


def page_routes(package: str = "handlers") -> list[BaseRoute]:
    """Browser pages served next to the API, outside the OpenAPI contract: the `ROUTES` of every
    `<package>/<slug>_pages.py` (the demo page: handlers/demo_pages.py). Found by name, like the
    realtime rows' sockets (core.sockets.discover), so a page adds no shared code."""
    routes: list[BaseRoute] = []
    root = importlib.import_module(package)
    for info in sorted(pkgutil.iter_modules(root.__path__), key=lambda item: item.name):
        if info.name.endswith("_pages"):
            routes.extend(getattr(importlib.import_module(f"{package}.{info.name}"), "ROUTES", ()))
    return routes


def settle_startup_objects() -> None:
    """Moves everything startup built (the contract's parsed documents, validators, routes,
    mappers: ~190,000 objects) out of the garbage collector's reach.

    They live as long as the process, but every full collection walked them again: ~150 ms with
    the whole process stalled, every few thousand requests, which was the p99 of open-loop runs at
    25 % load (bench/RESULTS.md). Collected first, so startup's own garbage is not kept forever.
    """
    gc.collect()
    gc.freeze()


def create_app(settings: Settings | None = None) -> Starlette:
    settings = settings or get_settings()
    configure_logging(settings.log_level, settings.log_json)
    root_spec, main_spec = load_spec(ROOT_SPEC), load_spec(MAIN_SPEC)
    root_app = connexion_app(root_spec)
    dispatcher = GroupDispatcher({}, root_app)
    dispatcher.add_fast_paths(root_spec)
    dispatcher.add(main_spec)
    dispatcher.add_fast_paths(main_spec, prefix=API_PREFIX)
    conduit_spec = load_spec(CONDUIT_SPEC)
    conduit = connexion_app(
        conduit_spec,
        error_handler=conduit_error_handler,
        validators=conduit_validator_map(),
    )
    dispatcher.prefixed.append((CONDUIT_PREFIX + "/", conduit))
    dispatcher.add_fast_paths(conduit_spec, prefix=CONDUIT_PREFIX)
    # The realtime rows' WebSocket routes (handlers/<slug>_realtime.py): core.sockets.
    realtime_modules = sockets.discover()

    @contextlib.asynccontextmanager
    async def lifespan(_app: Starlette) -> AsyncIterator[None]:
        # Sync handlers run in core.threads' pool (other blocking calls in AnyIO's): match both
        # to the DB pool so threads never queue on it.
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = max(limiter.total_tokens, settings.db_pool_size * 2)
        threads.set_size(int(limiter.total_tokens))
        for group_app in dispatcher.apps():
            build_now(group_app)
        get_engine()
        async with (
            serving_loop(),
            realtime.serving(),
            sockets.realtime_lifespans(realtime_modules.lifespans),
        ):
            settle_startup_objects()
            try:
                yield
            finally:
                # A process that builds apps again (the tests) must be able to collect this one.
                gc.unfreeze()
        # What domains hold in memory reaches the database before the engine goes (core.lifecycle).
        await anyio.to_thread.run_sync(run_shutdown_hooks)
        dispose_engine()

    caps = BodyCaps(
        settings.max_body_bytes,
        [cap for spec in (root_spec, main_spec) for cap in body_caps(spec)],
    )
    middleware = [Middleware(RequestContextMiddleware, body_caps=caps)]
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
    routes = [*_contract_routes(), *page_routes(), *realtime_modules.routes]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.router = DispatchingRouter(
        routes, (API_PREFIX + "/", CONDUIT_PREFIX + "/"), lifespan=lifespan, default=dispatcher
    )
    return app


class DispatchingRouter(Router):
    """The app's outer router. An HTTP request under one of `prefixes` (the main API's, the
    Conduit facade's) that none of its own routes can take goes straight to the default (the
    route-group dispatcher): Starlette would try every route, then every route again with the
    path's trailing slash toggled (redirect_slashes), before falling back to it (~14 failed
    matches per API request, bench/RESULTS.md). Anything else (its own routes, WebSockets,
    lifespan) goes through Starlette's routing unchanged. Routes under a prefix must be plain
    paths (no parameters, no mounts) for the shortcut to hold there; otherwise it is off for
    that prefix."""

    def __init__(self, routes: list[BaseRoute], prefixes: tuple[str, ...], **kwargs: Any) -> None:
        super().__init__(routes, **kwargs)
        own: set[str] = set()
        shortcut = []
        for prefix in prefixes:
            plain = True
            for route in routes:
                if isinstance(route, WebSocketRoute):
                    continue
                path = getattr(route, "path", "")
                if not (path + "/").startswith(prefix):
                    continue
                if isinstance(route, Route) and "{" not in path:
                    own.add(path.rstrip("/"))
                else:
                    plain = False
            if plain:
                shortcut.append(prefix)
        #: The prefixes the shortcut holds for (str.startswith takes the tuple).
        self.prefixes = tuple(shortcut)
        self.own = frozenset(own)

    async def app(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if (
            scope["type"] == "http"
            and path.startswith(self.prefixes)
            and path.rstrip("/") not in self.own
        ):
            scope.setdefault("router", self)
            await self.default(scope, receive, send)
            return
        await super().app(scope, receive, send)
