"""Cookie sessions over HTTP: cookie attributes, CSRF, fixation, rotation on privilege change,
idle and absolute timeouts, listing and revocation."""

from __future__ import annotations

import uuid
from datetime import timedelta

from core.db import utcnow
from tests.factories.identity import PASSWORD, auth_headers, make_user
from tests.factories.sessions import ORIGIN, age_sessions, log_in, new_browser
from tests.problems import assert_problem

SESSIONS = "/api/v1/sessions"
CURRENT = "/api/v1/sessions/current"
TASKS = "/api/v1/tasks"


def _set_cookies(response) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {value.split("=", 1)[0]: value for value in response.headers.get_list("set-cookie")}


def test_create_session_sets_hardened_cookies(browser, user):
    response = browser.post(SESSIONS, json={"email": user.email, "password": PASSWORD})
    assert response.status_code == 201
    body = response.json()
    cookies = _set_cookies(response)
    session_cookie = cookies["trellis_session"]
    for attribute in ("HttpOnly", "Secure", "SameSite=Lax", "Path=/"):
        assert attribute in session_cookie
    csrf_cookie = cookies["trellis_csrf"]
    assert "HttpOnly" not in csrf_cookie and "Secure" in csrf_cookie
    assert csrf_cookie.split(";")[0] == f"trellis_csrf={body['csrf_token']}"
    assert body["current"] is True
    assert browser.get(TASKS).status_code == 200
    current = browser.get(CURRENT).json()
    assert current["id"] == body["id"] and current["csrf_token"] == body["csrf_token"]


def test_create_session_refuses_a_wrong_password(browser, user):
    response = browser.post(SESSIONS, json={"email": user.email, "password": "wrong guess"})
    assert_problem(response, 401, "/problems/identity/invalid-credentials")
    assert "set-cookie" not in response.headers
    assert_problem(browser.get(TASKS), 401, "/problems/unauthorized")


def test_unsafe_requests_need_the_csrf_token(browser, user):
    csrf = log_in(browser, user.email, PASSWORD)
    assert_problem(browser.post(TASKS, json={"title": "forged"}), 403, "/problems/csrf")
    assert_problem(
        browser.post(TASKS, json={"title": "forged"}, headers={"X-CSRF-Token": "guess"}),
        403,
        "/problems/csrf",
    )
    assert browser.get(TASKS).json()["items"] == []
    made = browser.post(TASKS, json={"title": "mine"}, headers={"X-CSRF-Token": csrf})
    assert made.status_code == 201


def test_a_token_planted_in_the_cookie_does_not_fit_another_session(browser, user):
    log_in(browser, user.email, PASSWORD)
    browser.cookies.set("trellis_csrf", "planted", domain="127.0.0.1")
    response = browser.post(TASKS, json={"title": "x"}, headers={"X-CSRF-Token": "planted"})
    assert_problem(response, 403, "/problems/csrf")


def test_cross_origin_requests_are_refused_even_with_the_token(browser, user):
    csrf = log_in(browser, user.email, PASSWORD)
    for headers in (
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Referer": "https://evil.example/page"},
    ):
        response = browser.post(
            TASKS, json={"title": "x"}, headers={"X-CSRF-Token": csrf, **headers}
        )
        assert_problem(response, 403, "/problems/csrf")
    same = browser.post(
        TASKS, json={"title": "ok"}, headers={"X-CSRF-Token": csrf, "Origin": ORIGIN}
    )
    assert same.status_code == 201


def test_bearer_requests_need_no_csrf_token(client, user):
    response = client.post(TASKS, json={"title": "api"}, headers=auth_headers(user))
    assert response.status_code == 201


def test_login_never_keeps_a_presented_session_id(browser, user):
    attacker = make_user()
    log_in(browser, attacker.email, PASSWORD)
    planted = browser.cookies.get("trellis_session")
    # the victim logs in on a browser that carries the attacker's session id
    victim = browser.post(SESSIONS, json={"email": user.email, "password": PASSWORD})
    assert victim.status_code == 201
    fresh = browser.cookies.get("trellis_session")
    assert fresh != planted
    assert browser.get("/api/v1/identity/users/me").json()["id"] == str(user.id)
    planted_only = {"Cookie": f"trellis_session={planted}"}
    assert_problem(browser.get(TASKS, headers=planted_only), 401, "/problems/unauthorized")


def test_a_role_change_rotates_the_session_id(browser, user, admin, client):
    log_in(browser, user.email, PASSWORD)
    old = browser.cookies.get("trellis_session")
    promoted = client.patch(
        f"/api/v1/admin/users/{user.id}", json={"role": "ADMIN"}, headers=auth_headers(admin)
    )
    assert promoted.status_code == 200
    response = browser.get("/api/v1/identity/users/me")
    assert response.status_code == 200 and response.json()["role"] == "ADMIN"
    cookies = _set_cookies(response)
    assert "trellis_session" in cookies and "trellis_csrf" in cookies
    new = browser.cookies.get("trellis_session")
    assert new != old
    assert browser.get("/api/v1/admin/users").status_code == 200
    assert_problem(
        browser.get(TASKS, headers={"Cookie": f"trellis_session={old}"}),
        401,
        "/problems/unauthorized",
    )


def test_a_rotated_session_id_reaches_the_client_even_when_the_request_fails(
    browser, user, admin, client
):
    csrf = log_in(browser, user.email, PASSWORD)
    old = browser.cookies.get("trellis_session")
    promoted = client.patch(
        f"/api/v1/admin/users/{user.id}", json={"role": "ADMIN"}, headers=auth_headers(admin)
    )
    assert promoted.status_code == 200
    failed = browser.delete(f"{SESSIONS}/{uuid.uuid4()}", headers={"X-CSRF-Token": csrf})
    assert_problem(failed, 404, "/problems/sessions/not-found")
    assert "trellis_session" in _set_cookies(failed)
    assert browser.cookies.get("trellis_session") != old
    assert browser.get(CURRENT).status_code == 200


def test_an_idle_session_ends(browser, user):
    log_in(browser, user.email, PASSWORD)
    age_sessions(last_seen_at=utcnow() - timedelta(minutes=31))
    assert_problem(browser.get(TASKS), 401, "/problems/unauthorized")


def test_a_session_ends_at_its_absolute_timeout_however_busy(browser, user):
    log_in(browser, user.email, PASSWORD)
    age_sessions(expires_at=utcnow() - timedelta(seconds=1))
    assert_problem(browser.get(TASKS), 401, "/problems/unauthorized")


def test_use_moves_last_seen_at_at_most_once_a_minute(browser, user):
    log_in(browser, user.email, PASSWORD)
    first = browser.get(CURRENT).json()["last_seen_at"]
    assert browser.get(CURRENT).json()["last_seen_at"] == first
    age_sessions(last_seen_at=utcnow() - timedelta(minutes=2))
    browser.get(TASKS)
    assert browser.get(CURRENT).json()["last_seen_at"] > first


def test_logout_ends_the_session_and_clears_the_cookies(browser, user):
    csrf = log_in(browser, user.email, PASSWORD)
    old = browser.cookies.get("trellis_session")
    assert_problem(browser.delete(CURRENT), 403, "/problems/csrf")
    response = browser.delete(CURRENT, headers={"X-CSRF-Token": csrf})
    assert response.status_code == 204
    assert all("Max-Age=0" in value for value in _set_cookies(response).values())
    assert_problem(
        browser.get(TASKS, headers={"Cookie": f"trellis_session={old}"}),
        401,
        "/problems/unauthorized",
    )


def test_list_and_revoke_my_sessions(browser, app, user):
    other_browser = new_browser(app)
    log_in(other_browser, user.email, PASSWORD)
    csrf = log_in(browser, user.email, PASSWORD)
    listed = browser.get(SESSIONS).json()["items"]
    assert len(listed) == 2
    assert [item["current"] for item in listed] == [True, False]
    other_id = listed[1]["id"]
    revoked = browser.delete(f"{SESSIONS}/{other_id}", headers={"X-CSRF-Token": csrf})
    assert revoked.status_code == 204
    assert_problem(other_browser.get(TASKS), 401, "/problems/unauthorized")
    again = browser.delete(f"{SESSIONS}/{other_id}", headers={"X-CSRF-Token": csrf})
    assert again.status_code == 204
    assert [item["id"] for item in browser.get(SESSIONS).json()["items"]] != [other_id]


def test_another_users_session_is_404(browser, user, client):
    stranger = make_user()
    stranger_browser_csrf = log_in(browser, stranger.email, PASSWORD)
    stranger_session = browser.get(CURRENT).json()["id"]
    response = browser.delete(
        f"{SESSIONS}/{uuid.uuid4()}", headers={"X-CSRF-Token": stranger_browser_csrf}
    )
    assert_problem(response, 404, "/problems/sessions/not-found")
    response = client.delete(f"{SESSIONS}/{stranger_session}", headers=auth_headers(user))
    assert_problem(response, 404, "/problems/sessions/not-found")


def test_log_out_everywhere(browser, app, user, client):
    other_browser = new_browser(app)
    log_in(other_browser, user.email, PASSWORD)
    log_in(browser, user.email, PASSWORD)
    # with a bearer token: no cookies to clear
    response = client.delete(SESSIONS, headers=auth_headers(user))
    assert response.status_code == 204 and "set-cookie" not in response.headers
    for each in (browser, other_browser):
        assert_problem(each.get(TASKS), 401, "/problems/unauthorized")
    assert client.get(SESSIONS, headers=auth_headers(user)).json()["items"] == []


def test_a_disabled_account_loses_its_sessions_at_once(browser, user, admin, client):
    log_in(browser, user.email, PASSWORD)
    client.patch(
        f"/api/v1/admin/users/{user.id}", json={"disabled": True}, headers=auth_headers(admin)
    )
    assert_problem(browser.get(TASKS), 401, "/problems/unauthorized")


def test_a_bad_credential_beside_a_good_one_is_refused(browser, user):
    log_in(browser, user.email, PASSWORD)
    assert browser.get(TASKS).status_code == 200
    bad_bearer = {"Authorization": "Bearer not-a-token"}
    assert_problem(browser.get(TASKS, headers=bad_bearer), 401, "/problems/unauthorized")
    bad_key = {"X-API-Key": "trk_unknown"}
    assert_problem(browser.get(TASKS, headers=bad_key), 401, "/problems/apikeys/invalid-key")


def test_sessions_are_kept_in_redis_when_configured_else_in_the_database(browser, user):
    from sqlalchemy import func, select

    from core.db import transaction
    from core.redis_client import get_redis
    from db.models.sessions import BrowserSession
    from services.session_store import RedisStore

    log_in(browser, user.email, PASSWORD)
    with transaction(write=True) as session:
        rows = session.scalar(select(func.count()).select_from(BrowserSession))
    redis = get_redis()
    if redis is None:
        assert rows == 1
    else:
        assert rows == 0
        assert len(list(redis.scan_iter(f"{RedisStore.PREFIX}s:*"))) == 1


def test_a_password_change_ends_sessions_opened_before_it(browser, client):
    user = make_user(email="moving@example.com")
    log_in(browser, "moving@example.com", PASSWORD)
    age_sessions(created_at=utcnow() - timedelta(seconds=10))  # logged in a while ago
    assert browser.get("/api/v1/identity/users/me").status_code == 200
    changed = client.patch(
        "/api/v1/identity/users/me",
        json={"password": "a whole new secret", "current_password": PASSWORD},
        headers=auth_headers(user),
    )
    assert changed.status_code == 200
    assert_problem(browser.get("/api/v1/identity/users/me"), 401, "/problems/unauthorized")
    log_in(browser, "moving@example.com", "a whole new secret")  # a new login works at once
    assert browser.get("/api/v1/identity/users/me").status_code == 200
