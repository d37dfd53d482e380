"""Every failure a rotating-seed fuzz run (`make fuzz SEED=...`, ci/fuzz.sh) has found, kept as a
test: the request that failed, and the answer it must get."""

from __future__ import annotations

import pytest

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
