"""Login that leaks nothing and cannot be raced (issue 18 §9).

- The work is the same whatever the account's state: an unknown email, a disabled account and an
  account without a password each verify a dummy hash, so each answers in about the time a wrong
  password for a real account takes (medians compared, with a 2x margin either way; the hash is
  made costly here so that it, not the request, is what a timing shows).
- Each attempt is reserved before the password is checked (core.ratelimit.reserve), so parallel
  attempts cannot overtake the throttle: in process (threads on one limiter) and over a live
  2-worker server sharing Redis (20 simultaneous attempts against 10/minute: at most 10 are
  verified, the rest answer 429), per account and per client address.
"""

from __future__ import annotations

import statistics
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest
from sqlalchemy import update

from core import passwords
from core.db import transaction
from core.errors import TooManyRequests
from core.settings import get_settings
from db.models.identity import User
from services import identity
from tests.factories.identity import PASSWORD, make_user
from tests.live import serve
from tests.problems import assert_problem

TOKENS = "/api/v1/identity/tokens"
ATTEMPTS = 20
LIMIT = 10
WRONG = "wrong guess"


def _login(client, email: str, password: str = WRONG) -> httpx.Response:  # type: ignore[no-untyped-def]
    return client.post(
        TOKENS, json={"grant_type": "PASSWORD", "email": email, "password": password}
    )


@pytest.fixture
def costly_hashes(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Argon2 at 16 MiB (production's default is 64): the hash dominates a login's time."""
    monkeypatch.setenv("ARGON2_MEMORY_KIB", "16384")
    monkeypatch.setenv("LOGIN_LIMIT_PER_ACCOUNT", "1000/minute")
    monkeypatch.setenv("LOGIN_LIMIT_PER_ADDRESS", "1000/minute")
    for cached in (passwords.hasher, passwords._dummy_hash, get_settings):
        cached.cache_clear()
    yield
    for cached in (passwords.hasher, passwords._dummy_hash, get_settings):
        cached.cache_clear()


def test_a_login_takes_as_long_whatever_the_account_state(client, costly_hashes):
    make_user(email="known@example.com")
    disabled = make_user(email="disabled@example.com")
    with transaction(write=True) as session:
        session.execute(update(User).where(User.id == disabled.id).values(is_disabled=True))
        identity.create_user(
            session, email="oauth-only@example.com", password=None, display_name="O"
        )
    emails = {
        "wrong password": "known@example.com",
        "unknown": "nobody@example.com",
        "disabled": "disabled@example.com",
        "no password": "oauth-only@example.com",
    }
    _login(client, "warm@example.com")  # the dummy hash is made once, on first use
    timings: dict[str, list[float]] = {state: [] for state in emails}
    for _ in range(7):
        for state, email in emails.items():  # interleaved: load on the machine hits all alike
            started = time.perf_counter()
            answer = _login(client, email)
            timings[state].append(time.perf_counter() - started)
            assert_problem(answer, 401, "/problems/identity/invalid-credentials")
    reference = statistics.median(timings["wrong password"])
    for state, measured in timings.items():
        ratio = statistics.median(measured) / reference
        assert 0.5 < ratio < 2, f"{state}: {ratio:.2f} x a wrong password's time"


def test_parallel_attempts_in_one_process_never_pass_the_limit(monkeypatch):
    monkeypatch.setenv("LOGIN_LIMIT_PER_ACCOUNT", f"{LIMIT}/minute")
    get_settings.cache_clear()
    make_user(email="target@example.com")
    start = threading.Barrier(ATTEMPTS)

    def attempt(n: int) -> str:
        login = identity.PasswordLogin("target@example.com", "wrong guess", f"192.0.2.{n}")
        start.wait()
        try:
            # A write: a failed login of an existing account is counted in its security log.
            with transaction(write=True) as session:
                identity.authenticate_password(session, login=login)
        except TooManyRequests:
            return "throttled"
        except identity.InvalidCredentials:
            return "verified"
        return "accepted"

    try:
        with ThreadPoolExecutor(ATTEMPTS) as pool:
            outcomes = Counter(pool.map(attempt, range(ATTEMPTS)))
    finally:
        get_settings.cache_clear()
    assert outcomes == {"verified": LIMIT, "throttled": ATTEMPTS - LIMIT}


def test_a_successful_login_does_not_count_against_the_limits(client):
    make_user(email="regular@example.com")
    for _ in range(LIMIT + 5):
        assert _login(client, "regular@example.com", PASSWORD).status_code == 200
    assert _login(client, "regular@example.com").status_code == 401


@pytest.fixture(scope="module")
def throttled_server() -> Iterator[str]:
    if not get_settings().redis_url:
        pytest.skip("workers share rate limits through Redis (REDIS_URL)")
    limits = {
        "LOGIN_LIMIT_PER_ACCOUNT": f"{LIMIT}/minute",
        "LOGIN_LIMIT_PER_ADDRESS": f"{LIMIT}/minute",
    }
    # X-Forwarded-For from loopback is trusted, so each request can come from its own address.
    with serve(limits, args=("--proxy-headers", "--forwarded-allow-ips", "127.0.0.1")) as base:
        yield base


def _in_parallel(base: str, requests: list[tuple[str, str]]) -> Counter[int]:
    """(email, client address) logins with a wrong password, all released at once."""
    start = threading.Barrier(len(requests))

    def attempt(request: tuple[str, str]) -> int:
        email, address = request
        with httpx.Client(base_url=base, timeout=30) as http:
            start.wait()
            answer = http.post(
                TOKENS,
                json={"grant_type": "PASSWORD", "email": email, "password": "wrong guess"},
                headers={"X-Forwarded-For": address},
            )
        return answer.status_code

    with ThreadPoolExecutor(len(requests)) as pool:
        return Counter(pool.map(attempt, requests))


def test_parallel_wrong_passwords_over_two_workers_are_checked_at_most_limit_times(
    throttled_server,
):
    make_user(email="victim@example.com")
    statuses = _in_parallel(
        throttled_server, [("victim@example.com", f"198.51.100.{n}") for n in range(ATTEMPTS)]
    )
    assert statuses == {401: LIMIT, 429: ATTEMPTS - LIMIT}


def test_parallel_logins_from_one_address_over_two_workers_are_checked_at_most_limit_times(
    throttled_server,
):
    statuses = _in_parallel(
        throttled_server, [(f"guess{n}@example.com", "203.0.113.7") for n in range(ATTEMPTS)]
    )
    assert statuses == {401: LIMIT, 429: ATTEMPTS - LIMIT}


def test_sign_up_is_limited_per_client_address_on_both_apis(client, monkeypatch):
    monkeypatch.setenv("SIGNUP_LIMIT_PER_ADDRESS", "3/minute")
    get_settings.cache_clear()
    try:
        for n in range(2):
            body = {"email": f"new{n}@example.com", "password": PASSWORD, "display_name": "N"}
            assert client.post("/api/v1/identity/users", json=body).status_code == 201
        facade = {"user": {"username": "third", "email": "t@example.com", "password": PASSWORD}}
        assert client.post("/conduit/api/users", json=facade).status_code == 201
        body = {"email": "new9@example.com", "password": PASSWORD, "display_name": "N"}
        refused = client.post("/api/v1/identity/users", json=body)
        assert_problem(refused, 429, "/problems/too-many-requests")
        assert int(refused.headers["retry-after"]) >= 1
        facade["user"] = {"username": "fourth", "email": "f@example.com", "password": PASSWORD}
        refused = client.post("/conduit/api/users", json=facade)
        assert refused.status_code == 429 and set(refused.json()) == {"errors"}
        other = client.post(
            "/api/v1/identity/users", json=body, headers={"X-Forwarded-For": "192.0.2.1"}
        )
        assert other.status_code == 429  # the test client's address: forwarding is not trusted
    finally:
        get_settings.cache_clear()
    with transaction(write=False) as session:
        assert session.query(User).count() == 3
