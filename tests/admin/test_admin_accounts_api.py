"""Admin basics: one account, and inviting a user by email (who sets a password through the
reset flow, from the mail a real SMTP server on loopback received)."""

from __future__ import annotations

import pytest

from core.settings import get_settings
from tests.factories.identity import PASSWORD, auth_headers, make_user
from tests.problems import assert_problem
from tests.support.mailbox import token_in

USERS = "/api/v1/admin/users"
TOKENS = "/api/v1/identity/tokens"
CONFIRM = "/api/v1/identity/password-reset-confirmations"
INVITEE = {"email": "Invitee@Example.com", "display_name": "Invitee"}


def login(client, email, password):  # type: ignore[no-untyped-def]
    return client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": email, "password": password}
    )


def test_get_one_account(client, admin):
    user = make_user(email="one@example.com")
    response = client.get(f"{USERS}/{user.id}", headers=auth_headers(admin))
    assert response.status_code == 200
    assert response.json() == {
        "id": str(user.id),
        "email": "one@example.com",
        "email_verified": False,
        "display_name": "Test User",
        "role": "USER",
        "disabled": False,
        "created_at": user.created_at.isoformat(),
        "updated_at": user.updated_at.isoformat(),
    }


def test_get_an_unknown_account_is_404(client, admin):
    response = client.get(
        f"{USERS}/00000000-0000-4000-8000-000000000000", headers=auth_headers(admin)
    )
    assert_problem(response, 404, "/problems/identity/user-not-found")


def test_get_one_account_is_for_admins_only(client, user):
    assert_problem(
        client.get(f"{USERS}/{user.id}", headers=auth_headers(user)), 403, "/problems/forbidden"
    )
    assert_problem(client.get(f"{USERS}/{user.id}"), 401, "/problems/unauthorized")


def test_an_invitee_sets_a_password_through_the_reset_flow(client, admin, mailbox):
    created = client.post(USERS, json=INVITEE, headers=auth_headers(admin))
    assert created.status_code == 201
    account = created.json()
    assert (account["email"], account["role"], account["email_verified"]) == (
        "Invitee@Example.com",
        "USER",
        False,
    )
    message = mailbox.next(to="Invitee@Example.com")
    assert message["Subject"] == "You are invited to Trellis"
    assert "within 168 hours" in message.get_content()
    code = token_in(message)
    assert_problem(
        login(client, "invitee@example.com", PASSWORD),
        401,
        "/problems/identity/invalid-credentials",
    )

    assert (
        client.post(CONFIRM, json={"token": code, "password": "my own passphrase"}).status_code
        == 204
    )
    pair = login(client, "invitee@example.com", "my own passphrase")
    assert pair.status_code == 200
    bearer = {"Authorization": f"Bearer {pair.json()['access_token']}"}
    assert client.get("/api/v1/identity/users/me", headers=bearer).json()["email_verified"] is True
    log = client.get("/api/v1/identity/users/me/security-events", headers=bearer).json()["items"]
    assert [event["action"] for event in log] == [
        "LOGGED_IN",
        "EMAIL_VERIFIED",
        "PASSWORD_RESET",
        "LOGIN_FAILED",
        "INVITED",
    ]
    assert log[-1]["actor_id"] == str(admin.id)


def test_an_admin_may_invite_another_admin(client, admin, mailbox):
    created = client.post(USERS, json={**INVITEE, "role": "ADMIN"}, headers=auth_headers(admin))
    assert created.json()["role"] == "ADMIN"
    mailbox.next(to=INVITEE["email"])


def test_an_expired_invitation_is_refused(client, admin, mailbox, monkeypatch):
    monkeypatch.setenv("IDENTITY_INVITATION_TTL_SECONDS", "0")
    get_settings.cache_clear()
    try:
        client.post(USERS, json=INVITEE, headers=auth_headers(admin))
        code = token_in(mailbox.next(to=INVITEE["email"]))
        response = client.post(CONFIRM, json={"token": code, "password": "my own passphrase"})
        assert_problem(response, 422, "/problems/identity/invalid-reset-token")
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()


def test_inviting_a_taken_email_is_409(client, admin, mailbox):
    make_user(email="invitee@example.com")
    response = client.post(USERS, json=INVITEE, headers=auth_headers(admin))
    assert_problem(response, 409, "/problems/identity/email-taken")
    assert mailbox.nothing_more()


@pytest.mark.parametrize(
    "body",
    [
        {"email": "not-an-email", "display_name": "X"},
        {"email": "x@example.com"},
        {"email": "x@example.com", "display_name": "X", "role": "ROOT"},
        {"email": "x@example.com", "display_name": "X", "password": "chosen by admin"},
    ],
)
def test_invalid_invitations_are_400(client, admin, body):
    assert_problem(
        client.post(USERS, json=body, headers=auth_headers(admin)), 400, "/problems/validation"
    )


def test_only_admins_invite(client, user, mailbox):
    assert_problem(
        client.post(USERS, json=INVITEE, headers=auth_headers(user)), 403, "/problems/forbidden"
    )
    assert_problem(client.post(USERS, json=INVITEE), 401, "/problems/unauthorized")
    assert mailbox.nothing_more()
