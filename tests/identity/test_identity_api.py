from __future__ import annotations

import pytest

from tests.factories.identity import PASSWORD, auth_headers, make_user
from tests.problems import assert_problem
from tests.support.pages import every_api_item

USERS = "/api/v1/identity/users"
ME = "/api/v1/identity/users/me"
TOKENS = "/api/v1/identity/tokens"
REVOCATIONS = "/api/v1/identity/token-revocations"


def login(client, email, password=PASSWORD, **kwargs):
    return client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": email, "password": password}, **kwargs
    )


def refresh(client, token):
    return client.post(TOKENS, json={"grant_type": "REFRESH_TOKEN", "refresh_token": token})


def test_signup_creates_user(client):
    response = client.post(
        USERS, json={"email": "Ada@Example.com", "password": "longenough", "display_name": "Ada"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["email"] == "Ada@Example.com"
    assert body["role"] == "USER"
    assert "password" not in body and "password_hash" not in body


def test_signup_with_taken_email_is_409_case_insensitively(client):
    make_user(email="taken@example.com")
    response = client.post(
        USERS, json={"email": "TAKEN@example.com", "password": "longenough", "display_name": "Ada"}
    )
    assert_problem(response, 409, "/problems/identity/email-taken")


@pytest.mark.parametrize(
    "payload",
    [
        {"email": "not-an-email", "password": "longenough", "display_name": "A"},
        {"email": "a@example.com", "password": "short", "display_name": "A"},
        {"email": "a@example.com", "password": "x" * 129, "display_name": "A"},
        {"email": "a@example.com", "password": "longenough", "display_name": ""},
        {"email": "a@example.com", "password": "longenough"},
    ],
)
def test_signup_rejects_invalid_input(client, payload):
    response = client.post(USERS, json=payload)
    assert_problem(response, 400, "/problems/validation")


def test_login_returns_token_pair_that_authenticates(client):
    user = make_user(email="login@example.com")
    response = login(client, "LOGIN@example.com")
    assert response.status_code == 200
    pair = response.json()
    assert pair["token_type"] == "Bearer"
    assert pair["expires_in"] == 900
    assert pair["refresh_token"].startswith("rt_")
    me = client.get(ME, headers={"Authorization": f"Bearer {pair['access_token']}"})
    assert me.status_code == 200
    assert me.json()["id"] == str(user.id)


@pytest.mark.parametrize(
    ("email", "password"),
    [("nobody@example.com", PASSWORD), ("known@example.com", "wrong password")],
)
def test_login_with_bad_credentials_is_401(client, email, password):
    make_user(email="known@example.com")
    response = login(client, email, password)
    assert_problem(response, 401, "/problems/identity/invalid-credentials")


def test_login_is_throttled_per_account_after_failures(client):
    make_user(email="victim@example.com")
    for _ in range(10):
        assert login(client, "victim@example.com", "bad guess 1").status_code == 401
    response = login(client, "victim@example.com")  # even the right password waits
    assert_problem(response, 429, "/problems/too-many-requests")
    assert int(response.headers["retry-after"]) >= 1


def test_login_is_throttled_per_client_address(client):
    for i in range(30):
        assert login(client, f"nobody{i}@example.com", "bad guess 1").status_code == 401
    make_user(email="innocent@example.com")
    assert login(client, "innocent@example.com").status_code == 429


def test_refresh_rotates_the_refresh_token(client):
    make_user(email="rot@example.com")
    first = login(client, "rot@example.com").json()
    second = refresh(client, first["refresh_token"])
    assert second.status_code == 200
    assert second.json()["refresh_token"] != first["refresh_token"]
    assert refresh(client, second.json()["refresh_token"]).status_code == 200


def test_refresh_token_reuse_revokes_the_whole_family(client):
    make_user(email="theft@example.com")
    original = login(client, "theft@example.com").json()["refresh_token"]
    rotated = refresh(client, original).json()["refresh_token"]
    reuse = refresh(client, original)
    assert_problem(reuse, 401, "/problems/identity/refresh-token-reused")
    # the legitimate holder's newer token died with the family
    after = refresh(client, rotated)
    assert_problem(after, 401, "/problems/identity/invalid-refresh-token")


def test_refresh_with_unknown_token_is_401(client):
    response = refresh(client, "rt_unknown")
    assert_problem(response, 401, "/problems/identity/invalid-refresh-token")


def test_logout_revokes_the_login_only(client):
    make_user(email="out@example.com")
    phone = login(client, "out@example.com").json()["refresh_token"]
    laptop = login(client, "out@example.com").json()["refresh_token"]
    assert client.post(REVOCATIONS, json={"refresh_token": phone}).status_code == 204
    assert refresh(client, phone).status_code == 401
    assert refresh(client, laptop).status_code == 200


def test_logout_everywhere_revokes_every_login(client):
    make_user(email="all@example.com")
    phone = login(client, "all@example.com").json()["refresh_token"]
    laptop = login(client, "all@example.com").json()["refresh_token"]
    response = client.post(REVOCATIONS, json={"refresh_token": phone, "everywhere": True})
    assert response.status_code == 204
    assert refresh(client, laptop).status_code == 401


def test_logout_with_unknown_token_is_harmless(client):
    assert client.post(REVOCATIONS, json={"refresh_token": "rt_nothing"}).status_code == 204


def test_update_me_changes_display_name(client, user):
    response = client.patch(ME, json={"display_name": "Renamed"}, headers=auth_headers(user))
    assert response.status_code == 200
    assert response.json()["display_name"] == "Renamed"


def test_password_change_requires_current_password(client, user):
    response = client.patch(ME, json={"password": "brand new password"}, headers=auth_headers(user))
    assert_problem(response, 422, "/problems/identity/wrong-password")
    wrong = client.patch(
        ME,
        json={"password": "brand new password", "current_password": "nope"},
        headers=auth_headers(user),
    )
    assert wrong.status_code == 422


def test_password_change_revokes_refresh_tokens_and_old_password(client):
    user = make_user(email="change@example.com")
    old_refresh = login(client, "change@example.com").json()["refresh_token"]
    response = client.patch(
        ME,
        json={"password": "brand new password", "current_password": PASSWORD},
        headers=auth_headers(user),
    )
    assert response.status_code == 200
    assert refresh(client, old_refresh).status_code == 401
    assert login(client, "change@example.com").status_code == 401
    assert login(client, "change@example.com", "brand new password").status_code == 200


def test_update_me_rejects_empty_or_unknown_fields(client, user):
    assert client.patch(ME, json={}, headers=auth_headers(user)).status_code == 400
    assert client.patch(ME, json={"role": "ADMIN"}, headers=auth_headers(user)).status_code == 400


def test_list_users_as_admin(client, admin):
    make_user(email="findme@example.com")
    response = client.get(USERS, params={"email": "FINDME"}, headers=auth_headers(admin))
    assert response.status_code == 200
    assert [u["email"] for u in response.json()["items"]] == ["findme@example.com"]


def test_list_users_pages_through_everyone(client, admin):
    for _ in range(4):
        make_user()
    seen = [u["id"] for u in every_api_item(client, USERS, auth_headers(admin), limit=2)]
    assert len(seen) == len(set(seen)) == 5
