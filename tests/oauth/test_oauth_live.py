"""Login CSRF (RFC 9700 §4.7), over a live 2-worker server and a real provider on loopback.

The attacker starts a login, signs in at the provider with their own account and stops before
the callback; the callback URL is then opened in the victim's browser (its own cookie jar, with
a session of its own). The browsers speak https to a TLS-terminating proxy on loopback that
forwards plain http with `X-Forwarded-Proto: https`, which the server trusts from there: it sets
its production cookies (`__Host-`, Secure) and the browsers' jars return them as over https.
"""

from __future__ import annotations

from collections.abc import Iterator
from urllib.parse import urlencode

import httpx
import pytest
from sqlalchemy import func, select

from core.db import transaction
from db.models.identity import User
from tests.factories.identity import PASSWORD, make_user
from tests.factories.oauth import CLIENT_ID, CLIENT_SECRET, REDIRECT_URI, sign_in_at_provider
from tests.live import serve
from tests.problems import assert_problem

START = "/api/v1/oauth/authorization"
CALLBACK = "/api/v1/oauth/callback"
ME = "/api/v1/identity/users/me"


@pytest.fixture(scope="module")
def live_server_with_oauth(oidc_issuer: str) -> Iterator[str]:
    settings = {
        "OAUTH_DISCOVERY_URL": f"{oidc_issuer}/.well-known/openid-configuration",
        "OAUTH_CLIENT_ID": CLIENT_ID,
        "OAUTH_CLIENT_SECRET": CLIENT_SECRET,
        "OAUTH_REDIRECT_URI": REDIRECT_URI,
        "FORWARDED_ALLOW_IPS": "127.0.0.1",  # the proxy
    }
    with serve(settings) as base:
        yield base


class _TlsTerminatingProxy(httpx.BaseTransport):
    """The proxy in front of the server: takes https from the browser, forwards plain http."""

    def __init__(self) -> None:
        self._upstream = httpx.HTTPTransport()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        forwarded = httpx.Request(
            request.method,
            request.url.copy_with(scheme="http"),
            headers=[*request.headers.raw, (b"x-forwarded-proto", b"https")],
            stream=request.stream,
        )
        return self._upstream.handle_request(forwarded)

    def close(self) -> None:
        self._upstream.close()


def _https(base: str) -> str:
    return base.replace("http://", "https://", 1)


def _browser(base: str) -> httpx.Client:
    """A browser with its own cookie jar, on https (through the proxy)."""
    return httpx.Client(base_url=_https(base), transport=_TlsTerminatingProxy(), timeout=30)


def _start(browser: httpx.Client, result: str = "TOKENS") -> str:
    response = browser.get(START, params={"result": result})
    assert response.status_code == 302, response.text
    cookie = response.headers["set-cookie"]
    assert cookie.startswith("__Host-trellis_oauth=") and "Secure" in cookie.split("; ")
    return str(response.headers["location"])


def _accounts(email: str) -> int:
    with transaction(write=False) as session:
        query = select(func.count()).select_from(User).where(User.email_key == email)
        return int(session.scalar(query) or 0)


def test_a_callback_url_sent_to_another_browser_is_refused(live_server_with_oauth: str) -> None:
    base = live_server_with_oauth
    victim_account = make_user(email="victim@example.com")
    with _browser(base) as attacker, _browser(base) as victim:
        login = victim.post(
            "/api/v1/sessions", json={"email": victim_account.email, "password": PASSWORD}
        )
        assert login.status_code == 201, login.text
        victim_session = victim.cookies.get("trellis_session")
        assert victim_session

        answer = sign_in_at_provider(_start(attacker, result="SESSION"), "mallory")
        callback_url = f"{_https(base)}{CALLBACK}?{urlencode(answer)}"

        refused = victim.get(callback_url)
        assert_problem(refused, 403, "/problems/oauth/browser-mismatch")
        assert "set-cookie" not in refused.headers
        assert victim.cookies.get("trellis_session") == victim_session
        me = victim.get(ME)
        assert me.status_code == 200 and me.json()["email"] == "victim@example.com"
        assert _accounts("mallory@example.com") == 0  # the attacker's code was never redeemed

        # The refusal used the state up: not even the attacker's browser can finish it now.
        assert_problem(attacker.get(callback_url), 422, "/problems/oauth/invalid-state")


def test_the_browser_that_started_the_login_finishes_it(live_server_with_oauth: str) -> None:
    with _browser(live_server_with_oauth) as browser:
        answer = sign_in_at_provider(_start(browser, result="SESSION"), "ada")
        response = browser.get(CALLBACK, params=answer)
        assert response.status_code == 201, response.text
        assert browser.cookies.get("__Host-trellis_oauth") is None  # cleared
        assert browser.get(ME).json()["email"] == "ada@example.com"
