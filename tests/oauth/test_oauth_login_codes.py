"""OAUTH_FRONTEND_URL: the callback redirects to the front end with a one-time code (never a
token), which the browser that started the login exchanges at POST /oauth/logins."""

from __future__ import annotations

import hashlib
from datetime import timedelta
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select, update

from core.db import transaction, utcnow
from core.settings import Settings, load_section
from db.models.identity import User
from db.models.oauth import LoginCode
from tests.factories.oauth import sign_in_at_provider
from tests.factories.sessions import new_browser
from tests.problems import assert_problem

START = "/api/v1/oauth/authorization"
CALLBACK = "/api/v1/oauth/callback"
LOGINS = "/api/v1/oauth/logins"


def _handed_over(browser, frontend: str, result: str = "TOKENS", who: str = "ada") -> str:  # type: ignore[no-untyped-def]
    """A provider login finished in `browser`; the one-time code the front end receives."""
    start = browser.get(START, params={"result": result}, follow_redirects=False)
    answer = sign_in_at_provider(str(start.headers["location"]), who)
    response = browser.get(CALLBACK, params=answer, follow_redirects=False)
    assert response.status_code == 303, response.text
    location = str(response.headers["location"])
    assert location.startswith(f"{frontend}#")
    assert response.headers["cache-control"] == "no-store"
    assert "set-cookie" not in response.headers  # the binding cookie stays for the exchange
    parts = urlsplit(location)
    assert parts.query == ""  # nothing a server would log or a Referer would carry
    fragment = parse_qs(parts.fragment)
    assert list(fragment) == ["login_code"]
    return fragment["login_code"][0]


def test_the_callback_redirects_to_the_front_end_with_a_code_and_no_token(
    browser, oauth_provider, frontend
):
    code = _handed_over(browser, frontend)
    assert len(code) >= 43 and "." not in code  # an opaque value, not a JWT
    with transaction(write=True) as session:
        stored = session.scalars(select(LoginCode)).one()
        assert stored.code_hash == hashlib.sha256(code.encode()).hexdigest()
        assert stored.expires_at - stored.created_at == timedelta(seconds=60)


def test_the_code_answers_the_token_pair_once(browser, oauth_provider, frontend):
    code = _handed_over(browser, frontend)
    response = browser.post(LOGINS, json={"code": code})
    assert response.status_code == 200, response.text
    tokens = response.json()
    assert browser.cookies.get("__Host-trellis_oauth") is None  # cleared
    me = browser.get(
        "/api/v1/identity/users/me", headers={"Authorization": f"Bearer {tokens['access_token']}"}
    )
    assert me.json()["email"] == "ada@example.com"
    again = browser.post(LOGINS, json={"code": code})
    assert_problem(again, 422, "/problems/oauth/invalid-login-code")


def test_a_session_login_is_started_by_the_exchange(browser, oauth_provider, frontend):
    code = _handed_over(browser, frontend, result="SESSION")
    assert browser.cookies.get("trellis_session") is None  # not by the redirect
    response = browser.post(LOGINS, json={"code": code})
    assert response.status_code == 201, response.text
    assert response.json()["csrf_token"]
    assert browser.get("/api/v1/identity/users/me").json()["email"] == "ada@example.com"


def test_a_wrong_code_is_refused(browser, oauth_provider, frontend):
    code = _handed_over(browser, frontend)
    response = browser.post(LOGINS, json={"code": code[:-2] + "xx"})
    assert_problem(response, 422, "/problems/oauth/invalid-login-code")
    # a wrong guess does not spend the real code
    assert browser.post(LOGINS, json={"code": code}).status_code == 200


def test_an_expired_code_is_refused(browser, oauth_provider, frontend):
    code = _handed_over(browser, frontend)
    with transaction(write=True) as session:
        session.execute(update(LoginCode).values(expires_at=utcnow() - timedelta(seconds=1)))
    assert_problem(
        browser.post(LOGINS, json={"code": code}), 422, "/problems/oauth/invalid-login-code"
    )


def test_a_code_forwarded_to_another_browser_is_refused_and_used_up(
    app, browser, oauth_provider, frontend
):
    # The attacker finishes a login of their own and sends the front-end link to a victim.
    code = _handed_over(browser, frontend)
    victim = new_browser(app)
    response = victim.post(LOGINS, json={"code": code})
    assert_problem(response, 403, "/problems/oauth/browser-mismatch")
    assert victim.cookies.get("trellis_session") is None
    assert_problem(
        browser.post(LOGINS, json={"code": code}), 422, "/problems/oauth/invalid-login-code"
    )


def test_a_disabled_account_cannot_exchange_its_code(browser, oauth_provider, frontend):
    code = _handed_over(browser, frontend)
    with transaction(write=True) as session:
        session.execute(update(User).values(is_disabled=True))
    response = browser.post(LOGINS, json={"code": code})
    assert_problem(response, 401, "/problems/identity/invalid-credentials")
    with transaction(write=True) as session:
        session.execute(update(User).values(is_disabled=False))
    again = browser.post(LOGINS, json={"code": code})  # used up by the refusal
    assert_problem(again, 422, "/problems/oauth/invalid-login-code")


def test_an_exchange_needs_a_code(browser):
    assert_problem(browser.post(LOGINS, json={}), 400, "/problems/validation")


def test_without_a_front_end_the_callback_answers_json(browser, oauth_provider):
    start = browser.get(START, follow_redirects=False)
    answer = sign_in_at_provider(str(start.headers["location"]), "ada")
    assert browser.get(CALLBACK, params=answer).status_code == 200


@pytest.mark.parametrize(
    "url", ["app.example.com/x", "javascript:alert(1)", "https://app.example.com/x#frag"]
)
def test_the_front_end_url_must_be_absolute_http_without_a_fragment(url, monkeypatch):
    monkeypatch.setenv("OAUTH_FRONTEND_URL", url)
    with pytest.raises(ValueError, match="OAUTH_FRONTEND_URL"):
        load_section(Settings)
