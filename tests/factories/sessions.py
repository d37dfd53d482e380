from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest
from sqlalchemy import update
from starlette.testclient import TestClient

from core.db import transaction
from db.models.sessions import BrowserSession
from services.session_store import RedisStore, get_store

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


def age_sessions(**changes: Any) -> None:
    """Moves every stored session's timestamps, in whichever store is in use."""
    store = get_store()
    if isinstance(store, RedisStore):
        for key in store.redis.scan_iter(f"{RedisStore.PREFIX}s:*"):
            record = store._load(store.redis.get(key))  # type: ignore[arg-type]
            assert record is not None
            store.redis.set(key, store._dump(replace(record, **changes)), keepttl=True)
        return
    with transaction(write=True) as session:
        session.execute(update(BrowserSession).values(**changes))
