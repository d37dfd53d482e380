"""The answers every operation shares, checked on every operation of the published contracts.

Parametrized over tests/support/contract.py's reading of generated/*.yaml, so a new operation gets
these checks without a line here, and domain test modules keep only their domain's rules:

- no credentials on a secured operation: 401 (with a Bearer challenge where a bearer token would
  do); a plain user on an operation for other roles (`x-roles`): 403;
- a malformed path or query parameter, an invalid body, an unknown query parameter, a cursor
  the server did not mint: 400 (the Conduit facade answers 422 in the RealWorld error format);
- an unknown id, under existing parents: 404;
- an If-Match that was current before the last change: 412 and the resource unchanged; no
  If-Match where `x-if-match: required`: 428;
- a JSON body nested deeper than core.validation.MAX_DEPTH: 400 before validation;
- a body over MAX_BODY_BYTES: 413; a body that is not JSON by its Content-Type: 415 (documented
  by every operation of the Conduit facade that takes a body).

Every other part of each request is valid (credentials, example bodies and parameters), so the
answer can only come from the rule under test.
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from core.settings import get_settings
from core.validation import MAX_DEPTH
from tests.factories.identity import make_user
from tests.problems import PROBLEM, assert_problem
from tests.support.contract import (
    Operation,
    Resolver,
    example_values,
    free_text_edit,
    malformed,
    operations,
    producer_for,
    reader_of,
    select,
    writer_of,
)
from tests.support.credentials import Credentials

VALIDATION = "/problems/validation"
#: Each domain names its own kind of missing thing (`/problems/tasks/not-found`,
#: `/problems/blog/comment-not-found`); the shared part is the suffix.
NOT_FOUND = re.compile(r"/problems/(?:[a-z0-9-]+/)?(?:[a-z0-9-]+-)?not-found")


@pytest.fixture
def credentials(client) -> Credentials:  # type: ignore[no-untyped-def]
    return Credentials(client, make_user(role="ADMIN"))


@pytest.fixture
def resolver(client, credentials) -> Resolver:  # type: ignore[no-untyped-def]
    return Resolver(client, credentials)


def expect(response: Any, operation: Operation, status: int, type_: str | re.Pattern[str]) -> None:
    """The problem answer, or the Conduit facade's RealWorld error (`{"errors": {...}}`, and 422
    where the platform says 400)."""
    if operation.api.name != "conduit":
        assert_problem(response, status, type_)
        return
    status = 422 if status == 400 else status
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert set(body) == {"errors"}, body
    assert all(isinstance(messages, list) and messages for messages in body["errors"].values())


def send(
    client: Any,
    operation: Operation,
    headers: dict[str, str],
    values: dict[str, Any] | None = None,
    *,
    query: dict[str, Any] | None = None,
    **request: Any,
) -> Any:
    """The operation's request, valid in every part the caller does not override."""
    params = {
        p["name"]: p["example"]
        for p in operation.parameters
        if p["in"] == "query" and p.get("required")
    }
    headers = dict(headers)
    if operation.parameter("header", "If-Match") is not None:
        # Well-formed, so that a required If-Match (428) does not answer before the rule under test.
        headers.setdefault("If-Match", '"1"')
    if "json" not in request and "content" not in request and operation.json_body is not None:
        request["json"] = operation.body_example
    return client.request(
        operation.method.upper(),
        operation.url(values if values is not None else example_values(operation)),
        params={**params, **(query or {})},
        headers=headers,
        **request,
    )


def _documents(operation: Operation, status: int) -> None:
    documented = operation.responses
    if operation.api.name == "conduit" and status == 400:
        status = 422
    assert str(status) in documented, f"{operation} does not document its {status}"


# ---- 401 ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("operation", select(lambda op: not op.is_public))
def test_a_secured_operation_without_credentials_is_401(client, operation):
    _documents(operation, 401)
    response = send(client, operation, {})
    expect(response, operation, 401, "/problems/unauthorized")
    schemes = operation.api.document["components"]["securitySchemes"]
    if any(schemes[name].get("scheme") == "bearer" for alt in operation.security for name in alt):
        assert response.headers["www-authenticate"].startswith("Bearer")


def _optionally_secured(operation: Operation) -> bool:
    return operation.is_public and any(operation.security)


@pytest.mark.parametrize("operation", select(_optionally_secured))
def test_a_bad_credential_is_401_where_anonymous_callers_are_served(client, operation):
    """An operation open to anonymous callers still refuses a credential it cannot verify:
    silently serving the caller as anonymous would hide an expired or forged token."""
    _documents(operation, 401)
    scheme = "Token" if operation.api.name == "conduit" else "Bearer"
    response = send(client, operation, {"Authorization": f"{scheme} not-a-token"})
    expect(response, operation, 401, "/problems/unauthorized")


def _for_roles(operation: Operation) -> bool:
    return "x-roles" in operation.raw and "USER" not in operation.raw["x-roles"]


@pytest.mark.parametrize("operation", select(_for_roles))
def test_a_plain_user_on_an_operation_for_other_roles_is_403(client, operation):
    _documents(operation, 403)
    response = send(client, operation, Credentials(client, make_user())(operation))
    expect(response, operation, 403, "/problems/forbidden")


# ---- 400 ----------------------------------------------------------------------------------------


def _malformable(operation: Operation) -> list[Any]:
    return [p for p in operation.path_parameters if malformed(p["schema"]) is not None]


@pytest.mark.parametrize("operation", select(lambda op: bool(_malformable(op))))
def test_a_malformed_path_parameter_is_400(client, credentials, operation):
    _documents(operation, 400)
    for parameter in _malformable(operation):
        values = {**example_values(operation), parameter["name"]: malformed(parameter["schema"])}
        response = send(client, operation, credentials(operation), values)
        if parameter["schema"]["type"] == "integer":
            # Connexion routes an integer path parameter with Starlette's `int` converter, so a
            # segment that is not a number matches no route: 404 before any validation runs.
            expect(response, operation, 404, "/problems/not-found")
            if "maximum" not in parameter["schema"]:
                continue
            values[parameter["name"]] = parameter["schema"]["maximum"] + 1
            response = send(client, operation, credentials(operation), values)
        expect(response, operation, 400, VALIDATION)
        if operation.api.name != "conduit":
            fields = {error["field"] for error in response.json()["errors"]}
            assert f"path.{parameter['name']}" in fields, response.text


def _malformable_query(operation: Operation) -> list[Any]:
    return [
        p for p in operation.parameters if p["in"] == "query" and malformed(p["schema"]) is not None
    ]


@pytest.mark.parametrize("operation", select(lambda op: bool(_malformable_query(op))))
def test_a_malformed_query_parameter_is_400(client, credentials, operation):
    _documents(operation, 400)
    for parameter in _malformable_query(operation):
        value = malformed(parameter["schema"])
        response = send(client, operation, credentials(operation), query={parameter["name"]: value})
        expect(response, operation, 400, VALIDATION)
        fields = response.json()["errors"]
        if operation.api.name == "conduit":
            assert parameter["name"] in fields, response.text
        else:
            assert f"query.{parameter['name']}" in {error["field"] for error in fields}


def _pages(operation: Operation) -> bool:
    """Paged, and under parents the links can create (a page of an unknown parent is a 404)."""
    return operation.parameter("query", "cursor") is not None and all(
        producer_for(operation, p["name"]) for p in operation.path_parameters
    )


@pytest.mark.parametrize("operation", select(_pages))
def test_a_cursor_the_server_did_not_mint_is_400(client, credentials, resolver, operation):
    """The service decodes the cursor after the credential is resolved, so each kind the
    operation accepts is tried: a page under a parent by the parent's owner, a top-level list by
    an admin of its own per kind (who has nothing stored yet)."""
    _documents(operation, 400)
    forged = "bm90IGEgY3Vyc29y"  # base64 of "not a cursor": well-formed, never minted
    values = resolver.path_values(operation)
    for alternative in [alt for alt in operation.security if alt] or [[]]:
        caller = credentials if values else Credentials(client, make_user(role="ADMIN"))
        headers = caller.for_alternative(alternative)
        response = send(client, operation, headers, values, query={"cursor": forged})
        expect(response, operation, 400, "/problems/invalid-cursor")


def _object_body(operation: Operation) -> bool:
    media = operation.json_body
    return media is not None and media.get("schema", {}).get("type") == "object"


@pytest.mark.parametrize("operation", select(_object_body))
def test_a_body_that_breaks_its_schema_is_400(client, credentials, operation):
    _documents(operation, 400)
    headers = credentials(operation)
    response = send(client, operation, headers, json=["not", "an", "object"])
    expect(response, operation, 400, VALIDATION)
    schema = operation.json_body["schema"]  # type: ignore[index]
    if schema.get("additionalProperties") is False:
        body = {**(operation.body_example or {}), "no_such_field": True}
        response = send(client, operation, headers, json=body)
        expect(response, operation, 400, VALIDATION)


def _ignores_its_query_string(operation: Operation) -> bool:
    return bool(operation.raw.get("x-ignore-unknown-query") is True)


@pytest.mark.parametrize("operation", select(lambda op: not _ignores_its_query_string(op)))
def test_an_unknown_query_parameter_is_400(client, credentials, operation):
    _documents(operation, 400)
    response = send(client, operation, credentials(operation), query={"no_such_parameter": "1"})
    expect(response, operation, 400, VALIDATION)
    fields = response.json()["errors"]
    if operation.api.name == "conduit":
        assert list(fields) == ["no_such_parameter"]
    else:
        assert [error["field"] for error in fields] == ["query.no_such_parameter"]


# ---- 404 ----------------------------------------------------------------------------------------


def _names_a_resource(operation: Operation) -> bool:
    return bool(operation.path_parameters) and "404" in operation.responses


def _reachable(operation: Operation) -> bool:
    """The facade's third-party contract has no links: there, only top-level resources."""
    return _names_a_resource(operation) and (
        operation.api.name == "main" or len(operation.path_parameters) == 1
    )


@pytest.mark.parametrize("operation", select(_reachable))
def test_an_unknown_id_is_404(client, credentials, resolver, operation):
    values = resolver.path_values(operation, unknown_last=True)
    response = send(client, operation, credentials(operation), values)
    expect(response, operation, 404, NOT_FOUND)


def test_every_nested_resource_can_be_reached_by_a_link():
    """Each parent parameter of an operation answering 404 has a producing link, so the test
    above reaches the existing parent."""
    missing = [
        f"{op}: {parameter['name']}"
        for op in operations()
        if op.api.name == "main" and _names_a_resource(op)
        for parameter in op.path_parameters[:-1]
        if producer_for(op, parameter["name"]) is None
    ]
    assert missing == []


# ---- 412 / 428 ----------------------------------------------------------------------------------


def _conditional(operation: Operation) -> bool:
    return "412" in operation.responses and operation.parameter("header", "If-Match") is not None


def _state(client: Any, reader: Operation, values: dict[str, Any], headers: dict[str, str]) -> Any:
    known = {p["name"] for p in reader.path_parameters}
    response = client.get(
        reader.url({k: v for k, v in values.items() if k in known}), headers=headers
    )
    assert response.status_code == 200, response.text
    return response.headers.get("etag"), response.json()


@pytest.mark.parametrize("operation", select(_conditional))
def test_a_stale_if_match_is_412_and_changes_nothing(client, credentials, resolver, operation):
    reader = reader_of(operation)
    assert reader is not None, f"{operation}: no GET shows what it changes"
    values = resolver.path_values(operation)
    stale, current = _state(client, reader, values, credentials(reader))
    assert stale, f"{reader} shows no ETag to send back in If-Match"
    writer = writer_of(reader)
    assert writer is not None, f"{reader}: no PATCH or PUT moves it to a new version"
    writer_headers = {**credentials(writer), "If-Match": stale}
    changed = send(client, writer, writer_headers, values)
    if changed.status_code == 422:
        changed = send(client, writer, writer_headers, values, json=free_text_edit(writer, current))
    assert changed.status_code == 200, f"{writer}: {changed.text}"
    etag, before = _state(client, reader, values, credentials(reader))
    assert etag != stale
    response = send(client, operation, {**credentials(operation), "If-Match": stale}, values)
    expect(response, operation, 412, "/problems/precondition-failed")
    assert _state(client, reader, values, credentials(reader)) == (etag, before)


@pytest.mark.parametrize("operation", select(lambda op: op.if_match_required))
def test_no_if_match_where_required_is_428_and_changes_nothing(
    client, credentials, resolver, operation
):
    _documents(operation, 428)
    reader = reader_of(operation)
    assert reader is not None, f"{operation}: no GET shows what it changes"
    values = resolver.path_values(operation)
    before = _state(client, reader, values, credentials(reader))
    request = operation.url(values)
    response = client.request(
        operation.method.upper(),
        request,
        json=operation.body_example,
        headers=credentials(operation),
    )
    expect(response, operation, 428, "/problems/precondition-required")
    assert _state(client, reader, values, credentials(reader)) == before


# ---- 413 / 415 ----------------------------------------------------------------------------------


def _takes_json(operation: Operation) -> bool:
    return operation.json_body is not None


@pytest.mark.parametrize("operation", select(_takes_json))
def test_a_body_over_the_cap_is_413(client, credentials, operation):
    _documents(operation, 413)
    cap = get_settings().max_body_bytes
    content = b'{"x": "' + b"x" * cap + b'"}'
    headers = {**credentials(operation), "Content-Type": "application/json"}
    response = send(client, operation, headers, content=content)
    expect(response, operation, 413, "/problems/payload-too-large")


@pytest.mark.parametrize("operation", select(_takes_json))
def test_a_body_nested_too_deep_is_400_before_validation(client, credentials, operation):
    _documents(operation, 400)
    depth = MAX_DEPTH + 1
    content = b'{"x": ' + b"[" * (depth - 1) + b"]" * (depth - 1) + b"}"
    headers = {**credentials(operation), "Content-Type": "application/json"}
    response = send(client, operation, headers, content=content)
    expect(response, operation, 400, "/problems/nesting-too-deep")


@pytest.mark.parametrize("operation", select(_takes_json))
def test_a_body_of_another_media_type_is_415(client, credentials, operation):
    if operation.api.name == "conduit":
        _documents(operation, 415)
    headers = {**credentials(operation), "Content-Type": "text/plain"}
    response = send(client, operation, headers, content=b"plain words")
    expect(response, operation, 415, "/problems/unsupported-media-type")
    if operation.api.name != "conduit":
        assert response.headers["content-type"] == PROBLEM
