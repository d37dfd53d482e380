"""API keys over HTTP: shown once, scopes, revocation and expiry at once, per-key rate limits
with RateLimit headers, brute-force throttling, audit trail, admin revocation."""

from __future__ import annotations

import os
import uuid
from datetime import timedelta

import httpx
import pytest
from sqlalchemy import update

from core.db import transaction, utcnow
from core.settings import get_settings
from db.models.apikeys import ApiKey
from tests.factories.apikeys import key_headers, make_api_key
from tests.factories.identity import auth_headers, make_user
from tests.problems import assert_problem

KEYS = "/api/v1/apikeys/keys"
TASKS = "/api/v1/tasks"


def _events(client, user, key_id):  # type: ignore[no-untyped-def]
    response = client.get(f"{KEYS}/{key_id}/events", headers=auth_headers(user))
    assert response.status_code == 200
    return [event["action"] for event in response.json()["items"]]


def test_create_api_key_shows_the_secret_once(client, user):
    response = client.post(
        KEYS,
        json={"name": "CI", "scope": "READ_WRITE", "rate_limit_per_minute": 120},
        headers=auth_headers(user),
    )
    assert response.status_code == 201
    created = response.json()
    assert created["key"].startswith(created["prefix"] + "_")
    assert created["prefix"].startswith("trk_")
    assert created["rate_limit_per_minute"] == 120
    listed = client.get(KEYS, headers=auth_headers(user)).json()["items"]
    assert [item["id"] for item in listed] == [created["id"]]
    assert "key" not in listed[0]
    fetched = client.get(f"{KEYS}/{created['id']}", headers=auth_headers(user)).json()
    assert "key" not in fetched and fetched["name"] == "CI"
    with transaction(write=True) as session:
        row = session.get(ApiKey, uuid.UUID(created["id"]))
        assert row is not None
        # The secret is token_urlsafe, so it may itself hold "_": cut the prefix, not at "_".
        secret = created["key"].removeprefix(created["prefix"] + "_")
        stored = [str(value) for value in vars(row).values()]
        assert not any(secret in value for value in stored)


def test_a_key_authenticates_and_reports_its_rate_limit(client, user):
    created = make_api_key(user)
    response = client.get(TASKS, headers=key_headers(created))
    assert response.status_code == 200
    assert response.headers["ratelimit-limit"] == "600"
    assert response.headers["ratelimit-remaining"] == "599"
    assert int(response.headers["ratelimit-reset"]) >= 1
    me = client.get("/api/v1/identity/users/me", headers=key_headers(created)).json()
    assert me["id"] == str(user.id)


def test_read_only_keys_may_only_read(client, user):
    read_only = make_api_key(user, scope="READ_ONLY")
    assert client.get(TASKS, headers=key_headers(read_only)).status_code == 200
    refused = client.post(TASKS, json={"title": "no"}, headers=key_headers(read_only))
    assert_problem(refused, 403, "/problems/apikeys/insufficient-scope")
    read_write = make_api_key(user, scope="READ_WRITE")
    assert (
        client.post(TASKS, json={"title": "yes"}, headers=key_headers(read_write)).status_code
        == 201
    )
    titles = [t["title"] for t in client.get(TASKS, headers=auth_headers(user)).json()["items"]]
    assert titles == ["yes"]


def test_keys_cannot_manage_keys_change_the_account_or_act_as_admin(client, admin):
    created = make_api_key(admin)
    headers = key_headers(created)
    assert_problem(client.get(KEYS, headers=headers), 401, "/problems/unauthorized")
    assert_problem(
        client.post(KEYS, json={"name": "x", "scope": "READ_ONLY"}, headers=headers),
        401,
        "/problems/unauthorized",
    )
    assert_problem(
        client.patch("/api/v1/identity/users/me", json={"display_name": "x"}, headers=headers),
        401,
        "/problems/unauthorized",
    )
    assert_problem(
        client.get("/api/v1/admin/users", headers=headers), 401, "/problems/unauthorized"
    )


def test_unknown_and_malformed_keys_are_401(client, user):
    created = make_api_key(user)
    tampered = created.secret[:-2] + ("AA" if not created.secret.endswith("AA") else "BB")
    for key in (tampered, "trk_nope", "not a key", created.secret.replace("trk_", "trx_")):
        assert_problem(
            client.get(TASKS, headers={"X-API-Key": key}), 401, "/problems/apikeys/invalid-key"
        )


def test_rename_an_api_key(client, user):
    created = make_api_key(user)
    response = client.patch(
        f"{KEYS}/{created.key.id}", json={"name": "deploys"}, headers=auth_headers(user)
    )
    assert response.status_code == 200
    assert response.json()["name"] == "deploys" and response.json()["revoked_at"] is None
    assert client.get(TASKS, headers=key_headers(created)).status_code == 200


def test_revoked_key_is_refused_on_its_next_request(client, user):
    created = make_api_key(user)
    assert client.get(TASKS, headers=key_headers(created)).status_code == 200
    response = client.patch(
        f"{KEYS}/{created.key.id}", json={"revoked": True}, headers=auth_headers(user)
    )
    assert response.status_code == 200
    assert response.json()["revoked_at"] is not None
    assert_problem(
        client.get(TASKS, headers=key_headers(created)), 401, "/problems/apikeys/invalid-key"
    )
    again = client.patch(
        f"{KEYS}/{created.key.id}", json={"revoked": True}, headers=auth_headers(user)
    )
    assert again.status_code == 200
    assert again.json()["revoked_at"] == response.json()["revoked_at"]
    restore = client.patch(
        f"{KEYS}/{created.key.id}", json={"revoked": False}, headers=auth_headers(user)
    )
    assert_problem(restore, 422, "/problems/apikeys/revoked-for-good")
    listed = client.get(f"{KEYS}/{created.key.id}", headers=auth_headers(user)).json()
    assert listed["revoked_at"] is not None
    assert _events(client, user, created.key.id) == ["KEY_REVOKED", "KEY_FIRST_USED", "KEY_CREATED"]


def test_expired_key_is_refused(client, user):
    created = make_api_key(user, expires_at=utcnow() + timedelta(hours=1))
    assert client.get(TASKS, headers=key_headers(created)).status_code == 200
    with transaction(write=True) as session:
        session.execute(
            update(ApiKey)
            .where(ApiKey.id == created.key.id)
            .values(expires_at=utcnow() - timedelta(seconds=1))
        )
    assert_problem(
        client.get(TASKS, headers=key_headers(created)), 401, "/problems/apikeys/invalid-key"
    )


def test_a_disabled_owners_keys_stop_at_once(client, user, admin):
    created = make_api_key(user)
    assert client.get(TASKS, headers=key_headers(created)).status_code == 200
    disabled = client.patch(
        f"/api/v1/admin/users/{user.id}", json={"disabled": True}, headers=auth_headers(admin)
    )
    assert disabled.status_code == 200
    assert_problem(
        client.get(TASKS, headers=key_headers(created)), 401, "/problems/apikeys/invalid-key"
    )


def test_create_api_key_refuses_a_past_expiry(client, user):
    past = (utcnow() - timedelta(minutes=1)).isoformat()
    response = client.post(
        KEYS,
        json={"name": "old", "scope": "READ_ONLY", "expires_at": past},
        headers=auth_headers(user),
    )
    assert_problem(response, 422, "/problems/apikeys/expiry-in-past")


def test_create_api_key_refuses_more_than_50_active_keys(client, user):
    for i in range(50):
        make_api_key(user, name=f"k{i}")
    response = client.post(
        KEYS, json={"name": "one more", "scope": "READ_ONLY"}, headers=auth_headers(user)
    )
    assert_problem(response, 422, "/problems/apikeys/too-many-keys")


def test_other_users_keys_are_404_and_admins_see_and_revoke_them(client, user, admin):
    created = make_api_key(user)
    stranger = make_user()
    for method, body in (("GET", None), ("PATCH", {"revoked": True})):
        assert_problem(
            client.request(
                method, f"{KEYS}/{created.key.id}", json=body, headers=auth_headers(stranger)
            ),
            404,
            "/problems/apikeys/not-found",
        )
    assert_problem(
        client.get(f"{KEYS}/{created.key.id}/events", headers=auth_headers(stranger)),
        404,
        "/problems/apikeys/not-found",
    )
    assert_problem(
        client.get(KEYS, params={"owner_id": str(user.id)}, headers=auth_headers(stranger)),
        403,
        "/problems/forbidden",
    )
    listed = client.get(KEYS, params={"owner_id": str(user.id)}, headers=auth_headers(admin))
    assert [item["id"] for item in listed.json()["items"]] == [str(created.key.id)]
    revoked = client.patch(
        f"{KEYS}/{created.key.id}", json={"revoked": True}, headers=auth_headers(admin)
    )
    assert revoked.status_code == 200
    assert_problem(
        client.get(TASKS, headers=key_headers(created)), 401, "/problems/apikeys/invalid-key"
    )
    events = client.get(f"{KEYS}/{created.key.id}/events", headers=auth_headers(user)).json()
    revocation = events["items"][0]
    assert revocation["action"] == "KEY_REVOKED"
    assert revocation["actor_id"] == str(admin.id)
    assert revocation["details"] == {"by_admin": True}


def test_last_used_at_is_written_on_first_use_not_on_every_request(client, user):
    created = make_api_key(user)
    assert created.key.last_used_at is None
    client.get(TASKS, headers=key_headers(created))
    first = client.get(f"{KEYS}/{created.key.id}", headers=auth_headers(user)).json()
    assert first["last_used_at"] is not None
    client.get(TASKS, headers=key_headers(created))
    second = client.get(f"{KEYS}/{created.key.id}", headers=auth_headers(user)).json()
    assert second["last_used_at"] == first["last_used_at"]
    # a minute later the next request moves it
    with transaction(write=True) as session:
        session.execute(
            update(ApiKey)
            .where(ApiKey.id == created.key.id)
            .values(last_used_at=utcnow() - timedelta(seconds=61))
        )
    client.get(TASKS, headers=key_headers(created))
    third = client.get(f"{KEYS}/{created.key.id}", headers=auth_headers(user)).json()
    assert third["last_used_at"] > first["last_used_at"]
    assert _events(client, user, created.key.id).count("KEY_FIRST_USED") == 1


def test_a_key_over_its_limit_gets_429_with_retry_after_and_one_audit_event(client, user):
    created = make_api_key(user, rate_limit_per_minute=3)
    remaining = [
        client.get(TASKS, headers=key_headers(created)).headers["ratelimit-remaining"]
        for _ in range(3)
    ]
    assert remaining == ["2", "1", "0"]
    for _ in range(3):
        refused = client.get(TASKS, headers=key_headers(created))
        assert_problem(refused, 429, "/problems/apikeys/rate-limited")
        assert int(refused.headers["retry-after"]) >= 1
        assert refused.headers["ratelimit-limit"] == "3"
        assert refused.headers["ratelimit-remaining"] == "0"
    # another key of the same owner has its own window
    assert client.get(TASKS, headers=key_headers(make_api_key(user))).status_code == 200
    assert _events(client, user, created.key.id).count("KEY_RATE_LIMITED") == 1


def test_guessing_keys_from_one_address_is_throttled(client, user):
    created = make_api_key(user)
    for i in range(20):
        bad = {"X-API-Key": f"trk_{'a' * 16}_{str(i).rjust(43, 'x')}"}
        assert client.get(TASKS, headers=bad).status_code == 401
    throttled = client.get(TASKS, headers={"X-API-Key": "trk_guess"})
    assert_problem(throttled, 429, "/problems/apikeys/too-many-failures")
    assert int(throttled.headers["retry-after"]) >= 1
    # the throttle is per address and holds even for a right key: the guesser learns nothing
    assert client.get(TASKS, headers=key_headers(created)).status_code == 429
    assert client.get(TASKS, headers=auth_headers(user)).status_code == 200


@pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="one limit across processes needs Redis"
)
def test_one_limit_holds_across_server_processes(live_server, user):
    created = make_api_key(user, rate_limit_per_minute=10)
    statuses = []
    # new connections, so both workers of the live server answer some of them
    for _ in range(30):
        with httpx.Client(base_url=live_server, timeout=30) as http:
            statuses.append(http.get(TASKS, headers=key_headers(created)).status_code)
    assert statuses.count(200) == 10
    assert statuses.count(429) == 20


def test_a_key_limit_above_the_administrators_maximum_is_422(client, user, monkeypatch):
    monkeypatch.setenv("API_KEY_MAX_RATE_LIMIT_PER_MINUTE", "1000")
    get_settings.cache_clear()
    try:
        body = {"name": "greedy", "scope": "READ_ONLY", "rate_limit_per_minute": 100_000}
        response = client.post(KEYS, json=body, headers=auth_headers(user))
        problem = assert_problem(response, 422, "/problems/apikeys/rate-limit-too-high")
        assert problem["maximum"] == 1000
        body["rate_limit_per_minute"] = 1000
        assert client.post(KEYS, json=body, headers=auth_headers(user)).status_code == 201
    finally:
        get_settings.cache_clear()


def test_a_key_made_before_a_lower_maximum_is_held_to_it(client, user, monkeypatch):
    created = make_api_key(user, rate_limit_per_minute=5000)
    monkeypatch.setenv("API_KEY_MAX_RATE_LIMIT_PER_MINUTE", "50")
    get_settings.cache_clear()
    try:
        response = client.get(TASKS, headers=key_headers(created))
        assert response.headers["ratelimit-limit"] == "50"
        shown = client.get(f"{KEYS}/{created.key.id}", headers=auth_headers(user)).json()
        assert shown["rate_limit_per_minute"] == 50
    finally:
        get_settings.cache_clear()
