"""OAuth login against a real OpenID Connect provider on loopback (npm oidc-provider): success,
state mismatch, wrong PKCE verifier, replayed code, unverified email, linking, sessions."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from sqlalchemy import func, select, update

from core.db import transaction
from db.models.identity import User
from db.models.oauth import AuthorizationRequest, LinkedIdentity
from tests.factories.identity import PASSWORD, make_user
from tests.factories.oauth import CLIENT_ID, REDIRECT_URI, sign_in_at_provider
from tests.factories.sessions import new_browser
from tests.problems import assert_problem

START = "/api/v1/oauth/authorization"
CALLBACK = "/api/v1/oauth/callback"


def _start(client, result: str = "TOKENS") -> str:  # type: ignore[no-untyped-def]
    response = client.get(START, params={"result": result}, follow_redirects=False)
    assert response.status_code == 302, response.text
    return str(response.headers["location"])


def _users() -> int:
    with transaction(write=True) as session:
        return int(session.scalar(select(func.count()).select_from(User)) or 0)


def test_start_redirects_with_state_nonce_and_s256_challenge(client, oauth_provider):
    location = _start(client)
    assert location.startswith(f"{oauth_provider}/auth?")
    query = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == REDIRECT_URI
    assert query["response_type"] == "code"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert query["state"] and query["nonce"] and query["state"] != query["nonce"]
    assert set(query["scope"].split()) == {"openid", "email", "profile"}


def test_a_first_login_creates_a_passwordless_account_and_returns_tokens(client, oauth_provider):
    answer = sign_in_at_provider(_start(client), "ada")
    response = client.get(CALLBACK, params=answer)
    assert response.status_code == 200, response.text
    tokens = response.json()
    me = client.get(
        "/api/v1/identity/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    ).json()
    assert me["email"] == "ada@example.com" and me["display_name"] == "ada"
    with transaction(write=True) as session:
        user = session.scalars(select(User).where(User.email_key == "ada@example.com")).one()
        assert user.password_hash is None
        link = session.scalars(select(LinkedIdentity)).one()
        assert (link.issuer, link.subject) == (oauth_provider, "ada")
    # the same provider account signs in as the same account again
    again = client.get(CALLBACK, params=sign_in_at_provider(_start(client), "ada"))
    assert again.status_code == 200
    assert _users() == 1


def test_a_verified_email_links_to_the_existing_account(client, oauth_provider):
    existing = make_user(email="grace@example.com")
    response = client.get(CALLBACK, params=sign_in_at_provider(_start(client), "grace"))
    assert response.status_code == 200
    me = client.get(
        "/api/v1/identity/users/me",
        headers={"Authorization": f"Bearer {response.json()['access_token']}"},
    ).json()
    assert me["id"] == str(existing.id)
    # the password still works too
    login = client.post(
        "/api/v1/identity/tokens",
        json={"grant_type": "PASSWORD", "email": "grace@example.com", "password": PASSWORD},
    )
    assert login.status_code == 200


def test_an_unverified_email_neither_links_nor_creates(client, oauth_provider):
    make_user(email="eve@example.com")
    response = client.get(CALLBACK, params=sign_in_at_provider(_start(client), "eve"))
    assert_problem(response, 403, "/problems/oauth/email-not-verified")
    with transaction(write=True) as session:
        assert session.scalar(select(func.count()).select_from(LinkedIdentity)) == 0
    assert _users() == 1


def test_a_state_this_server_did_not_issue_is_refused(client, oauth_provider):
    answer = sign_in_at_provider(_start(client), "ada")
    forged = {**answer, "state": "not-the-state-we-sent"}
    assert_problem(client.get(CALLBACK, params=forged), 422, "/problems/oauth/invalid-state")
    assert _users() == 0


def test_a_state_is_single_use(client, oauth_provider):
    answer = sign_in_at_provider(_start(client), "ada")
    assert client.get(CALLBACK, params=answer).status_code == 200
    assert_problem(client.get(CALLBACK, params=answer), 422, "/problems/oauth/invalid-state")


def test_a_wrong_pkce_verifier_is_refused_by_the_provider(client, oauth_provider):
    answer = sign_in_at_provider(_start(client), "ada")
    with transaction(write=True) as session:
        session.execute(update(AuthorizationRequest).values(code_verifier="x" * 43))
    response = client.get(CALLBACK, params=answer)
    assert_problem(response, 422, "/problems/oauth/provider-refused")
    assert "invalid_grant" in response.json()["detail"]
    assert _users() == 0
    # the failed attempt consumed the state
    assert_problem(client.get(CALLBACK, params=answer), 422, "/problems/oauth/invalid-state")


def test_a_replayed_code_is_refused(client, oauth_provider):
    first = sign_in_at_provider(_start(client), "ada")
    assert client.get(CALLBACK, params=first).status_code == 200
    # a fresh login of ours (new state and verifier) carrying the already redeemed code
    fresh = sign_in_at_provider(_start(client), "ada")
    replay = {**fresh, "code": first["code"]}
    assert_problem(client.get(CALLBACK, params=replay), 422, "/problems/oauth/provider-refused")


def test_a_provider_refusal_is_reported(client, oauth_provider):
    location = _start(client)
    state = parse_qs(urlsplit(location).query)["state"][0]
    response = client.get(CALLBACK, params={"state": state, "error": "access_denied"})
    assert_problem(response, 422, "/problems/oauth/provider-refused")


def test_a_login_can_end_in_a_cookie_session(app, client, oauth_provider):
    browser = new_browser(app)
    location = _start(browser, result="SESSION")
    response = browser.get(CALLBACK, params=sign_in_at_provider(location, "ada"))
    assert response.status_code == 201, response.text
    assert browser.cookies.get("trellis_session")
    assert browser.get("/api/v1/identity/users/me").json()["email"] == "ada@example.com"


def test_a_disabled_account_cannot_sign_in_with_the_provider(client, oauth_provider):
    answer = sign_in_at_provider(_start(client), "ada")
    assert client.get(CALLBACK, params=answer).status_code == 200
    with transaction(write=True) as session:
        session.execute(update(User).values(is_disabled=True))
    response = client.get(CALLBACK, params=sign_in_at_provider(_start(client), "ada"))
    assert_problem(response, 401, "/problems/identity/invalid-credentials")


def test_oauth_answers_404_when_not_configured(client):
    assert_problem(client.get(START), 404, "/problems/oauth/not-configured")


def test_callback_needs_a_state(client, oauth_provider):
    assert_problem(client.get(CALLBACK, params={"code": "x"}), 400, "/problems/validation")


def test_an_id_token_for_another_login_is_refused(client, oauth_provider):
    answer = sign_in_at_provider(_start(client), "ada")
    with transaction(write=True) as session:
        session.execute(update(AuthorizationRequest).values(nonce="another-logins-nonce"))
    response = client.get(CALLBACK, params=answer)
    assert_problem(response, 401, "/problems/oauth/invalid-id-token")
    assert _users() == 0
