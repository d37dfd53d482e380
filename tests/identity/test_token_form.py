"""POST /identity/tokens as a standard OAuth 2.0 client sends it (RFC 6749 §4.3, §5, §6):
form-encoded, with OAuth error bodies; the JSON request is answered as before."""

from __future__ import annotations

import pytest

from tests.factories.identity import PASSWORD, make_user
from tests.problems import assert_problem

TOKENS = "/api/v1/identity/tokens"
ME = "/api/v1/identity/users/me"
FORM = "application/x-www-form-urlencoded"


def post_form(client, content: str):  # type: ignore[no-untyped-def]
    return client.post(TOKENS, content=content, headers={"Content-Type": FORM})


def oauth_error(response, code: str) -> str:  # type: ignore[no-untyped-def]
    assert response.status_code == 400, response.text
    assert response.headers["content-type"].startswith("application/json")
    body = response.json()
    assert body["error"] == code, body
    assert set(body) == {"error", "error_description"}
    return str(body["error_description"])


def test_a_password_grant_answers_a_token_pair_that_works(client):
    user = make_user(email="ada@example.com")
    response = client.post(
        TOKENS, data={"grant_type": "password", "username": "ADA@example.com", "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    pair = response.json()
    assert pair["token_type"] == "Bearer" and pair["expires_in"] == 900
    assert response.headers["cache-control"] == "no-store"
    assert response.headers["pragma"] == "no-cache"
    me = client.get(ME, headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.json()["id"] == str(user.id)


def test_a_refresh_token_grant_rotates_and_reuse_is_invalid_grant(client, user):
    login = {"grant_type": "password", "username": user.email, "password": PASSWORD}
    first = client.post(TOKENS, data=login).json()
    rotate = {"grant_type": "refresh_token", "refresh_token": first["refresh_token"]}
    second = client.post(TOKENS, data=rotate)
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    oauth_error(client.post(TOKENS, data=rotate), "invalid_grant")
    # The reuse revoked the login, as it does for JSON requests.
    again = {"grant_type": "refresh_token", "refresh_token": second.json()["refresh_token"]}
    oauth_error(client.post(TOKENS, data=again), "invalid_grant")


@pytest.mark.parametrize(
    "form",
    [
        {"grant_type": "password", "username": "known@example.com", "password": "wrong"},
        {"grant_type": "password", "username": "nobody@example.com", "password": PASSWORD},
        {"grant_type": "refresh_token", "refresh_token": "rt_unknown"},
    ],
)
def test_refused_grants_are_invalid_grant(client, form):
    make_user(email="known@example.com")
    response = client.post(TOKENS, data=form)
    oauth_error(response, "invalid_grant")
    assert "www-authenticate" not in response.headers
    assert response.headers["cache-control"] == "no-store"


@pytest.mark.parametrize("grant", ["client_credentials", "authorization_code", "PASSWORD", ""])
def test_other_grant_types_are_unsupported(client, user, grant):
    form = {"grant_type": grant, "username": user.email, "password": PASSWORD}
    oauth_error(client.post(TOKENS, data=form), "unsupported_grant_type")


@pytest.mark.parametrize(
    "content",
    [
        "username=a%40example.com&password=x",  # no grant_type
        "grant_type=password&password=x",  # no username
        "grant_type=password&username=a%40example.com",  # no password
        "grant_type=refresh_token",  # no refresh_token
        "grant_type=password&grant_type=refresh_token&username=a&password=b",  # repeated
        "grant_type=password&username=a&password=" + "p" * 129,  # too long
    ],
)
def test_malformed_requests_are_invalid_request(client, content):
    oauth_error(post_form(client, content), "invalid_request")


def test_unknown_parameters_are_ignored(client, user):
    content = f"grant_type=password&username={user.email}&password={PASSWORD}&scope=x&client_id=y"
    assert post_form(client, content.replace(" ", "+")).status_code == 200


def test_json_requests_keep_their_problems(client, user):
    wrong = {"grant_type": "PASSWORD", "email": user.email, "password": "wrong"}
    assert_problem(client.post(TOKENS, json=wrong), 401, "/problems/identity/invalid-credentials")
    assert_problem(
        client.post(TOKENS, json={"grant_type": "password"}), 400, "/problems/validation"
    )


def test_throttled_form_logins_stay_429_problems(client, user):
    form = {"grant_type": "password", "username": user.email, "password": "wrong"}
    answers = [client.post(TOKENS, data=form).status_code for _ in range(11)]
    assert answers[:10] == [400] * 10
    assert_problem(client.post(TOKENS, data=form), 429, "/problems/too-many-requests")


def test_many_repeated_parameters_get_one_short_answer(client):
    # Each name given twice: the answer stays one short invalid_request (the repeats are counted
    # in one pass, and the problem lists a bounded number of fields).
    content = "&".join(f"p{i}=1&p{i}=2" for i in range(3000))
    response = post_form(client, content)
    oauth_error(response, "invalid_request")
    assert len(response.content) < 2000
