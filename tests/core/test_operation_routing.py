"""core.connexion_app's router of an API's operations: a request tries the routes of its exact
path first, and answers as Starlette's router does (first match wins, a method the path does not
serve is 405, a path nothing serves goes to the default)."""

from __future__ import annotations

from typing import Any

import pytest
from starlette.responses import PlainTextResponse
from starlette.routing import Route, Router
from starlette.testclient import TestClient

from core.connexion_app import _ExactPathFirstRouter
from tests.factories.identity import auth_headers
from tests.support.routes import routes_tried


def _answering(name: str) -> Any:
    async def endpoint(_request: Any) -> PlainTextResponse:
        return PlainTextResponse(name)

    return endpoint


async def _default(scope: Any, receive: Any, send: Any) -> None:
    await PlainTextResponse("default", status_code=404)(scope, receive, send)


def _routes() -> list[Route]:
    return [
        Route("/things", _answering("list things"), methods=["GET"]),
        Route("/items/{item_id}", _answering("one item"), methods=["GET"]),
        Route("/things", _answering("create thing"), methods=["POST"]),
        # Shadowed: the templated route before it takes the path, in both routers.
        Route("/items/new", _answering("new item form"), methods=["GET"]),
        Route("/things/{thing_id}", _answering("one thing"), methods=["GET"]),
        Route("/things/count", _answering("count things"), methods=["GET"]),
    ]


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("GET", "/things"),
        ("POST", "/things"),
        ("HEAD", "/things"),
        ("DELETE", "/things"),  # 405, with the methods the path serves
        ("GET", "/items/new"),
        ("GET", "/items/7"),
        ("GET", "/things/count"),  # exact, listed after a templated route of another path
        ("GET", "/things/9"),
        ("GET", "/nothing/here"),
        ("GET", "/things/"),  # Starlette's trailing-slash redirect
    ],
)
def test_it_answers_as_starlettes_router(method, path):
    ours = TestClient(_ExactPathFirstRouter(routes=_routes(), default=_default))
    starlettes = TestClient(Router(routes=_routes(), default=_default))
    expected = starlettes.request(method, path, follow_redirects=False)
    answered = ours.request(method, path, follow_redirects=False)
    assert (answered.status_code, answered.text, answered.headers.get("allow")) == (
        expected.status_code,
        expected.text,
        expected.headers.get("allow"),
    )


def test_a_conduit_create_tries_only_the_routes_of_its_path(client, user, monkeypatch):
    tried = routes_tried(monkeypatch)
    article = {"title": "Routed", "description": "d", "body": "b", "tagList": []}
    created = client.post(
        "/conduit/api/articles",
        json={"article": article},
        headers=auth_headers(user),  # the facade takes main-API tokens too
    )
    assert created.status_code == 201, created.text
    # Starlette's router tried /users/login, /users, /user, the profiles' paths... first.
    assert set(tried) == {"/articles"}, tried
