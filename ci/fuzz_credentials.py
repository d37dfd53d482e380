"""Prints, as shell assignments, one credential of each kind for a live server (ci/fuzz.sh):
a bearer token and an API key of an admin, the admin's session cookie with its CSRF token, and a
Conduit facade token of an account of its own (the facade's PUT /user may change that account's
email and password, so the admin keeps its own).

Usage: python -m ci.fuzz_credentials BASE_URL ADMIN_EMAIL ADMIN_PASSWORD
"""

from __future__ import annotations

import shlex
import sys
import uuid

import httpx


def main(base: str, email: str, password: str) -> None:
    with httpx.Client(base_url=base, timeout=30) as http:
        tokens = http.post(
            "/api/v1/identity/tokens",
            json={"grant_type": "PASSWORD", "email": email, "password": password},
        )
        tokens.raise_for_status()
        bearer = tokens.json()["access_token"]
        key = http.post(
            "/api/v1/apikeys/keys",
            json={"name": "fuzz", "scope": "READ_WRITE", "rate_limit_per_minute": 100_000},
            headers={"Authorization": f"Bearer {bearer}"},
        )
        key.raise_for_status()
        session = http.post("/api/v1/sessions", json={"email": email, "password": password})
        session.raise_for_status()
        cookie = "; ".join(f"{name}={session.cookies[name]}" for name in session.cookies)
        facade_user = {
            "username": f"fz-{uuid.uuid4().hex[:8]}",
            "email": f"fz-{uuid.uuid4().hex[:8]}@example.com",
            "password": f"fuzz-{uuid.uuid4().hex}",
        }
        facade = http.post("/conduit/api/users", json={"user": facade_user})
        facade.raise_for_status()
    values = {
        "BEARER": bearer,
        "API_KEY": key.json()["key"],
        "SESSION_COOKIE": cookie,
        "CSRF_TOKEN": session.json()["csrf_token"],
        "CONDUIT_TOKEN": facade.json()["user"]["token"],
    }
    for name, value in values.items():
        print(f"{name}={shlex.quote(value)}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
