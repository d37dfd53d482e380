"""Linked provider accounts: listed, unlinked, and never the last way into an account."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

import httpx
from sqlalchemy import func, select

from core.db import transaction
from db.models.oauth import LinkedIdentity
from tests.factories.apikeys import key_headers, make_api_key
from tests.factories.identity import PASSWORD, auth_headers, make_user
from tests.factories.oauth import make_link, make_passwordless_user, sign_in_at_provider
from tests.factories.sessions import log_in
from tests.problems import assert_problem

URL = "/api/v1/oauth/identities"


def _links() -> int:
    with transaction(write=True) as session:
        return int(session.scalar(select(func.count()).select_from(LinkedIdentity)) or 0)


def test_list_shows_my_links_newest_first_and_not_others(client):
    user, other = make_user(), make_user()
    first = make_link(user, subject="s-1")
    second = make_link(user, subject="s-2")
    make_link(other, subject="s-3")
    response = client.get(URL, headers=auth_headers(user))
    assert response.status_code == 200, response.text
    body = response.json()
    assert [item["id"] for item in body["items"]] == [str(second.id), str(first.id)]
    assert body["items"][0] == {
        "id": str(second.id),
        "issuer": "https://idp.example.com",
        "subject": "s-2",
        "email": user.email,
        "created_at": second.created_at.isoformat(),
    }
    assert body["next"] is None


def test_list_pages_with_a_cursor(client):
    user = make_user()
    links = [make_link(user, subject=f"s-{n}") for n in range(3)]
    headers = auth_headers(user)
    first = client.get(URL, params={"limit": 2}, headers=headers).json()
    rest = client.get(URL, params={"limit": 2, "cursor": first["next"]}, headers=headers).json()
    seen = [item["id"] for item in first["items"] + rest["items"]]
    assert seen == [str(link.id) for link in reversed(links)]
    assert rest["next"] is None


def test_list_accepts_an_api_key(client):
    user = make_user()
    make_link(user, subject="s-1")
    response = client.get(URL, headers=key_headers(make_api_key(user)))
    assert [item["subject"] for item in response.json()["items"]] == ["s-1"]


def test_list_needs_credentials(client):
    assert_problem(client.get(URL), 401, "/problems/unauthorized")


def test_a_provider_login_shows_up_in_the_list(browser, oauth_provider):
    start = browser.get("/api/v1/oauth/authorization", follow_redirects=False)
    answer = sign_in_at_provider(str(start.headers["location"]), "ada")
    tokens = browser.get("/api/v1/oauth/callback", params=answer).json()
    headers = {"Authorization": f"Bearer {tokens['access_token']}"}
    items = browser.get(URL, headers=headers).json()["items"]
    assert [(item["issuer"], item["subject"], item["email"]) for item in items] == [
        (oauth_provider, "ada", "ada@example.com")
    ]


def test_unlink_removes_the_link_of_an_account_with_a_password(client):
    user = make_user()
    link = make_link(user, subject="s-1")
    headers = auth_headers(user)
    response = client.delete(f"{URL}/{link.id}", headers=headers)
    assert response.status_code == 204, response.text
    assert client.get(URL, headers=headers).json()["items"] == []
    # the password still signs in
    login = {"grant_type": "PASSWORD", "email": user.email, "password": PASSWORD}
    assert client.post("/api/v1/identity/tokens", json=login).status_code == 200
    # and the account's security log says which provider account went
    events = client.get("/api/v1/identity/users/me/security-events", headers=headers).json()
    unlinked = [e for e in events["items"] if e["action"] == "OAUTH_UNLINKED"]
    assert [e["details"] for e in unlinked] == [{"issuer": link.issuer}]


def test_an_unlinked_provider_account_signs_in_as_a_first_login_again(browser, oauth_provider):
    user = make_user(email="grace@example.com")
    start = browser.get("/api/v1/oauth/authorization", follow_redirects=False)
    browser.get(
        "/api/v1/oauth/callback",
        params=sign_in_at_provider(str(start.headers["location"]), "grace"),
    )
    headers = auth_headers(user)
    link = browser.get(URL, headers=headers).json()["items"][0]
    assert browser.delete(f"{URL}/{link['id']}", headers=headers).status_code == 204
    assert _links() == 0
    start = browser.get("/api/v1/oauth/authorization", follow_redirects=False)
    again = browser.get(
        "/api/v1/oauth/callback",
        params=sign_in_at_provider(str(start.headers["location"]), "grace"),
    )
    assert again.status_code == 200  # the verified email links it to the same account again
    assert _links() == 1


def test_the_only_link_of_an_account_without_a_password_stays(client):
    user = make_passwordless_user("ada@example.com")
    link = make_link(user, subject="ada")
    response = client.delete(f"{URL}/{link.id}", headers=auth_headers(user))
    assert_problem(response, 409, "/problems/oauth/last-sign-in-method")
    assert _links() == 1


def test_an_account_without_a_password_may_drop_all_but_one_link(client):
    user = make_passwordless_user("ada@example.com")
    first, second = make_link(user, subject="a"), make_link(user, subject="b")
    headers = auth_headers(user)
    assert client.delete(f"{URL}/{first.id}", headers=headers).status_code == 204
    response = client.delete(f"{URL}/{second.id}", headers=headers)
    assert_problem(response, 409, "/problems/oauth/last-sign-in-method")


def test_another_accounts_link_is_not_found(client):
    user, other = make_user(), make_user()
    theirs = make_link(other, subject="s-1")
    response = client.delete(f"{URL}/{theirs.id}", headers=auth_headers(user))
    assert_problem(response, 404, "/problems/oauth/identity-not-found")
    assert _links() == 1


def test_an_unknown_link_is_not_found(client):
    response = client.delete(
        f"{URL}/8c1d2e3f-4a5b-4c6d-9e7f-0a1b2c3d4e5f", headers=auth_headers(make_user())
    )
    assert_problem(response, 404, "/problems/oauth/identity-not-found")


def test_unlink_refuses_an_api_key(client):
    user = make_user()
    link = make_link(user, subject="s-1")
    response = client.delete(f"{URL}/{link.id}", headers=key_headers(make_api_key(user)))
    assert_problem(response, 401, "/problems/unauthorized")
    assert _links() == 1


def test_unlink_with_a_session_cookie_needs_the_csrf_token(browser):
    user = make_user()
    link = make_link(user, subject="s-1")
    csrf = log_in(browser, user.email, PASSWORD)
    assert_problem(browser.delete(f"{URL}/{link.id}"), 403, "/problems/csrf")
    response = browser.delete(f"{URL}/{link.id}", headers={"X-CSRF-Token": csrf})
    assert response.status_code == 204


def test_unlink_needs_credentials(client):
    link = make_link(make_user(), subject="s-1")
    assert_problem(client.delete(f"{URL}/{link.id}"), 401, "/problems/unauthorized")


def test_concurrent_unlinks_leave_an_account_without_a_password_one_link(live_server):
    user = make_passwordless_user("ada@example.com")
    links = [make_link(user, subject=f"s-{n}") for n in range(6)]
    headers = auth_headers(user)
    barrier = threading.Barrier(len(links))

    def unlink(link_id: str) -> int:
        with httpx.Client(base_url=live_server, timeout=30) as http:
            barrier.wait(timeout=60)
            return http.delete(f"{URL}/{link_id}", headers=headers).status_code

    with ThreadPoolExecutor(max_workers=len(links)) as pool:
        statuses = sorted(pool.map(unlink, [str(link.id) for link in links]))
    assert statuses == [204] * 5 + [409]
    assert _links() == 1
