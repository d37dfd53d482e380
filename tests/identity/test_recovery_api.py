"""Password reset and email verification over HTTP: codes read from the mail a real SMTP server
on loopback received; every documented answer of the four operations."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.db import utcnow
from core.settings import get_settings
from tests.factories.identity import PASSWORD, auth_headers, issued_earlier, make_user
from tests.factories.sessions import age_sessions, log_in, new_browser
from tests.problems import assert_problem
from tests.support.mailbox import token_in

USERS = "/api/v1/identity/users"
ME = "/api/v1/identity/users/me"
TOKENS = "/api/v1/identity/tokens"
RESETS = "/api/v1/identity/password-resets"
RESET_CONFIRMATIONS = "/api/v1/identity/password-reset-confirmations"
VERIFICATIONS = "/api/v1/identity/email-verifications"
VERIFICATION_CONFIRMATIONS = "/api/v1/identity/email-verification-confirmations"
NEW_PASSWORD = "a brand new passphrase"


def login(client, email, password=PASSWORD):
    return client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": email, "password": password}
    )


def set_env(monkeypatch, **values: str) -> None:
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()


@pytest.fixture
def env(monkeypatch):
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


def test_reset_sets_the_password_and_ends_every_login(app, client, mailbox):
    user = make_user(email="forgetful@example.com")
    tokens = login(client, user.email).json()
    old_access = {"Authorization": f"Bearer {issued_earlier(tokens['access_token'])}"}
    browser = new_browser(app)
    log_in(browser, user.email, PASSWORD)
    # Credentials are compared in whole seconds: these logins happened a while before the reset.
    age_sessions(created_at=utcnow() - timedelta(seconds=10))
    assert client.get(ME, headers=old_access).status_code == 200
    assert browser.get("/api/v1/sessions/current").status_code == 200

    assert client.post(RESETS, json={"email": "Forgetful@Example.com"}).status_code == 202
    message = mailbox.next(to="forgetful@example.com")
    assert message["Subject"] == "Reset your Trellis password"
    code = token_in(message)
    confirmed = client.post(RESET_CONFIRMATIONS, json={"token": code, "password": NEW_PASSWORD})
    assert confirmed.status_code == 204

    assert_problem(client.get(ME, headers=old_access), 401, "/problems/unauthorized")
    assert browser.get("/api/v1/sessions/current").status_code == 401
    refreshed = client.post(
        TOKENS, json={"grant_type": "REFRESH_TOKEN", "refresh_token": tokens["refresh_token"]}
    )
    assert_problem(refreshed, 401, "/problems/identity/invalid-refresh-token")
    assert_problem(login(client, user.email), 401, "/problems/identity/invalid-credentials")
    fresh = login(client, user.email, NEW_PASSWORD)
    assert fresh.status_code == 200
    me = client.get(ME, headers={"Authorization": f"Bearer {fresh.json()['access_token']}"})
    assert me.json()["email_verified"] is True

    again = client.post(RESET_CONFIRMATIONS, json={"token": code, "password": "yet another one"})
    assert_problem(again, 422, "/problems/identity/invalid-reset-token")


def test_reset_request_answers_alike_for_unknown_and_disabled_accounts(client, mailbox, admin):
    disabled = make_user(email="gone@example.com")
    client.patch(
        f"/api/v1/admin/users/{disabled.id}", json={"disabled": True}, headers=auth_headers(admin)
    )
    unknown = client.post(RESETS, json={"email": "nobody@example.com"})
    known_but_disabled = client.post(RESETS, json={"email": "gone@example.com"})
    assert unknown.status_code == known_but_disabled.status_code == 202
    assert unknown.content == known_but_disabled.content == b""
    assert mailbox.nothing_more()


def test_a_new_reset_request_replaces_the_earlier_code(client, mailbox, user):
    client.post(RESETS, json={"email": user.email})
    first = token_in(mailbox.next(to=user.email))
    client.post(RESETS, json={"email": user.email})
    second = token_in(mailbox.next(to=user.email))
    stale = client.post(RESET_CONFIRMATIONS, json={"token": first, "password": NEW_PASSWORD})
    assert_problem(stale, 422, "/problems/identity/invalid-reset-token")
    fresh = client.post(RESET_CONFIRMATIONS, json={"token": second, "password": NEW_PASSWORD})
    assert fresh.status_code == 204


def test_an_expired_reset_code_is_refused(client, mailbox, user, env):
    set_env(env, IDENTITY_RESET_TOKEN_TTL_SECONDS="0")
    client.post(RESETS, json={"email": user.email})
    code = token_in(mailbox.next(to=user.email))
    response = client.post(RESET_CONFIRMATIONS, json={"token": code, "password": NEW_PASSWORD})
    assert_problem(response, 422, "/problems/identity/invalid-reset-token")
    assert login(client, user.email).status_code == 200


def test_reset_requests_are_limited_per_client_address(client, mailbox, env):
    set_env(env, IDENTITY_MAIL_LIMIT_PER_ADDRESS="2/hour")
    for n in range(2):
        assert client.post(RESETS, json={"email": f"x{n}@example.com"}).status_code == 202
    response = client.post(RESETS, json={"email": "x9@example.com"})
    assert_problem(response, 429, "/problems/too-many-requests")
    assert int(response.headers["retry-after"]) >= 1


def test_reset_mails_per_account_are_limited_without_telling(client, mailbox, user, env):
    set_env(env, IDENTITY_MAIL_LIMIT_PER_ACCOUNT="1/hour")
    assert client.post(RESETS, json={"email": user.email}).status_code == 202
    mailbox.next(to=user.email)
    assert client.post(RESETS, json={"email": user.email.upper()}).status_code == 202
    assert mailbox.nothing_more()


@pytest.mark.parametrize(
    ("path", "body"),
    [
        (RESETS, {"email": "not-an-email"}),
        (RESETS, {}),
        (RESET_CONFIRMATIONS, {"token": "pr_x", "password": "short"}),
        (RESET_CONFIRMATIONS, {"password": NEW_PASSWORD}),
        (VERIFICATIONS, {"email": "a@example.com", "extra": 1}),
        (VERIFICATION_CONFIRMATIONS, {"token": ""}),
    ],
)
def test_malformed_requests_are_400(client, path, body):
    assert_problem(client.post(path, json=body), 400, "/problems/validation")


def test_an_unknown_reset_code_is_422(client):
    response = client.post(
        RESET_CONFIRMATIONS, json={"token": "pr_guess", "password": NEW_PASSWORD}
    )
    assert_problem(response, 422, "/problems/identity/invalid-reset-token")


def test_sign_up_mails_a_code_that_verifies_the_email(client, mailbox):
    created = client.post(
        USERS, json={"email": "new@example.com", "password": PASSWORD, "display_name": "New"}
    )
    assert created.status_code == 201
    assert created.json()["email_verified"] is False
    message = mailbox.next(to="new@example.com")
    assert message["Subject"] == "Confirm your email"
    code = token_in(message)
    assert code.startswith("ev_")

    assert client.post(VERIFICATION_CONFIRMATIONS, json={"token": code}).status_code == 204
    token = login(client, "new@example.com").json()["access_token"]
    me = client.get(ME, headers={"Authorization": f"Bearer {token}"}).json()
    assert me["email_verified"] is True
    again = client.post(VERIFICATION_CONFIRMATIONS, json={"token": code})
    assert_problem(again, 422, "/problems/identity/invalid-verification-token")


def test_verification_can_be_mailed_again_to_unverified_accounts_only(client, mailbox, user):
    client.post(
        USERS, json={"email": "late@example.com", "password": PASSWORD, "display_name": "L"}
    )
    first = token_in(mailbox.next(to="late@example.com"))
    assert client.post(VERIFICATIONS, json={"email": "late@example.com"}).status_code == 202
    second = token_in(mailbox.next(to="late@example.com"))
    stale = client.post(VERIFICATION_CONFIRMATIONS, json={"token": first})
    assert_problem(stale, 422, "/problems/identity/invalid-verification-token")
    assert client.post(VERIFICATION_CONFIRMATIONS, json={"token": second}).status_code == 204

    # A verified account (the factory's user is unverified: verify it by a reset) or nobody:
    # the same 202, and nothing is mailed.
    assert client.post(VERIFICATIONS, json={"email": "late@example.com"}).status_code == 202
    assert client.post(VERIFICATIONS, json={"email": "nobody@example.com"}).status_code == 202
    assert mailbox.nothing_more()


def test_verification_requests_are_limited_per_client_address(client, env):
    set_env(env, IDENTITY_MAIL_LIMIT_PER_ADDRESS="1/hour")
    assert client.post(VERIFICATIONS, json={"email": "a@example.com"}).status_code == 202
    response = client.post(VERIFICATIONS, json={"email": "b@example.com"})
    assert_problem(response, 429, "/problems/too-many-requests")


def _unverified(client, mailbox, email="fresh@example.com"):
    client.post(USERS, json={"email": email, "password": PASSWORD, "display_name": "F"})
    return token_in(mailbox.next(to=email))


def test_unverified_accounts_may_do_everything_by_default(client, mailbox):
    _unverified(client, mailbox)
    bearer = {
        "Authorization": f"Bearer {login(client, 'fresh@example.com').json()['access_token']}"
    }
    assert client.post("/api/v1/tasks", json={"title": "t"}, headers=bearer).status_code == 201


def test_read_only_mode_lets_unverified_accounts_read_and_log_out(app, client, mailbox, env):
    code = _unverified(client, mailbox)
    set_env(env, IDENTITY_UNVERIFIED_ACCOUNTS="read-only")
    bearer = {
        "Authorization": f"Bearer {login(client, 'fresh@example.com').json()['access_token']}"
    }
    assert client.get("/api/v1/tasks", headers=bearer).status_code == 200
    refused = client.post("/api/v1/tasks", json={"title": "t"}, headers=bearer)
    assert_problem(refused, 403, "/problems/identity/email-not-verified")

    browser = new_browser(app)
    csrf = {"X-CSRF-Token": log_in(browser, "fresh@example.com", PASSWORD)}
    refused = browser.post("/api/v1/tasks", json={"title": "t"}, headers=csrf)
    assert_problem(refused, 403, "/problems/identity/email-not-verified")
    assert browser.delete("/api/v1/sessions/current", headers=csrf).status_code == 204

    assert client.post(VERIFICATION_CONFIRMATIONS, json={"token": code}).status_code == 204
    assert client.post("/api/v1/tasks", json={"title": "t"}, headers=bearer).status_code == 201


def test_block_mode_refuses_unverified_logins_and_their_tokens(app, client, mailbox, env):
    code = _unverified(client, mailbox)
    earlier = login(client, "fresh@example.com").json()["access_token"]
    set_env(env, IDENTITY_UNVERIFIED_ACCOUNTS="block")
    assert_problem(login(client, "fresh@example.com"), 403, "/problems/identity/email-not-verified")
    session = new_browser(app).post(
        "/api/v1/sessions", json={"email": "fresh@example.com", "password": PASSWORD}
    )
    assert_problem(session, 403, "/problems/identity/email-not-verified")
    bearer = {"Authorization": f"Bearer {earlier}"}
    assert_problem(client.get(ME, headers=bearer), 401, "/problems/unauthorized")

    assert client.post(VERIFICATION_CONFIRMATIONS, json={"token": code}).status_code == 204
    assert login(client, "fresh@example.com").status_code == 200
    assert client.get(ME, headers=bearer).status_code == 200
