"""core.app.DispatchingRouter: an API request goes straight to the route-group dispatcher, without
trying the outer routes; the outer routes, their trailing-slash redirects and the WebSocket route
under the API prefix answer as Starlette's router answers them."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.routing import Mount, Route, WebSocketRoute

from core.app import DispatchingRouter
from tests.factories.identity import auth_headers
from tests.support.routes import routes_tried


def test_an_api_request_tries_no_outer_route(client, user, monkeypatch):
    tried = routes_tried(monkeypatch)
    assert client.get("/api/v1/tasks", headers=auth_headers(user)).status_code == 200
    outer = {route.path for route in client.app.router.routes}
    assert not outer & set(tried)


def test_a_conduit_request_tries_no_outer_route(client, monkeypatch):
    tried = routes_tried(monkeypatch)
    assert client.get("/conduit/api/tags").status_code == 200
    outer = {route.path for route in client.app.router.routes}
    assert not outer & set(tried)
    # The facade's own contract is an outer route under its prefix, and still answers.
    assert client.get("/conduit/api/openapi.json").json()["openapi"].startswith("3.")


def test_the_outer_routes_answer_as_before(client):
    assert client.get("/api/v1/openapi.json").json()["openapi"].startswith("3.")
    moved = client.get("/api/v1/openapi.json/", follow_redirects=False)
    assert (moved.status_code, moved.headers["location"]) == (
        307,
        "http://127.0.0.1/api/v1/openapi.json",
    )
    assert client.get("/docs").status_code == 200
    missing = client.get("/api/v1/no-such-thing")
    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"


@pytest.mark.parametrize(
    ("route", "shortcut"),
    [
        (Route("/api/v1/openapi.json", lambda _: None), True),
        (WebSocketRoute("/api/v1/rooms/{room}/socket", lambda _: None), True),
        (Route("/api/v1/things/{thing}", lambda _: None), False),
        (Mount("/api/v1/static", app=lambda *_: None), False),
    ],
)
def test_the_shortcut_holds_only_over_plain_outer_paths(route: Any, shortcut: bool) -> None:
    router = DispatchingRouter([route], ("/api/v1/", "/conduit/api/"))
    assert ("/api/v1/" in router.prefixes) is shortcut
    assert "/conduit/api/" in router.prefixes  # the other prefix keeps its shortcut
