"""Answers that carry a secret are never cached (RFC 6749 §5.1): held over the published contracts.

An operation whose 2xx answer has a secret field (a token, a key, a CSRF token) or sets a cookie
is marked `x-sensitive-response: true` in the spec, and every operation so marked answers with
`Cache-Control: no-store` and `Pragma: no-cache` on a real call. A new operation that hands out
a secret without the marker fails the first test.
"""

from __future__ import annotations

from typing import Any

import pytest

from tests.factories.identity import make_user
from tests.support.contract import Operation, Resolver, example_values, operations, select
from tests.support.credentials import Credentials

#: Property names that hold a secret wherever they appear in an answer.
SECRET_FIELDS = frozenset(
    {"access_token", "refresh_token", "token", "key", "secret", "client_secret", "csrf_token"}
)
#: Operations whose happy path needs a party the example cannot stand in for (the OAuth callback
#: needs a login started at a provider); their example request is still answered with the headers.
# Their success needs a provider login (tests/oauth checks those answers); errors still count.
NEEDS_A_PROVIDER = frozenset({"finishOAuthLogin", "completeOAuthLogin"})


def _properties(schema: Any) -> set[str]:
    if not isinstance(schema, dict):
        return set()
    found: set[str] = set()
    for name, sub in (schema.get("properties") or {}).items():
        found |= {name, *_properties(sub)}
    for key in ("items", "additionalProperties"):
        found |= _properties(schema.get(key))
    for key in ("allOf", "oneOf", "anyOf"):
        for sub in schema.get(key, []):
            found |= _properties(sub)
    return found


def secrets_answered(operation: Operation) -> set[str]:
    """The secret fields (and `Set-Cookie`) of the operation's 2xx answers."""
    found: set[str] = set()
    for code, response in operation.raw.get("responses", {}).items():
        if not code.startswith("2"):
            continue
        for media in (response.get("content") or {}).values():
            found |= _properties(media.get("schema")) & SECRET_FIELDS
        if any(name.lower() == "set-cookie" for name in response.get("headers") or {}):
            found.add("Set-Cookie")
    return found


def _marked(operation: Operation) -> bool:
    return operation.raw.get("x-sensitive-response") is True


def test_every_operation_answering_a_secret_is_marked_sensitive():
    unmarked = {
        str(op): sorted(found)
        for op in operations()
        if (found := secrets_answered(op)) and not _marked(op)
    }
    assert not unmarked, f"mark these `x-sensitive-response: true`: {unmarked}"


def test_the_marker_is_found_on_tokens_keys_sessions_and_facade_users():
    marked = {op.id for op in operations() if _marked(op)}
    assert {
        "createToken",
        "createApiKey",
        "createSession",
        "getCurrentSession",
        "conduitLogin",
        "conduitCreateUser",
        "conduitGetCurrentUser",
        "conduitUpdateCurrentUser",
    } <= marked


def _login_of(body: Any) -> dict[str, str] | None:
    """The email and password of a login example, at the top or under Conduit's `user`."""
    for candidate in (body, (body or {}).get("user") if isinstance(body, dict) else None):
        if isinstance(candidate, dict) and {"email", "password"} <= set(candidate):
            return {"email": candidate["email"], "password": candidate["password"]}
    return None


def _body(operation: Operation) -> Any:
    media = operation.json_body or {}
    examples = media.get("examples") or {}
    first = next(iter(examples.values()), {}).get("value")
    return operation.body_example if operation.body_example is not None else first


@pytest.mark.parametrize("operation", select(_marked))
def test_a_sensitive_operation_answers_no_store(client, operation):
    user = make_user(role="ADMIN")
    body = _body(operation)
    login = _login_of(body)
    if login is not None and operation.id not in ("conduitCreateUser",):
        user = make_user(role="ADMIN", **login)
    credentials = Credentials(client, user)
    values = (
        Resolver(client, credentials).path_values(operation)
        if operation.path_parameters
        else example_values(operation)
    )
    query = {
        p["name"]: p["example"]
        for p in operation.parameters
        if p["in"] == "query" and p.get("required")
    }
    response = client.request(
        operation.method.upper(),
        operation.url(values),
        params=query,
        json=body,
        headers=credentials(operation),
    )
    if operation.id not in NEEDS_A_PROVIDER:
        assert response.status_code < 300, f"{operation}: {response.text}"
    assert response.headers.get("cache-control") == "no-store", operation
    assert response.headers.get("pragma") == "no-cache", operation


def test_an_operation_without_the_marker_leaves_caching_alone(client):
    assert "cache-control" not in client.get("/api/v1/blog/tags").headers
