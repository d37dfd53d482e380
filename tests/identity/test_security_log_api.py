"""The security log: each event where it happens, failed logins rolled up, the account's own
listing and the admins' listing of any account."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import select

from core.db import transaction
from core.settings import get_settings
from db.models.core import AuditEvent
from tests.factories.identity import PASSWORD, auth_headers, make_user
from tests.factories.oauth import sign_in_at_provider
from tests.factories.sessions import log_in, new_browser
from tests.problems import assert_problem
from tests.support.mailbox import token_in
from tests.support.pages import every_api_item

MINE = "/api/v1/identity/users/me/security-events"
TOKENS = "/api/v1/identity/tokens"


def admin_events(user_id) -> str:  # type: ignore[no-untyped-def]
    return f"/api/v1/admin/users/{user_id}/security-events"


def login(client, email, password=PASSWORD, **headers):  # type: ignore[no-untyped-def]
    return client.post(
        TOKENS,
        json={"grant_type": "PASSWORD", "email": email, "password": password},
        headers=headers,
    )


def actions(client, headers) -> list[str]:  # type: ignore[no-untyped-def]
    return [event["action"] for event in client.get(MINE, headers=headers).json()["items"]]


@pytest.fixture
def env(monkeypatch):
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


def test_an_accounts_life_is_in_its_security_log(client, mailbox):
    created = client.post(
        "/api/v1/identity/users",
        json={"email": "life@example.com", "password": PASSWORD, "display_name": "L"},
    ).json()
    code = token_in(mailbox.next(to="life@example.com"))
    client.post("/api/v1/identity/email-verification-confirmations", json={"token": code})
    pair = login(client, "life@example.com", **{"User-Agent": "probe/1.0"}).json()
    bearer = {"Authorization": f"Bearer {pair['access_token']}"}
    changed = client.patch(
        "/api/v1/identity/users/me",
        json={"password": "another passphrase", "current_password": PASSWORD},
        headers=bearer,
    )
    assert changed.status_code == 200
    pair = login(client, "life@example.com", "another passphrase").json()
    client.post("/api/v1/identity/token-revocations", json={"refresh_token": pair["refresh_token"]})
    bearer = {"Authorization": f"Bearer {pair['access_token']}"}

    events = client.get(MINE, headers=bearer).json()["items"]
    assert [event["action"] for event in events] == [
        "SESSION_REVOKED",
        "LOGGED_IN",
        "PASSWORD_CHANGED",
        "LOGGED_IN",
        "EMAIL_VERIFIED",
        "SIGNED_UP",
    ]
    assert {event["target_id"] for event in events} == {created["id"]}
    first_login = events[3]
    assert first_login["details"] == {
        "via": "password",
        "client_address": "testclient",
        "user_agent": "probe/1.0",
    }
    assert events[0]["details"] == {"kind": "token", "everywhere": False}
    assert every_api_item(client, MINE, headers=bearer, limit=2) == events


def test_failed_logins_are_rolled_up_per_account(client, user):
    for _ in range(4):
        assert login(client, user.email, "wrong guess").status_code == 401
    assert login(client, "nobody@example.com", "wrong guess").status_code == 401
    (failed,) = [
        event
        for event in client.get(MINE, headers=auth_headers(user)).json()["items"]
        if event["action"] == "LOGIN_FAILED"
    ]
    assert failed["actor_id"] is None
    assert failed["details"]["count"] == 4
    assert failed["details"]["client_addresses"] == ["testclient"]
    with transaction(write=False) as session:
        assert session.scalars(select(AuditEvent.action)).all() == ["LOGIN_FAILED"]


def test_a_new_window_opens_a_new_failed_login_event(client, user, env):
    env.setenv("IDENTITY_LOGIN_FAILED_WINDOW_SECONDS", "0")
    get_settings.cache_clear()
    login(client, user.email, "wrong guess")
    login(client, user.email, "wrong guess")
    assert actions(client, auth_headers(user)) == ["LOGIN_FAILED", "LOGIN_FAILED"]


def test_concurrent_failed_logins_all_count(user):
    from services import identity

    start = threading.Barrier(6)

    def fail() -> None:
        start.wait()
        attempt = identity.PasswordLogin(user.email, "wrong guess", "198.51.100.9")
        with pytest.raises(identity.InvalidCredentials), transaction(write=True) as session:
            identity.authenticate_password(session, login=attempt)

    threads = [threading.Thread(target=fail) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with transaction(write=False) as session:
        rows = session.scalars(select(AuditEvent).where(AuditEvent.action == "LOGIN_FAILED")).all()
    assert sum(row.details["count"] for row in rows) == 6


def test_a_password_reset_and_session_revocations_are_logged(app, client, mailbox, user):
    client.post("/api/v1/identity/password-resets", json={"email": user.email})
    code = token_in(mailbox.next(to=user.email))
    client.post(
        "/api/v1/identity/password-reset-confirmations",
        json={"token": code, "password": "reset passphrase"},
    )
    browser = new_browser(app)
    csrf = {"X-CSRF-Token": log_in(browser, user.email, "reset passphrase")}
    assert browser.delete("/api/v1/sessions/current", headers=csrf).status_code == 204
    log = client.get(MINE, headers=auth_headers(user)).json()["items"]
    assert [event["action"] for event in log] == [
        "SESSION_REVOKED",
        "LOGGED_IN",
        "EMAIL_VERIFIED",
        "PASSWORD_RESET",
    ]
    assert log[0]["details"]["kind"] == "session"


def test_an_oauth_link_is_logged_and_verifies_the_email(client, browser, oauth_provider):
    # The login ends in the browser that started it (its __Host- cookie needs https).
    existing = make_user(email="grace@example.com")
    start = browser.get(
        "/api/v1/oauth/authorization", params={"result": "TOKENS"}, follow_redirects=False
    )
    answer = sign_in_at_provider(str(start.headers["location"]), "grace")
    assert browser.get("/api/v1/oauth/callback", params=answer).status_code == 200
    log = client.get(MINE, headers=auth_headers(existing)).json()["items"]
    assert [event["action"] for event in log] == ["EMAIL_VERIFIED", "OAUTH_LINKED"]
    assert log[1]["details"] == {"issuer": oauth_provider}


def test_the_own_log_shows_nothing_of_other_accounts(client, user):
    other = make_user()
    login(client, other.email)
    assert actions(client, auth_headers(user)) == []


def test_the_own_log_needs_credentials(client):
    assert_problem(client.get(MINE), 401, "/problems/unauthorized")


def test_admins_read_any_accounts_log(client, admin, user):
    login(client, user.email)
    response = client.get(admin_events(user.id), headers=auth_headers(admin))
    assert response.status_code == 200
    assert [event["action"] for event in response.json()["items"]] == ["LOGGED_IN"]


def test_only_admins_read_another_accounts_log(client, user):
    assert_problem(
        client.get(admin_events(user.id), headers=auth_headers(user)), 403, "/problems/forbidden"
    )
    assert_problem(client.get(admin_events(user.id)), 401, "/problems/unauthorized")


def test_the_log_of_an_unknown_account_is_404(client, admin):
    missing = "00000000-0000-4000-8000-000000000000"
    response = client.get(admin_events(missing), headers=auth_headers(admin))
    assert_problem(response, 404, "/problems/identity/user-not-found")
