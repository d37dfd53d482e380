from __future__ import annotations

from collections.abc import Iterator

import pytest

from core.credentials import PresentedCookie
from core.http import cookies_must_be_secure
from core.settings import get_settings
from services.sessions import CsrfRejected, check_csrf, csrf_token_for


@pytest.fixture
def cors_origin(monkeypatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    monkeypatch.setenv("CORS_ORIGINS", "https://app.example")
    get_settings.cache_clear()
    yield "https://app.example"
    monkeypatch.delenv("CORS_ORIGINS")
    get_settings.cache_clear()


def _presented(token: str, **overrides) -> PresentedCookie:  # type: ignore[no-untyped-def]
    values = {
        "value": token,
        "method": "POST",
        "client_address": "192.0.2.1",
        "csrf_header": csrf_token_for(token),
        "csrf_cookie": csrf_token_for(token),
        "origin": None,
        "referer": None,
        "scheme": "https",
        "host": "api.example",
    }
    return PresentedCookie(**{**values, **overrides})


def test_safe_methods_need_no_token():
    check_csrf(_presented("s1", method="GET", csrf_header=None, csrf_cookie=None))


def test_the_token_is_bound_to_its_session():
    assert csrf_token_for("s1") != csrf_token_for("s2")
    check_csrf(_presented("s1"))
    with pytest.raises(CsrfRejected):
        check_csrf(
            _presented("s2", csrf_header=csrf_token_for("s1"), csrf_cookie=csrf_token_for("s1"))
        )


def test_header_and_cookie_must_both_match():
    with pytest.raises(CsrfRejected):
        check_csrf(_presented("s1", csrf_cookie=None))
    with pytest.raises(CsrfRejected):
        check_csrf(_presented("s1", csrf_header=""))


def test_configured_cors_origins_may_use_the_session(cors_origin):
    check_csrf(_presented("s1", origin=cors_origin))
    check_csrf(_presented("s1", referer=f"{cors_origin}/settings"))
    with pytest.raises(CsrfRejected):
        check_csrf(_presented("s1", origin="https://app.example.evil"))


@pytest.mark.parametrize(
    ("scheme", "host", "relaxed", "secure"),
    [
        ("https", "127.0.0.1", True, True),
        ("http", "127.0.0.1:8000", True, False),
        ("http", "localhost", True, False),
        ("http", "[::1]:8000", True, False),
        ("http", "127.0.0.1:8000", False, True),
        ("http", "api.example", True, True),
        ("http", "localhost.evil.example", True, True),
    ],
)
def test_cookies_lose_secure_only_for_http_on_loopback_when_allowed(scheme, host, relaxed, secure):
    assert cookies_must_be_secure(scheme, host, insecure_localhost=relaxed) is secure
