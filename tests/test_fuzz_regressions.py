"""Every failure a rotating-seed fuzz run (`make fuzz SEED=...`, ci/fuzz.sh) has found, kept as a
test: the request that failed, and the answer it must get."""

from __future__ import annotations

import json
import uuid

import pytest
import schemathesis

from contracts.schemathesis.hooks import before_call
from core.spec import MAIN_SPEC, load_spec
from tests.factories.identity import PASSWORD, auth_headers, make_user
from tests.problems import assert_problem

CURRENT = "/api/v1/sessions/current"


@pytest.mark.parametrize("method", ["DELETE", "GET"])
def test_a_cookie_header_with_a_name_the_stdlib_refuses_is_no_500(client, method):
    # The first rotating-seed run: a bearer token beside `Cookie: x@y=1` (no session cookie).
    headers = {**auth_headers(make_user()), "Cookie": "x@y=1"}
    answer = client.request(method, CURRENT, headers=headers)
    assert_problem(answer, 401, "/problems/unauthorized")


def test_a_session_cookie_beside_an_odd_cookie_still_authenticates(client):
    user = make_user()
    login = client.post("/api/v1/sessions", json={"email": user.email, "password": PASSWORD})
    assert login.status_code == 201
    token = client.cookies.get("trellis_session")
    client.cookies.clear()
    answer = client.get(CURRENT, headers={"Cookie": f"a,b=1; trellis_session={token}"})
    assert answer.status_code == 200, answer.text
    assert answer.json()["id"] == login.json()["id"]


def test_an_undocumented_method_on_a_concrete_path_beside_a_template_is_405(client):
    # Seed 1515 (imports): DELETE /imports/targets reached DELETE /imports/{import_id} (400).
    answer = client.delete("/api/v1/imports/targets", headers=auth_headers(make_user()))
    assert_problem(answer, 405, "/problems/method-not-allowed")
    assert answer.headers["allow"] == "GET, HEAD"


def test_the_outbox_lists_link_their_items_by_id_not_by_the_emails_message_id():
    # Seed 20261208 (every operation, stateful phase): Schemathesis's link inference matched the
    # path parameter `message_id` of GET /outbox/messages/{message_id} with the listed messages'
    # `message_id` field (the email's Message-ID header, `<outbox.…@host>`) and sent it as the
    # id: 400. The lists now link to their items by `id` in the contract, and the inference
    # defers to an explicit link with the same target and parameters.
    schema = schemathesis.openapi.from_dict(json.loads(json.dumps(load_spec(MAIN_SPEC))))
    schema.as_state_machine()  # adds the inferred links to the document
    into_outbox: dict[str, list[str]] = {}
    for path, item in schema.raw_schema["paths"].items():
        for method, operation in item.items():
            for answer in operation.get("responses", {}).values() if method == "get" else ():
                for link in (answer.get("links") or {}).values():
                    target = str(link.get("operationId") or link.get("operationRef"))
                    if "outbox" in target.lower():
                        values = link.get("parameters", {}).values()
                        into_outbox.setdefault(path, []).extend(map(str, values))
    assert into_outbox["/outbox/messages"] == ["$response.body#/items/0/id"]
    assert into_outbox["/outbox/dead-letters"] == ["$response.body#/items/0/id"]
    assert not [v for values in into_outbox.values() for v in values if v.endswith("message_id")]


def test_a_linked_id_of_another_kind_in_a_uuid_parameter_is_made_schema_valid():
    # Seed 20261213 (bearer, stateful phase): a link inferred by name alone carried a chat
    # message's integer `id` into POST /outbox/dead-letters/{message_id}/requeues, whose
    # `message_id` is a UUID: the 400 was right, and the check took the request for valid. The
    # gates' hook gives such a parameter a UUID (which names nothing: 404); a UUID stays.
    schema = schemathesis.openapi.from_dict(json.loads(json.dumps(load_spec(MAIN_SPEC))))
    requeue = schema["/outbox/dead-letters/{message_id}/requeues"]["POST"]
    linked = requeue.Case(path_parameters={"message_id": "1"})
    before_call(None, linked, {})
    assert str(uuid.UUID(linked.path_parameters["message_id"])) != "1"
    real = "5a1c9e7b-3d2f-4b8a-9c6e-1f0d2b3a4c5e"
    kept = requeue.Case(path_parameters={"message_id": real})
    before_call(None, kept, {})
    assert kept.path_parameters["message_id"] == real
