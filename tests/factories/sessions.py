from __future__ import annotations

import pytest
from starlette.testclient import TestClient

ORIGIN = "https://127.0.0.1"


def new_browser(app) -> TestClient:  # type: ignore[no-untyped-def]
    """A client of its own (its own cookie jar) over https, as a browser would be."""
    return TestClient(app, base_url=ORIGIN)


@pytest.fixture
def browser(app, client) -> TestClient:  # type: ignore[no-untyped-def]
    return new_browser(app)  # `client` first: it runs the app's startup


def log_in(browser: TestClient, email: str, password: str) -> str:
    """Logs the browser in; returns the CSRF token to send with unsafe requests."""
    response = browser.post("/api/v1/sessions", json={"email": email, "password": password})
    assert response.status_code == 201, response.text
    return str(response.json()["csrf_token"])
