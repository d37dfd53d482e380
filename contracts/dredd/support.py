"""State and helpers shared by the Dredd hook files (one Python process runs them all).

Dredd sends the spec's examples as they are. The hooks make them runnable against a live server:
credentials, fixtures created through the API, unique values where the example would collide. A
transaction Dredd cannot meaningfully send is skipped with a written reason, printed at the end.
"""

from __future__ import annotations

import json
import os
import uuid
from typing import Any

import httpx

BASE = os.environ["BASE"]
API = f"{BASE}/api/v1"
ADMIN_EMAIL = os.environ["ADMIN_EMAIL"]
ADMIN_PASSWORD = os.environ["ADMIN_PASSWORD"]

#: transaction name -> reason it was skipped
SKIPPED: dict[str, str] = {}
state: dict[str, Any] = {}


def login(email: str, password: str) -> dict[str, Any]:
    response = httpx.post(
        f"{API}/identity/tokens",
        json={"grant_type": "PASSWORD", "email": email, "password": password},
    )
    response.raise_for_status()
    tokens: dict[str, Any] = response.json()
    return tokens


def admin_token() -> str:
    if "admin_token" not in state:
        state["admin_token"] = login(ADMIN_EMAIL, ADMIN_PASSWORD)["access_token"]
    token: str = state["admin_token"]
    return token


def api(method: str, path: str, **kwargs: Any) -> httpx.Response:
    headers = {"Authorization": f"Bearer {admin_token()}", **kwargs.pop("headers", {})}
    response = httpx.request(method, f"{API}{path}", headers=headers, **kwargs)
    response.raise_for_status()
    return response


def throwaway_user(password: str = "correct horse battery staple") -> tuple[str, dict[str, Any]]:
    """A new account and its tokens, for transactions that must not touch the admin's state."""
    email = unique_email()
    account = {"email": email, "password": password, "display_name": "Dredd"}
    api("POST", "/identity/users", json=account)
    return email, login(email, password)


def unique_email() -> str:
    return f"dredd-{uuid.uuid4().hex[:12]}@example.com"


def body_of(transaction: dict[str, Any]) -> dict[str, Any]:
    raw = transaction["request"].get("body") or "{}"
    body: dict[str, Any] = json.loads(raw)
    return body


def set_body(transaction: dict[str, Any], body: dict[str, Any]) -> None:
    # JSON, whatever media type Dredd took the example from (the token endpoint also takes a form).
    transaction["request"]["body"] = json.dumps(body)
    transaction["request"]["headers"]["Content-Type"] = "application/json"


def replace_path(transaction: dict[str, Any], old: str, new: str) -> None:
    for key in ("fullPath",):
        transaction[key] = transaction[key].replace(old, new)
    transaction["request"]["uri"] = transaction["request"]["uri"].replace(old, new)


def use_a_created_row(
    transaction: dict[str, Any], example_id: str, collection: str, fixture: dict[str, Any]
) -> None:
    """For a transaction expecting success on the row `example_id` names: creates a row through
    the API (POST `collection`), puts its id in the path and, on PATCH and DELETE, its ETag in
    If-Match."""
    if example_id not in transaction["fullPath"] or status_of(transaction) >= 300:
        return
    created = api("POST", collection, json=fixture)
    replace_path(transaction, example_id, created.json()["id"])
    if transaction["request"]["method"] in ("PATCH", "DELETE"):
        transaction["request"]["headers"]["If-Match"] = created.headers["ETag"]


def status_of(transaction: dict[str, Any]) -> int:
    return int(transaction["expected"]["statusCode"])


def skip(transaction: dict[str, Any], reason: str) -> None:
    transaction["skip"] = True
    SKIPPED[transaction["name"]] = reason


def run(transaction: dict[str, Any]) -> None:
    transaction["skip"] = False
    SKIPPED.pop(transaction["name"], None)
