"""The account check's cache (services.identity.account_cache, issue 13 point 1): with Redis a
repeated check sends no statement and starts no thread, every change to what the check reads is
seen by every worker process on the next request (with each worker's pub/sub listener subscribed,
and with it cut off: then the epoch in Redis decides), a change committed while the database is
read is not cached as current, a renewal lost lasts no longer than the entries' maximum age, and
an unreachable Redis costs the cache only. Without Redis (the SQLite run) the same requests read
the database each time."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import anyio
import anyio.to_thread
import httpx
import pytest
from sqlalchemy import update

from core import tokens
from core.credentials import Credential, Presented
from core.db import transaction
from core.redis_client import get_redis
from core.settings import get_settings
from db.models.identity import User
from services.identity import account_cache, authentication
from tests.factories.identity import PASSWORD, auth_headers, issued_earlier, make_user

TOKENS = "/api/v1/identity/tokens"
REVOCATIONS = "/api/v1/identity/token-revocations"
ME = "/api/v1/identity/users/me"
ADMIN_USERS = "/api/v1/admin/users"
TASKS = "/api/v1/tasks"
#: Enough requests that both worker processes of a live server answer some of them.
ROUNDS = 12


@pytest.fixture
def env(monkeypatch: pytest.MonkeyPatch) -> Iterator[pytest.MonkeyPatch]:
    yield monkeypatch
    monkeypatch.undo()
    get_settings.cache_clear()


@pytest.fixture
def account_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The account checks that went to the database in a worker thread."""
    hops: list[str] = []
    run_sync = anyio.to_thread.run_sync

    async def counting(function, *args, **kwargs):  # type: ignore[no-untyped-def]
        if function is authentication._read_holder_state:
            hops.append(function.__name__)
        return await run_sync(function, *args, **kwargs)

    monkeypatch.setattr(anyio.to_thread, "run_sync", counting)
    return hops


def _checks(statements: list[str]) -> list[str]:
    # The check is the one statement joining the account to its login's refresh tokens.
    return [sql for sql in statements if "is_disabled" in sql and "identity_refresh" in sql]


def test_a_repeated_check_sends_no_statement_and_starts_no_thread(
    client, user, account_reads, statement_counter
):
    headers = auth_headers(user)
    if get_settings().redis_url:  # entries read before it subscribes are dropped as it does
        assert account_cache.wait_until_listening(10)
    assert client.get(ME, headers=headers).status_code == 200
    with statement_counter() as counted:
        for _ in range(3):
            assert client.get(ME, headers=headers).status_code == 200
    if get_settings().redis_url:
        assert (_checks(counted.statements), account_reads) == ([], ["_read_holder_state"])
    else:
        assert len(_checks(counted.statements)) == 3
        assert account_reads == []  # the whole check runs in one thread, as before the cache


def test_the_cache_can_be_turned_off(client, user, env, account_reads, statement_counter):
    env.setenv("IDENTITY_ACCOUNT_CACHE", "off")
    get_settings.cache_clear()
    headers = auth_headers(user)
    with statement_counter() as counted:
        for _ in range(2):
            assert client.get(ME, headers=headers).status_code == 200
    assert len(_checks(counted.statements)) == 2
    assert account_reads == []


def test_an_unreachable_redis_falls_back_to_the_database(client, user, env, statement_counter):
    if not get_settings().redis_url:
        pytest.skip("the cache needs Redis (REDIS_URL)")
    headers = auth_headers(user)
    assert client.get(ME, headers=headers).status_code == 200  # cached while Redis answers
    env.setenv("REDIS_URL", "redis://127.0.0.1:1/0")  # nothing listens on port 1
    get_settings.cache_clear()
    account_cache.resume()
    with transaction(write=True) as session:
        session.get(User, user.id).is_disabled = True  # committed; the renewal is lost
    stranger = auth_headers(make_user())
    with statement_counter() as counted:
        assert client.get(ME, headers=headers).status_code == 401
        assert client.get(ME, headers=stranger).status_code == 200
    assert len(_checks(counted.statements)) == 2
    account_cache.resume()


def test_a_deleted_account_is_refused_on_its_next_request(client, user):
    headers = auth_headers(user)
    # An operation that reads nothing of the account itself: only the check can refuse.
    assert client.get(TASKS, headers=headers).status_code == 200
    with transaction(write=True) as session:
        session.delete(session.get(User, user.id))
    assert client.get(TASKS, headers=headers).status_code == 401


def test_a_change_committed_during_the_read_is_not_cached_as_current(client, user, monkeypatch):
    if not get_settings().redis_url:
        pytest.skip("the cache needs Redis (REDIS_URL)")
    headers = auth_headers(user)
    read = authentication._read_holder_state

    def read_then_disable(user_id, login_id):  # type: ignore[no-untyped-def]
        row = read(user_id, login_id)
        with transaction(write=True) as session:  # commits after the read, before it is cached
            session.get(User, user.id).is_disabled = True
        return row

    monkeypatch.setattr(authentication, "_read_holder_state", read_then_disable)
    assert client.get(TASKS, headers=headers).status_code == 200  # read before the change
    monkeypatch.setattr(authentication, "_read_holder_state", read)
    assert client.get(TASKS, headers=headers).status_code == 401


def test_a_lost_renewal_is_bounded_by_the_maximum_age(client, user, env):
    if not get_settings().redis_url:
        pytest.skip("the cache needs Redis (REDIS_URL)")
    headers = auth_headers(user)
    assert client.get(TASKS, headers=headers).status_code == 200
    with transaction(write=True) as session:  # a bulk UPDATE bypasses the ORM: no renewal
        session.execute(update(User).where(User.id == user.id).values(is_disabled=True))
    assert client.get(TASKS, headers=headers).status_code == 200  # the documented staleness
    env.setenv("IDENTITY_ACCOUNT_CACHE_MAX_AGE_SECONDS", "0")
    get_settings.cache_clear()
    assert client.get(TASKS, headers=headers).status_code == 401


def _answers(http: httpx.Client, path: str, token: str) -> set[int]:
    # A connection per request: each is accepted by either worker, so both answer some.
    headers = {"Authorization": f"Bearer {token}", "Connection": "close"}
    return {http.get(path, headers=headers).status_code for _ in range(ROUNDS)}


def _server_listeners(base: str) -> dict[int, int]:
    """The live server's workers whose account listener is subscribed: pid -> Redis client id."""
    port = base.rsplit(":", 1)[1].encode()
    found = {}
    redis = get_redis()
    assert redis is not None
    for client in redis.client_list():
        name = client.get("name") or ""
        if name.startswith(account_cache.CLIENT_NAME + "-"):
            pid = int(name.rsplit("-", 1)[1])
            try:
                parent = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[1]
                command = Path(f"/proc/{parent}/cmdline").read_bytes().split(b"\0")
            except OSError:
                continue
            if b"uvicorn" in command and port in command:
                found[pid] = int(client["id"])
    return found


def _both_listening(http: httpx.Client, base: str, token: str) -> dict[int, int]:
    """Checks tokens until both workers have started their listeners and these are subscribed."""
    deadline = time.monotonic() + 30
    while len(listeners := _server_listeners(base)) < 2:
        assert time.monotonic() < deadline, listeners
        assert _answers(http, ME, token) == {200}  # a worker's first check starts its listener
    return listeners


def _token_login(http: httpx.Client, user: User) -> dict[str, str]:
    answer = http.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": user.email, "password": PASSWORD}
    )
    assert answer.status_code == 200, answer.text
    return dict(answer.json())


def test_every_change_reaches_every_worker_on_the_next_request(live_server):
    as_admin = auth_headers(make_user(role="ADMIN"))
    demoted, disabled, changer, everywhere, reused = (make_user() for _ in range(5))
    with httpx.Client(base_url=live_server, timeout=10) as http:
        if get_settings().redis_url:  # each worker trusts its entries until it hears a change
            _both_listening(http, live_server, _token_login(http, make_user())["access_token"])
        # Each account's token is checked (and cached) by both workers, then its state changes.
        http.patch(f"{ADMIN_USERS}/{demoted.id}", json={"role": "ADMIN"}, headers=as_admin)
        promoted = _token_login(http, demoted)["access_token"]
        assert _answers(http, ADMIN_USERS, promoted) == {200}
        changed = http.patch(f"{ADMIN_USERS}/{demoted.id}", json={"role": "USER"}, headers=as_admin)
        assert changed.status_code == 200
        assert _answers(http, ADMIN_USERS, promoted) == {403}

        token = _token_login(http, disabled)["access_token"]
        assert _answers(http, ME, token) == {200}
        changed = http.patch(
            f"{ADMIN_USERS}/{disabled.id}", json={"disabled": True}, headers=as_admin
        )
        assert changed.status_code == 200
        assert _answers(http, ME, token) == {401}

        older = issued_earlier(_token_login(http, changer)["access_token"])
        assert _answers(http, ME, older) == {200}
        changed = http.patch(
            ME,
            json={"password": "a whole new secret", "current_password": PASSWORD},
            headers={"Authorization": f"Bearer {_token_login(http, changer)['access_token']}"},
        )
        assert changed.status_code == 200
        assert _answers(http, ME, older) == {401}

        pair = _token_login(http, everywhere)
        assert _answers(http, ME, pair["access_token"]) == {200}
        body = {"refresh_token": pair["refresh_token"], "everywhere": True}
        assert http.post(REVOCATIONS, json=body).status_code == 204
        assert _answers(http, ME, pair["access_token"]) == {401}

        pair = _token_login(http, reused)
        assert _answers(http, ME, pair["access_token"]) == {200}
        body = {"grant_type": "REFRESH_TOKEN", "refresh_token": pair["refresh_token"]}
        assert http.post(TOKENS, json=body).status_code == 200
        assert _answers(http, ME, pair["access_token"]) == {200}  # refreshing keeps the login
        assert http.post(TOKENS, json=body).status_code == 401  # reused: the login ends
        assert _answers(http, ME, pair["access_token"]) == {401}


def test_with_the_channel_down_a_change_still_reaches_every_worker(live_server):
    if not get_settings().redis_url:
        pytest.skip("the cache needs Redis (REDIS_URL)")
    as_admin = auth_headers(make_user(role="ADMIN"))
    user = make_user()
    redis = get_redis()
    assert redis is not None
    with httpx.Client(base_url=live_server, timeout=10) as http:
        token = auth_headers(user)["Authorization"].removeprefix("Bearer ")
        listeners = _both_listening(http, live_server, token)
        assert _answers(http, ME, token) == {200}  # cached by both workers
        for client_id in listeners.values():  # both listeners cut off: the change goes unheard
            redis.client_kill_filter(_id=str(client_id))
        assert _answers(http, ME, token) == {200}  # answered the epoch way meanwhile
        changed = http.patch(f"{ADMIN_USERS}/{user.id}", json={"disabled": True}, headers=as_admin)
        assert changed.status_code == 200
        assert _answers(http, ME, token) == {401}
        # Those answers came while the listeners were away (they retry after RECONNECT_SECONDS).
        assert not set(_server_listeners(live_server)) & set(listeners)


def test_a_tokens_credential_is_remembered_until_what_it_came_from_changes(user, env):
    """The same token gives the very credential worked out before, and a fresh one (with the
    account's current state) once the account cache's entry, the token's verification or the
    settings it came from are not the same any more."""
    if not get_settings().redis_url:
        pytest.skip("remembered only while the account cache listens (Redis)")
    assert account_cache.wait_until_listening(10)
    token = auth_headers(user)["Authorization"].split()[1]
    presented = Presented(token, "GET", "127.0.0.1")

    def check() -> Credential | None:
        return anyio.run(authentication.authenticate_bearer, presented)

    first = check()
    assert first is not None and first.user_id == user.id
    assert check() is first
    # Any change to the account drops its entry (here the role, as the admin API changes it).
    _change(user, role="ADMIN")
    changed = check()
    assert changed is not first and changed is not None and changed.role == "ADMIN"
    assert check() is changed
    tokens.forget_verified_tokens()  # as when the signing keys change
    verified_again = check()
    assert verified_again is not changed and verified_again == changed
    # A setting the rules read takes effect on the next check too.
    _change(user, email_verified=False)
    unverified = check()
    assert unverified is not None and not unverified.read_only
    env.setenv("IDENTITY_UNVERIFIED_ACCOUNTS", "read-only")
    get_settings.cache_clear()
    restricted = check()
    assert restricted is not None and restricted.read_only
    # A disabled account is refused on its next check.
    _change(user, is_disabled=True)
    assert check() is None


def _change(user: User, **values: Any) -> None:
    """Changes the account and returns once this process heard the change back: its echo drops
    the entry again, so an entry read before the echo would be dropped under the next check."""
    heard = account_cache.heard_count
    with transaction(write=True) as session:
        session.execute(update(User).where(User.id == user.id).values(**values))
        account_cache.account_changed(session, user.id)
    if account_cache.listening():
        assert account_cache.wait_heard(user.id, heard, 10)
