"""OAuth login against a real OpenID Connect provider on loopback (npm oidc-provider): success,
state mismatch, wrong PKCE verifier, replayed code, unverified email, linking, sessions, and the
binding of a login to the browser that started it."""

from __future__ import annotations

import hashlib
from urllib.parse import parse_qs, urlsplit

from sqlalchemy import func, select, update
from starlette.testclient import TestClient

from core.db import transaction
from core.settings import get_settings
from db.models.identity import User
from db.models.oauth import AuthorizationRequest, LinkedIdentity
from tests.factories.identity import PASSWORD, make_user
from tests.factories.oauth import CLIENT_ID, REDIRECT_URI, sign_in_at_provider
from tests.factories.sessions import new_browser
from tests.problems import assert_problem

START = "/api/v1/oauth/authorization"
CALLBACK = "/api/v1/oauth/callback"


def _start(browser, result: str = "TOKENS") -> str:  # type: ignore[no-untyped-def]
    """Starts a login in `browser` (which keeps the binding cookie); the provider URL."""
    response = browser.get(START, params={"result": result}, follow_redirects=False)
    assert response.status_code == 302, response.text
    return str(response.headers["location"])


def _users() -> int:
    with transaction(write=True) as session:
        return int(session.scalar(select(func.count()).select_from(User)) or 0)


def test_start_redirects_with_state_nonce_and_s256_challenge(browser, oauth_provider):
    location = _start(browser)
    assert location.startswith(f"{oauth_provider}/auth?")
    query = {k: v[0] for k, v in parse_qs(urlsplit(location).query).items()}
    assert query["client_id"] == CLIENT_ID
    assert query["redirect_uri"] == REDIRECT_URI
    assert query["response_type"] == "code"
    assert query["code_challenge_method"] == "S256"
    assert len(query["code_challenge"]) == 43
    assert query["state"] and query["nonce"] and query["state"] != query["nonce"]
    assert set(query["scope"].split()) == {"openid", "email", "profile"}


def test_a_first_login_creates_a_passwordless_account_and_returns_tokens(browser, oauth_provider):
    answer = sign_in_at_provider(_start(browser), "ada")
    response = browser.get(CALLBACK, params=answer)
    assert response.status_code == 200, response.text
    tokens = response.json()
    me = browser.get(
        "/api/v1/identity/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    ).json()
    assert me["email"] == "ada@example.com" and me["display_name"] == "ada"
    with transaction(write=True) as session:
        user = session.scalars(select(User).where(User.email_key == "ada@example.com")).one()
        assert user.password_hash is None
        link = session.scalars(select(LinkedIdentity)).one()
        assert (link.issuer, link.subject) == (oauth_provider, "ada")
    # the same provider account signs in as the same account again
    again = browser.get(CALLBACK, params=sign_in_at_provider(_start(browser), "ada"))
    assert again.status_code == 200
    assert _users() == 1


def test_a_verified_email_links_to_the_existing_account(browser, oauth_provider):
    existing = make_user(email="grace@example.com")
    response = browser.get(CALLBACK, params=sign_in_at_provider(_start(browser), "grace"))
    assert response.status_code == 200
    me = browser.get(
        "/api/v1/identity/users/me",
        headers={"Authorization": f"Bearer {response.json()['access_token']}"},
    ).json()
    assert me["id"] == str(existing.id)
    # the password still works too
    login = browser.post(
        "/api/v1/identity/tokens",
        json={"grant_type": "PASSWORD", "email": "grace@example.com", "password": PASSWORD},
    )
    assert login.status_code == 200


def test_an_unverified_email_neither_links_nor_creates(browser, oauth_provider):
    make_user(email="eve@example.com")
    response = browser.get(CALLBACK, params=sign_in_at_provider(_start(browser), "eve"))
    assert_problem(response, 403, "/problems/oauth/email-not-verified")
    with transaction(write=True) as session:
        assert session.scalar(select(func.count()).select_from(LinkedIdentity)) == 0
    assert _users() == 1


def test_a_state_this_server_did_not_issue_is_refused(browser, oauth_provider):
    answer = sign_in_at_provider(_start(browser), "ada")
    forged = {**answer, "state": "not-the-state-we-sent"}
    assert_problem(browser.get(CALLBACK, params=forged), 422, "/problems/oauth/invalid-state")
    assert _users() == 0


def test_a_state_is_single_use(browser, oauth_provider):
    answer = sign_in_at_provider(_start(browser), "ada")
    assert browser.get(CALLBACK, params=answer).status_code == 200
    assert_problem(browser.get(CALLBACK, params=answer), 422, "/problems/oauth/invalid-state")


def test_a_wrong_pkce_verifier_is_refused_by_the_provider(browser, oauth_provider):
    answer = sign_in_at_provider(_start(browser), "ada")
    with transaction(write=True) as session:
        session.execute(update(AuthorizationRequest).values(code_verifier="x" * 43))
    response = browser.get(CALLBACK, params=answer)
    assert_problem(response, 422, "/problems/oauth/provider-refused")
    assert "invalid_grant" in response.json()["detail"]
    assert _users() == 0
    # the failed attempt consumed the state
    assert_problem(browser.get(CALLBACK, params=answer), 422, "/problems/oauth/invalid-state")


def test_a_replayed_code_is_refused(browser, oauth_provider):
    first = sign_in_at_provider(_start(browser), "ada")
    assert browser.get(CALLBACK, params=first).status_code == 200
    # a fresh login of ours (new state and verifier) carrying the already redeemed code
    fresh = sign_in_at_provider(_start(browser), "ada")
    replay = {**fresh, "code": first["code"]}
    assert_problem(browser.get(CALLBACK, params=replay), 422, "/problems/oauth/provider-refused")


def test_a_provider_refusal_is_reported(browser, oauth_provider):
    location = _start(browser)
    state = parse_qs(urlsplit(location).query)["state"][0]
    response = browser.get(CALLBACK, params={"state": state, "error": "access_denied"})
    assert_problem(response, 422, "/problems/oauth/provider-refused")


def test_a_login_can_end_in_a_cookie_session(browser, oauth_provider):
    location = _start(browser, result="SESSION")
    response = browser.get(CALLBACK, params=sign_in_at_provider(location, "ada"))
    assert response.status_code == 201, response.text
    assert browser.cookies.get("trellis_session")
    assert browser.get("/api/v1/identity/users/me").json()["email"] == "ada@example.com"


def test_a_disabled_account_cannot_sign_in_with_the_provider(browser, oauth_provider):
    answer = sign_in_at_provider(_start(browser), "ada")
    assert browser.get(CALLBACK, params=answer).status_code == 200
    with transaction(write=True) as session:
        session.execute(update(User).values(is_disabled=True))
    response = browser.get(CALLBACK, params=sign_in_at_provider(_start(browser), "ada"))
    assert_problem(response, 401, "/problems/identity/invalid-credentials")


def test_oauth_answers_404_when_not_configured(browser):
    assert_problem(browser.get(START), 404, "/problems/oauth/not-configured")


def test_callback_needs_a_state(browser, oauth_provider):
    assert_problem(browser.get(CALLBACK, params={"code": "x"}), 400, "/problems/validation")


def test_an_id_token_for_another_login_is_refused(browser, oauth_provider):
    answer = sign_in_at_provider(_start(browser), "ada")
    with transaction(write=True) as session:
        session.execute(update(AuthorizationRequest).values(nonce="another-logins-nonce"))
    response = browser.get(CALLBACK, params=answer)
    assert_problem(response, 401, "/problems/oauth/invalid-id-token")
    assert _users() == 0


# --- the login is bound to the browser that started it (RFC 9700 §4.7) -------------------------


def _set_cookie(response, name: str) -> str:  # type: ignore[no-untyped-def]
    found = [v for v in response.headers.get_list("set-cookie") if v.startswith(f"{name}=")]
    assert len(found) == 1, response.headers.get_list("set-cookie")
    return str(found[0])


def test_start_binds_the_login_to_the_browser_with_a_host_prefixed_cookie(browser, oauth_provider):
    response = browser.get(START, follow_redirects=False)
    assert response.status_code == 302
    header = _set_cookie(response, "__Host-trellis_oauth")
    attributes = set(header.split("; ")[1:])
    assert attributes == {"Path=/", "Max-Age=600", "SameSite=Lax", "HttpOnly", "Secure"}
    value = browser.cookies.get("__Host-trellis_oauth")
    assert value and len(value) >= 43
    with transaction(write=True) as session:
        request = session.scalars(select(AuthorizationRequest)).one()
        # only its hash is kept, with the state
        assert request.browser_hash == hashlib.sha256(value.encode()).hexdigest()
    assert response.headers["cache-control"] == "no-store"


def test_a_callback_without_the_binding_cookie_is_refused_and_uses_the_state_up(
    app, browser, oauth_provider
):
    answer = sign_in_at_provider(_start(browser), "ada")
    elsewhere = new_browser(app)
    response = elsewhere.get(CALLBACK, params=answer)
    assert_problem(response, 403, "/problems/oauth/browser-mismatch")
    assert "set-cookie" not in response.headers
    assert _users() == 0
    # the browser that started it cannot finish it any more either
    assert_problem(browser.get(CALLBACK, params=answer), 422, "/problems/oauth/invalid-state")


def test_a_callback_with_another_logins_cookie_is_refused(app, browser, oauth_provider):
    answer = sign_in_at_provider(_start(browser), "ada")
    other = new_browser(app)
    _start(other)  # a login of its own: a binding cookie, but not this login's
    assert other.cookies.get("__Host-trellis_oauth")
    assert_problem(other.get(CALLBACK, params=answer), 403, "/problems/oauth/browser-mismatch")
    assert _users() == 0


def test_an_unprefixed_binding_cookie_is_not_read_over_https(app, browser, oauth_provider):
    answer = sign_in_at_provider(_start(browser), "ada")
    value = browser.cookies.get("__Host-trellis_oauth")
    # planted by a sibling subdomain or over plain http: the name without the prefix
    planted = new_browser(app)
    planted.cookies.set("trellis_oauth", str(value))
    assert_problem(planted.get(CALLBACK, params=answer), 403, "/problems/oauth/browser-mismatch")


def test_a_successful_callback_clears_the_binding_cookie(browser, oauth_provider):
    response = browser.get(CALLBACK, params=sign_in_at_provider(_start(browser), "ada"))
    assert response.status_code == 200
    assert "Max-Age=0" in _set_cookie(response, "__Host-trellis_oauth")
    assert browser.cookies.get("__Host-trellis_oauth") is None


def test_a_session_login_clears_the_binding_cookie_too(browser, oauth_provider):
    response = browser.get(
        CALLBACK, params=sign_in_at_provider(_start(browser, result="SESSION"), "ada")
    )
    assert response.status_code == 201
    assert "Max-Age=0" in _set_cookie(response, "__Host-trellis_oauth")
    assert browser.cookies.get("trellis_session")


def test_plain_http_to_loopback_in_development_uses_the_unprefixed_name(
    app, client, oauth_provider, monkeypatch
):
    monkeypatch.setenv("SESSION_COOKIE_INSECURE_LOCALHOST", "1")
    get_settings.cache_clear()
    plain = TestClient(app, base_url="http://127.0.0.1")  # a __Host- cookie needs https
    response = plain.get(START, follow_redirects=False)
    assert "Secure" not in _set_cookie(response, "trellis_oauth").split("; ")
    answer = sign_in_at_provider(str(response.headers["location"]), "ada")
    assert plain.get(CALLBACK, params=answer).status_code == 200


def test_plain_http_without_the_development_setting_still_sends_a_secure_host_cookie(
    app, client, oauth_provider
):
    plain = TestClient(app, base_url="http://127.0.0.1")
    response = plain.get(START, follow_redirects=False)
    assert "Secure" in _set_cookie(response, "__Host-trellis_oauth").split("; ")
    # the client keeps a Secure cookie off plain http, as a browser does: refused
    answer = sign_in_at_provider(str(response.headers["location"]), "ada")
    assert_problem(plain.get(CALLBACK, params=answer), 403, "/problems/oauth/browser-mismatch")
