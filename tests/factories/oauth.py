"""A real OpenID Connect provider (npm oidc-provider) on loopback, and a user agent for it."""

from __future__ import annotations

import re
import shutil
import socket
import subprocess
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import httpx
import pytest

from core.db import transaction
from core.settings import get_settings
from db.models.identity import User
from db.models.oauth import LinkedIdentity
from services import identity, oauth

PROVIDER_SCRIPT = Path(__file__).resolve().parent.parent / "oauth" / "provider.mjs"
CLIENT_ID, CLIENT_SECRET = "trellis-test", "test-client-secret-0123456789abcdef"
REDIRECT_URI = "http://127.0.0.1/api/v1/oauth/callback"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="session")
def oidc_issuer() -> Iterator[str]:
    node = shutil.which("node")
    assert node, "the OAuth tests need Node.js (ci/install.sh installs the provider package)"
    port = _free_port()
    process = subprocess.Popen(
        [node, str(PROVIDER_SCRIPT), str(port), CLIENT_ID, CLIENT_SECRET, REDIRECT_URI],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # the provider prints "ready" once it listens
        assert line.strip() == "ready", f"the OIDC provider did not start: {line!r}"
        yield f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)
        if process.stdout is not None:
            process.stdout.close()


@pytest.fixture
def oauth_provider(oidc_issuer, monkeypatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """Points the server's OAuth settings at the loopback provider for one test."""
    monkeypatch.setenv("OAUTH_DISCOVERY_URL", f"{oidc_issuer}/.well-known/openid-configuration")
    monkeypatch.setenv("OAUTH_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("OAUTH_CLIENT_SECRET", CLIENT_SECRET)
    monkeypatch.setenv("OAUTH_REDIRECT_URI", REDIRECT_URI)
    get_settings.cache_clear()
    oauth.forget_provider()
    yield oidc_issuer
    monkeypatch.undo()
    get_settings.cache_clear()
    oauth.forget_provider()


def sign_in_at_provider(authorization_url: str, login: str) -> dict[str, str]:
    """Plays the user at the provider's login and consent pages; returns the query parameters
    the provider sends back to the redirect URI (code, state, ...)."""
    with httpx.Client(timeout=10) as agent:
        response = agent.get(authorization_url)
        for _ in range(12):
            if response.status_code in (302, 303):
                target = urljoin(str(response.url), response.headers["location"])
                if target.startswith(REDIRECT_URI):
                    return {k: v[0] for k, v in parse_qs(urlsplit(target).query).items()}
                response = agent.get(target)
                continue
            assert response.status_code == 200, response.text
            action = re.search(r'<form[^>]*action="([^"]+)"', response.text)
            prompt = re.search(r'name="prompt" value="([^"]+)"', response.text)
            assert action and prompt, response.text
            form = {"prompt": prompt.group(1)}
            if prompt.group(1) == "login":
                form |= {"login": login, "password": "any"}
            response = agent.post(urljoin(str(response.url), action.group(1)), data=form)
    raise AssertionError("the provider never redirected back")


def make_link(
    user: User, *, subject: str, issuer: str = "https://idp.example.com"
) -> LinkedIdentity:
    """A provider account linked to `user`, as a first login with it would have linked it."""
    with transaction(write=True) as session:
        link = LinkedIdentity(user_id=user.id, issuer=issuer, subject=subject, email=user.email)
        session.add(link)
        session.flush()
        return link


@pytest.fixture
def frontend(monkeypatch) -> Iterator[str]:  # type: ignore[no-untyped-def]
    """OAUTH_FRONTEND_URL set: the callback hands the login over with a one-time code."""
    url = "https://app.example.com/signed-in"
    monkeypatch.setenv("OAUTH_FRONTEND_URL", url)
    get_settings.cache_clear()
    yield url
    monkeypatch.delenv("OAUTH_FRONTEND_URL", raising=False)
    get_settings.cache_clear()


def make_passwordless_user(email: str) -> User:
    """An account created by a provider login: no password."""
    with transaction(write=True) as session:
        return identity.create_user(session, email=email, password=None, display_name="Provider")
