"""Admin: account search, role changes and disabling that take effect at once, the audit trail."""

from __future__ import annotations

from tests.factories.identity import PASSWORD, auth_headers, make_user
from tests.problems import assert_problem

USERS = "/api/v1/admin/users"
AUDIT = "/api/v1/admin/audit-events"
ME = "/api/v1/identity/users/me"
TOKENS = "/api/v1/identity/tokens"


def login(client, user):  # type: ignore[no-untyped-def]
    return client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": user.email, "password": PASSWORD}
    )


def test_search_accounts(client, admin):
    make_user(email="ada@example.com")
    make_user(email="grace@example.com", role="ADMIN")
    headers = auth_headers(admin)
    found = client.get(USERS, params={"q": "ADA"}, headers=headers).json()["items"]
    assert [item["email"] for item in found] == ["ada@example.com"]
    admins = client.get(USERS, params={"role": "ADMIN"}, headers=headers).json()["items"]
    assert {item["email"] for item in admins} == {admin.email, "grace@example.com"}
    assert client.get(USERS, params={"disabled": "true"}, headers=headers).json()["items"] == []
    page = client.get(USERS, params={"limit": 1}, headers=headers).json()
    rest = client.get(USERS, params={"limit": 5, "cursor": page["next"]}, headers=headers).json()
    assert len(page["items"]) + len(rest["items"]) == 3


def test_disabling_takes_effect_at_once_and_enabling_restores_login(client, admin, user):
    tokens = login(client, user).json()
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.get(ME, headers=bearer).status_code == 200

    response = client.patch(
        f"{USERS}/{user.id}", json={"disabled": True}, headers=auth_headers(admin)
    )
    assert response.status_code == 200
    assert response.json()["disabled"] is True

    # The access token issued before is refused on its next use, and so is everything else.
    assert_problem(client.get(ME, headers=bearer), 401, "/problems/unauthorized")
    assert_problem(
        client.post(
            TOKENS, json={"grant_type": "REFRESH_TOKEN", "refresh_token": tokens["refresh_token"]}
        ),
        401,
        "/problems/identity/invalid-refresh-token",
    )
    assert_problem(login(client, user), 401, "/problems/identity/invalid-credentials")

    client.patch(f"{USERS}/{user.id}", json={"disabled": False}, headers=auth_headers(admin))
    assert login(client, user).status_code == 200


def test_a_role_change_applies_to_existing_tokens_at_once(client, admin, user):
    bearer = auth_headers(user)  # a token that says USER
    assert client.get(USERS, headers=bearer).status_code == 403
    client.patch(f"{USERS}/{user.id}", json={"role": "ADMIN"}, headers=auth_headers(admin))
    assert client.get(USERS, headers=bearer).status_code == 200
    client.patch(f"{USERS}/{user.id}", json={"role": "USER"}, headers=auth_headers(admin))
    assert client.get(USERS, headers=bearer).status_code == 403


def test_update_account_errors(client, admin):
    headers = auth_headers(admin)
    for lockout in ({"disabled": True}, {"role": "USER"}):
        assert_problem(
            client.patch(f"{USERS}/{admin.id}", json=lockout, headers=headers),
            422,
            "/problems/admin/self-lockout",
        )
    assert client.get(ME, headers=headers).json()["role"] == "ADMIN"


def test_every_change_is_in_the_audit_trail(client, admin, user):
    headers = auth_headers(admin)
    client.patch(f"{USERS}/{user.id}", json={"role": "ADMIN", "disabled": True}, headers=headers)
    client.patch(f"{USERS}/{user.id}", json={"disabled": False}, headers=headers)
    client.patch(f"{USERS}/{user.id}", json={"disabled": False}, headers=headers)  # no change

    events = client.get(AUDIT, params={"target_id": str(user.id)}, headers=headers).json()["items"]
    assert [(event["action"], event["details"]) for event in events] == [
        ("USER_ENABLED", {}),
        ("USER_DISABLED", {}),
        ("ROLE_CHANGED", {"before": "USER", "after": "ADMIN"}),
    ]
    assert {event["actor_id"] for event in events} == {str(admin.id)}
    only = client.get(AUDIT, params={"action": "ROLE_CHANGED"}, headers=headers).json()["items"]
    assert len(only) == 1
    assert_problem(
        client.get(AUDIT, params={"limit": 0}, headers=headers), 400, "/problems/validation"
    )
