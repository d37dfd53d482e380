"""Each access token names its login (`sid`): ending the login ends the token on its next
request (issue 18 point 4), and a password change ends every login but the one that made it
(issue 19 point 5), on the main API and the Conduit facade alike."""

from __future__ import annotations

from datetime import timedelta

import httpx
import jwt
import pytest

from core.db import utcnow
from tests.factories.identity import PASSWORD, issued_earlier, make_user
from tests.factories.sessions import age_sessions, log_in, new_browser

TOKENS = "/api/v1/identity/tokens"
REVOCATIONS = "/api/v1/identity/token-revocations"
ME = "/api/v1/identity/users/me"
FACADE = "/conduit/api"
NEW_PASSWORD = "a whole new secret"


def token_login(client, user) -> dict:  # type: ignore[no-untyped-def]
    response = client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": user.email, "password": PASSWORD}
    )
    assert response.status_code == 200, response.text
    return response.json()


def facade_login(client, user, password: str = PASSWORD) -> str:  # type: ignore[no-untyped-def]
    body = {"user": {"email": user.email, "password": password}}
    response = client.post(f"{FACADE}/users/login", json=body)
    assert response.status_code == 200, response.text
    return str(response.json()["user"]["token"])


def bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def facade(token: str) -> dict[str, str]:
    return {"Authorization": f"Token {token}"}


def sid(token: str) -> str:
    return str(jwt.decode(token, options={"verify_signature": False})["sid"])


def refresh(client, refresh_token: str):  # type: ignore[no-untyped-def]
    return client.post(TOKENS, json={"grant_type": "REFRESH_TOKEN", "refresh_token": refresh_token})


# ---- issue 18 point 4: logout ends the access token -------------------------------------------


def test_the_access_token_names_its_login_and_refreshing_stays_in_it(client, user):
    first = token_login(client, user)
    second = refresh(client, first["refresh_token"]).json()
    assert sid(first["access_token"]) == sid(second["access_token"])
    assert sid(token_login(client, user)["access_token"]) != sid(first["access_token"])


def test_logout_ends_the_logins_access_tokens_on_the_next_request(client, user):
    ended, kept = token_login(client, user), token_login(client, user)
    rotated = refresh(client, ended["refresh_token"]).json()
    for pair in (ended, rotated, kept):  # used once: each verification is now remembered
        assert client.get(ME, headers=bearer(pair["access_token"])).status_code == 200
    revoked = client.post(REVOCATIONS, json={"refresh_token": rotated["refresh_token"]})
    assert revoked.status_code == 204
    for pair in (ended, rotated):
        assert client.get(ME, headers=bearer(pair["access_token"])).status_code == 401
    assert client.get(ME, headers=bearer(kept["access_token"])).status_code == 200


def test_log_out_everywhere_ends_every_access_token_facade_ones_included(client, user):
    pairs = [token_login(client, user) for _ in range(2)]
    facade_token = facade_login(client, user)
    renewed = client.get(f"{FACADE}/user", headers=facade(facade_token)).json()["user"]["token"]
    assert sid(renewed) == sid(facade_token)  # a renewed facade token stays in its login
    stranger = token_login(client, make_user())
    revoked = client.post(
        REVOCATIONS, json={"refresh_token": pairs[0]["refresh_token"], "everywhere": True}
    )
    assert revoked.status_code == 204
    for pair in pairs:
        assert client.get(ME, headers=bearer(pair["access_token"])).status_code == 401
    for token in (facade_token, renewed):
        assert client.get(f"{FACADE}/user", headers=facade(token)).status_code == 401
    assert client.get(ME, headers=bearer(stranger["access_token"])).status_code == 200


def test_a_reused_refresh_token_ends_the_logins_access_tokens_too(client, user):
    pair = token_login(client, user)
    assert refresh(client, pair["refresh_token"]).status_code == 200
    assert refresh(client, pair["refresh_token"]).status_code == 401  # reuse: theft assumed
    assert client.get(ME, headers=bearer(pair["access_token"])).status_code == 401


def test_logout_reaches_every_worker_of_a_live_server(live_server):
    user = make_user()
    with httpx.Client(base_url=live_server, timeout=10) as http:
        pair = token_login(http, user)
        # Enough requests that both worker processes have verified (and remembered) the token.
        for _ in range(12):
            assert http.get(ME, headers=bearer(pair["access_token"])).status_code == 200
        revoked = http.post(REVOCATIONS, json={"refresh_token": pair["refresh_token"]})
        assert revoked.status_code == 204
        answers = {
            http.get(ME, headers=bearer(pair["access_token"])).status_code for _ in range(12)
        }
    assert answers == {401}


# ---- issue 19 point 5: a password change keeps the credential that made it --------------------


def _other_logins(client, app, user):  # type: ignore[no-untyped-def]
    """A token login, a facade login and a cookie session of `user`, all issued a while ago."""
    pair = token_login(client, user)
    browser = new_browser(app)
    csrf = log_in(browser, user.email, PASSWORD)
    age_sessions(created_at=utcnow() - timedelta(seconds=10))
    return {
        "access": issued_earlier(pair["access_token"]),
        "refresh": pair["refresh_token"],
        "facade": issued_earlier(facade_login(client, user)),
        "browser": browser,
        "csrf": csrf,
    }


def _assert_ended(client, others) -> None:  # type: ignore[no-untyped-def]
    assert client.get(ME, headers=bearer(others["access"])).status_code == 401
    assert refresh(client, others["refresh"]).status_code == 401
    assert client.get(f"{FACADE}/user", headers=facade(others["facade"])).status_code == 401
    assert others["browser"].get(ME).status_code == 401


def test_a_password_change_by_token_ends_other_logins_and_keeps_the_token(client, app, user):
    mine = token_login(client, user)
    presenting = issued_earlier(mine["access_token"])
    others = _other_logins(client, app, user)
    changed = client.patch(
        ME,
        json={"password": NEW_PASSWORD, "current_password": PASSWORD},
        headers=bearer(presenting),
    )
    assert changed.status_code == 200
    _assert_ended(client, others)
    assert client.get(ME, headers=bearer(presenting)).status_code == 200
    renewed = refresh(client, mine["refresh_token"])  # its refresh token goes on too
    assert renewed.status_code == 200
    assert client.get(ME, headers=bearer(renewed.json()["access_token"])).status_code == 200


def test_a_password_change_by_session_ends_other_logins_and_keeps_the_session(client, app, user):
    browser = new_browser(app)
    csrf = log_in(browser, user.email, PASSWORD)
    others = _other_logins(client, app, user)  # ages this session too: it began a while ago
    changed = browser.patch(
        ME,
        json={"password": NEW_PASSWORD, "current_password": PASSWORD},
        headers={"X-CSRF-Token": csrf},
    )
    assert changed.status_code == 200, changed.text
    _assert_ended(client, others)
    assert browser.get(ME).status_code == 200


def test_a_facade_password_change_ends_other_logins_and_keeps_the_token(client, app, user):
    presenting = issued_earlier(facade_login(client, user))
    others = _other_logins(client, app, user)
    changed = client.put(
        f"{FACADE}/user", json={"user": {"password": NEW_PASSWORD}}, headers=facade(presenting)
    )
    assert changed.status_code == 200, changed.text
    _assert_ended(client, others)
    assert client.get(f"{FACADE}/user", headers=facade(presenting)).status_code == 200
    answered = changed.json()["user"]["token"]
    assert sid(answered) == sid(presenting)
    assert client.get(f"{FACADE}/user", headers=facade(answered)).status_code == 200
    logged_in = client.post(
        f"{FACADE}/users/login", json={"user": {"email": user.email, "password": NEW_PASSWORD}}
    )
    assert logged_in.status_code == 200


@pytest.mark.parametrize("length", [8, 64, 128])
def test_passwords_of_8_to_128_characters_are_accepted_on_both_apis(client, user, length):
    new = "p" * length
    pair = token_login(client, user)
    changed = client.patch(
        ME,
        json={"password": new, "current_password": PASSWORD},
        headers=bearer(pair["access_token"]),
    )
    assert changed.status_code == 200, changed.text
    presenting = facade_login(client, make_user(password=new), new)
    again = client.put(
        f"{FACADE}/user", json={"user": {"password": new[::-1] + "!"}}, headers=facade(presenting)
    )
    assert (again.status_code == 200) == (length < 128), again.text
