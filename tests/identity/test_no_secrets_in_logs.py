"""No password, access token or refresh token ever reaches the logs, in any flow (issue #4 §5).

Every log line the process writes (structlog's request log on stdout, stdlib logging on stderr) is
captured at the file-descriptor level while one account goes through sign-up, a failed and a
good login, refresh, reuse of a rotated refresh token, a password change, logout, requests with
forged and expired credentials and a validation error that carries a password; then an API key's
life (created, used, refused, revoked) and a cookie session's (login, CSRF failure, logout).
"""

from __future__ import annotations

import json

import jwt

from tests.factories.identity import PASSWORD
from tests.factories.sessions import new_browser

USERS = "/api/v1/identity/users"
TOKENS = "/api/v1/identity/tokens"


def test_a_full_identity_flow_logs_no_secret(app, client, capfd):
    email, password, new_password = (
        "secretive@example.com",
        "first-secret-Pa55",
        "second-secret-Pa55",
    )
    secrets = [password, new_password, "wrong-secret-guess", "tiny1"]

    assert (
        client.post(
            USERS, json={"email": email, "password": password, "display_name": "S"}
        ).status_code
        == 201
    )
    short = client.post(
        USERS, json={"email": "x@example.com", "password": "tiny1", "display_name": "S"}
    )
    assert short.status_code == 400
    assert (
        client.post(
            TOKENS,
            json={"grant_type": "PASSWORD", "email": email, "password": "wrong-secret-guess"},
        ).status_code
        == 401
    )
    login = client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": email, "password": password}
    )
    assert login.status_code == 200
    first = login.json()
    secrets += [first["access_token"], first["refresh_token"]]

    refreshed = client.post(
        TOKENS, json={"grant_type": "REFRESH_TOKEN", "refresh_token": first["refresh_token"]}
    ).json()
    secrets += [refreshed["access_token"], refreshed["refresh_token"]]
    reused = client.post(
        TOKENS, json={"grant_type": "REFRESH_TOKEN", "refresh_token": first["refresh_token"]}
    )
    assert reused.status_code == 401  # and the reuse ended that login: log in again

    second = client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": email, "password": password}
    ).json()
    secrets += [second["access_token"], second["refresh_token"]]
    bearer = {"Authorization": f"Bearer {second['access_token']}"}
    assert client.get(f"{USERS}/me", headers=bearer).status_code == 200
    changed = client.patch(
        f"{USERS}/me",
        json={"password": new_password, "current_password": password},
        headers=bearer,
    )
    assert changed.status_code == 200
    again = client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": email, "password": new_password}
    ).json()
    secrets += [again["access_token"], again["refresh_token"]]
    bearer_again = {"Authorization": f"Bearer {again['access_token']}"}

    forged = jwt.encode({"sub": "x"}, "not-our-key-" * 4, algorithm="HS256")
    secrets.append(forged)
    assert (
        client.get(f"{USERS}/me", headers={"Authorization": f"Bearer {forged}"}).status_code == 401
    )
    assert (
        client.get("/api/v1/tasks", headers={"Authorization": f"Basic {PASSWORD}"}).status_code
        == 401
    )

    key = client.post(
        "/api/v1/apikeys/keys", json={"name": "logged?", "scope": "READ_ONLY"}, headers=bearer_again
    ).json()["key"]
    secrets.append(key)
    assert client.get("/api/v1/tasks", headers={"X-API-Key": key}).status_code == 200
    assert (
        client.post(
            "/api/v1/identity/token-revocations", json={"refresh_token": again["refresh_token"]}
        ).status_code
        == 204
    )
    assert (
        client.post("/api/v1/tasks", json={"title": "x"}, headers={"X-API-Key": key}).status_code
        == 403
    )
    assert client.get("/api/v1/tasks", headers={"X-API-Key": key + "x"}).status_code == 401

    browser = new_browser(app)
    session = browser.post("/api/v1/sessions", json={"email": email, "password": new_password})
    assert session.status_code == 201
    secrets += [browser.cookies["trellis_session"], session.json()["csrf_token"]]
    assert browser.post("/api/v1/tasks", json={"title": "x"}).status_code == 403
    csrf = {"X-CSRF-Token": session.json()["csrf_token"]}
    assert browser.delete("/api/v1/sessions/current", headers=csrf).status_code == 204

    out, err = capfd.readouterr()
    logs = out + err
    events = [json.loads(line).get("event") for line in out.splitlines() if line.startswith("{")]
    assert "request" in events  # the request log was captured
    for secret in secrets:
        assert secret not in logs, f"a secret reached the logs: {secret[:6]}..."
    assert PASSWORD not in logs
