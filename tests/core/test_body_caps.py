"""An operation's own body cap (`x-max-body-bytes`) against the platform's MAX_BODY_BYTES."""

from __future__ import annotations

import pytest
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route
from starlette.testclient import TestClient

from core.middleware import BodyCaps, RequestContextMiddleware
from core.settings import get_settings, setting_value
from core.spec import body_caps

SPEC = {
    "servers": [{"url": "/api/v1"}],
    "paths": {
        "/files/{file_id}": {"post": {"x-max-body-bytes": 100}, "get": {}},
        "/named": {"post": {"x-max-body-bytes": "MAX_BODY_BYTES"}},
        "/plain": {"post": {}},
    },
}


async def _length(request: Request) -> JSONResponse:
    return JSONResponse({"received": len(await request.body())})


@pytest.fixture
def client() -> TestClient:
    routes = [
        Route(path, _length, methods=["POST"])
        for path in ("/api/v1/files/{file_id}", "/api/v1/named", "/api/v1/plain")
    ]
    caps = BodyCaps(10, body_caps(SPEC))
    app = Starlette(
        routes=routes, middleware=[Middleware(RequestContextMiddleware, body_caps=caps)]
    )
    return TestClient(app)


def _chunks(size: int):
    for _ in range(size // 10):
        yield b"x" * 10


def test_an_operation_may_accept_more_than_the_default(client):
    response = client.post("/api/v1/files/7", content=b"x" * 100)
    assert response.status_code == 200
    assert response.json() == {"received": 100}


def test_its_own_cap_answers_413_from_the_declared_length(client):
    response = client.post("/api/v1/files/7", content=b"x" * 101)
    assert response.status_code == 413
    assert response.json()["type"] == "/problems/payload-too-large"
    assert "100 bytes" in response.json()["detail"]


def test_its_own_cap_answers_413_while_a_chunked_body_streams(client):
    response = client.post("/api/v1/files/7", content=_chunks(200))
    assert response.status_code == 413
    assert response.json()["type"] == "/problems/payload-too-large"


def test_other_operations_keep_the_default(client):
    assert client.post("/api/v1/plain", content=b"x" * 11).status_code == 413
    assert client.post("/api/v1/plain", content=b"x" * 10).status_code == 200


def test_a_cap_may_name_the_setting_that_holds_it(client):
    default = get_settings().max_body_bytes
    assert default > 10
    assert client.post("/api/v1/named", content=b"x" * 11).status_code == 200
    assert setting_value("MAX_BODY_BYTES") == default


def test_an_unknown_setting_name_is_refused():
    with pytest.raises(KeyError):
        setting_value("NO_SUCH_SETTING_ANYWHERE")
