"""Session fixtures: real logins, and the cookie and CSRF token that cookie operations need."""

from __future__ import annotations

import dredd_hooks as hooks
import httpx

from contracts.dredd.support import ADMIN_EMAIL, ADMIN_PASSWORD, API, replace_path, set_body

EXAMPLE_SESSION = "5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d"


def _session() -> tuple[str, dict]:
    """A new admin session over plain http (the server's Secure cookie still comes back)."""
    response = httpx.post(
        f"{API}/sessions", json={"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD}
    )
    response.raise_for_status()
    return response.cookies["trellis_session"], response.json()


def _with_cookie(transaction, csrf: bool) -> None:  # type: ignore[no-untyped-def]
    token, session = _session()
    headers = transaction["request"]["headers"]
    headers.pop("Authorization", None)
    headers["Cookie"] = f"trellis_session={token}; trellis_csrf={session['csrf_token']}"
    if csrf:
        headers["X-CSRF-Token"] = session["csrf_token"]


@hooks.before("/sessions > Log in with a session cookie > 201 > application/json")
def log_in_as_the_admin(transaction):
    set_body(transaction, {"email": ADMIN_EMAIL, "password": ADMIN_PASSWORD})


@hooks.before("/sessions > Log in with a session cookie > 401 > application/problem+json")
def log_in_with_a_wrong_password(transaction):
    set_body(transaction, {"email": ADMIN_EMAIL, "password": "not-the-password"})


@hooks.before("/sessions/current > This session, with its CSRF token > 200 > application/json")
def read_with_the_cookie(transaction):
    _with_cookie(transaction, csrf=False)


@hooks.before("/sessions/current > Log out > 204")
def log_out_with_cookie_and_token(transaction):
    _with_cookie(transaction, csrf=True)


@hooks.before("/sessions/{session_id} > End one of my sessions > 204")
def end_a_real_session(transaction):
    _token, session = _session()
    replace_path(transaction, EXAMPLE_SESSION, session["id"])
