from __future__ import annotations

import json

import pytest

from services import tasks
from tests.factories.identity import auth_headers
from tests.problems import assert_problem


@pytest.mark.parametrize(
    "path", ["/api/v1/nothing-here", "/api/v1/tasks/a/b/c", "/nowhere", "/api/v1"]
)
def test_unknown_routes_are_problem_404(client, path):
    assert_problem(client.get(path), 404, "/problems/not-found")


def test_wrong_method_is_problem_405(client, user):
    response = client.put("/api/v1/tasks", headers=auth_headers(user))
    assert_problem(response, 405, "/problems/method-not-allowed")
    assert response.headers["allow"] == "GET, POST, HEAD"


@pytest.mark.parametrize(
    ("path", "allowed"),
    [
        ("/api/v1/tasks/3f1c0d62-8a4e-4a8b-9d61-0c7f1b2e4d5a", "GET, DELETE, PATCH, HEAD"),
        ("/health", "GET, HEAD"),
    ],
)
def test_405_allow_lists_every_documented_method(client, path, allowed):
    """Starlette alone would list only the first route's methods for a path."""
    response = client.options(path)
    assert_problem(response, 405, "/problems/method-not-allowed")
    assert response.headers["allow"] == allowed


def _post_task_bytes(client, user, content):  # type: ignore[no-untyped-def]
    """A task body sent as raw bytes (or a stream of them), not encoded by the test client."""
    headers = {**auth_headers(user), "content-type": "application/json"}
    return client.post("/api/v1/tasks", content=content, headers=headers)


def test_malformed_json_is_400(client, user):
    body = assert_problem(
        _post_task_bytes(client, user, b'{"title": '), 400, "/problems/validation"
    )
    assert body["errors"][0]["field"] == "body"


def test_non_utf8_body_is_400(client, user):
    response = _post_task_bytes(client, user, b'{"title": "\xff\xfe"}')
    body = assert_problem(response, 400, "/problems/validation")
    assert "UTF-8" in body["errors"][0]["message"]


def test_streamed_body_over_the_cap_is_413(client, user):
    def chunks():
        yield b'{"title": "x", "notes": "'
        for _ in range(1100):
            yield b"n" * 1024
        yield b'"}'

    assert_problem(_post_task_bytes(client, user, chunks()), 413, "/problems/payload-too-large")


def test_validation_problem_names_each_failing_field(client, user):
    response = client.post(
        "/api/v1/tasks", json={"notes": 5, "extra": True}, headers=auth_headers(user)
    )
    body = assert_problem(response, 400, "/problems/validation")
    assert {e["field"] for e in body["errors"]} == {"body.title", "body.notes", "body.extra"}


def test_query_problem_does_not_embed_the_schema(client, user):
    response = client.get("/api/v1/tasks", params={"limit": "lots"}, headers=auth_headers(user))
    body = assert_problem(response, 400, "/problems/validation")
    assert body["errors"] == [
        {"field": "query.limit", "message": '"lots" is not of type "integer"'}
    ]
    assert "maximum" not in body["detail"]


def test_unhandled_exception_is_500_without_leaking_details(client, user, monkeypatch, capsys):
    def explode(*_args, **_kwargs):
        raise RuntimeError("SELECT password_hash FROM identity_users -- secret sauce")

    monkeypatch.setattr(tasks, "list_tasks", explode)
    response = client.get("/api/v1/tasks", headers=auth_headers(user))
    body = assert_problem(response, 500, "/problems/internal")
    assert "SELECT" not in response.text and "secret" not in response.text
    assert "Traceback" not in response.text
    assert body["detail"] == "The server could not complete the request."
    assert "secret sauce" in capsys.readouterr().out  # the log keeps what the client must not see


def test_request_id_is_echoed_when_sane_and_replaced_otherwise(client):
    assert (
        client.get("/health", headers={"X-Request-ID": "abc-12345678"}).headers["x-request-id"]
        == "abc-12345678"
    )
    replaced = client.get("/health", headers={"X-Request-ID": "bad id with spaces"}).headers[
        "x-request-id"
    ]
    assert replaced != "bad id with spaces" and len(replaced) == 32
    assert len(client.get("/health").headers["x-request-id"]) == 32


def test_request_log_line_has_the_request_fields(client, user, capsys):
    client.get("/api/v1/tasks", headers={**auth_headers(user), "X-Request-ID": "log-test-0001"})
    lines = [
        json.loads(line) for line in capsys.readouterr().out.splitlines() if line.startswith("{")
    ]
    entry = next(line for line in lines if line.get("request_id") == "log-test-0001")
    assert entry["operation_id"] == "listTasks"
    assert entry["method"] == "GET"
    assert entry["status"] == 200
    assert entry["user_id"] == str(user.id)
    assert isinstance(entry["duration_ms"], float)


def test_published_contract_and_docs(client):
    spec = client.get("/api/v1/openapi.json")
    assert spec.status_code == 200
    assert spec.json()["openapi"] == "3.0.3"
    assert "/tasks" in spec.json()["paths"]
    assert client.get("/openapi.json").json()["paths"].keys() >= {"/health", "/ready"}
    docs = client.get("/docs")
    assert docs.status_code == 200 and "SwaggerUIBundle" in docs.text
    assert "/api/v1/openapi.json" in docs.text
    assert client.get("/docs/static/swagger-ui-bundle.js").status_code == 200


def test_health_and_readiness(client):
    health = client.get("/health")
    assert health.status_code == 200
    assert health.headers["content-type"] == "application/health+json"
    assert health.json()["status"] == "pass"
    ready = client.get("/ready").json()
    assert ready["status"] == "pass"
    assert ready["checks"]["database:migrations"][0]["status"] == "pass"


def test_chunked_body_without_content_length_is_read(client, user):
    def chunks():
        yield b'{"title": '
        yield b'"chunked"}'

    response = _post_task_bytes(client, user, chunks())
    assert response.status_code == 201
    assert response.json()["title"] == "chunked"


def _post_task_due(client, user, due_at):  # type: ignore[no-untyped-def]
    return client.post(
        "/api/v1/tasks", json={"title": "t", "due_at": due_at}, headers=auth_headers(user)
    )


def test_leap_second_is_read_as_the_second_before(client, user):
    leap = _post_task_due(client, user, "2026-06-30T23:59:60Z")
    assert leap.status_code == 201
    assert leap.json()["due_at"] == "2026-06-30T23:59:59+00:00"


def test_unrepresentable_datetime_is_400_not_500(client, user):
    early = _post_task_due(client, user, "0001-01-01T00:00:00+01:00")
    assert_problem(early, 400, "/problems/validation")


def test_nul_characters_are_refused_everywhere(client, user):
    body = client.post("/api/v1/tasks", json={"title": "a\u0000b"}, headers=auth_headers(user))
    assert body.status_code == 400
    assert body.json()["errors"] == [
        {"field": "body.title", "message": "NUL characters are not allowed."}
    ]
    query = client.get("/api/v1/tasks", params={"q": "x\u0000"}, headers=auth_headers(user))
    assert query.status_code == 400
    assert query.json()["errors"][0]["field"] == "query.q"
    # Deep in a body, and in the Conduit facade's bodies (their own wording of the schema's
    # errors, then the same refusal).
    article = {"title": "t", "description": "d", "body": "b", "tagList": ["ok", "x\u0000"]}
    conduit = client.post(
        "/conduit/api/articles", json={"article": article}, headers=auth_headers(user)
    )
    assert conduit.status_code == 422, conduit.text
    assert "NUL" in str(conduit.json()), conduit.json()
    # The text `\\u0000` (a backslash, then u0000) is no NUL: it is stored as written.
    text = client.post("/api/v1/tasks", json={"title": "a\\u0000b"}, headers=auth_headers(user))
    assert text.status_code == 201 and text.json()["title"] == "a\\u0000b"
