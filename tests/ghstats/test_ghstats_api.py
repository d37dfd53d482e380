"""The GitHub stats API against a local server replaying recorded GitHub REST answers: every
repository page followed, the cache and its conditional revalidation, the rate limit, and every
documented error (bad usernames, unknown users, GitHub failing) answered as a problem."""

from __future__ import annotations

from datetime import timedelta

import pytest

from core.db import transaction, utcnow
from core.settings import get_settings
from core.spec import MAIN_SPEC, load_spec
from services import ghstats
from tests.factories.identity import auth_headers
from tests.problems import assert_problem

URL = "/api/v1/ghstats/profiles"
TOKEN = "ghp_test-token-never-shown"
OCTOCAT_CALLS = {"/users/octocat": 1, "/users/octocat/repos": 1, "/user/583231/repos": 2}


def _settings(monkeypatch: pytest.MonkeyPatch, **values: str) -> None:
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()


def _age_cached_stats(key: str, seconds: float) -> None:
    with transaction(write=True) as session:
        stats = ghstats.read_stats(session, key=key)
        assert stats is not None
        fetched_at = utcnow() - timedelta(seconds=seconds)
        ghstats.store_stats(session, ghstats.Stats(**{**stats.__dict__, "fetched_at": fetched_at}))


def test_stats_count_every_page_then_come_from_the_cache(client, user, github):
    first = client.get(f"{URL}/OctoCat", params={"top": 3}, headers=auth_headers(user))
    assert first.status_code == 200, first.text
    body = first.json()
    assert body["login"] == "octocat"
    assert body["profile"]["name"] == "The Octocat"
    assert body["profile"]["created_at"] == "2011-01-25T18:44:36+00:00"
    assert (body["repo_count"], body["repos_complete"]) == (8, True)
    assert (body["total_stars"], body["total_forks"]) == (18582, 159430)
    assert body["languages"] == [
        {"language": "Python", "repos": 2},
        {"language": "Ruby", "repos": 2},
        {"language": "CSS", "repos": 1},
        {"language": "HTML", "repos": 1},
    ]
    assert [repo["name"] for repo in body["top_repos"]] == [
        "Spoon-Knife", "Hello-World", "octocat.github.io",
    ]  # fmt: skip
    assert body["stale"] is False
    assert first.headers["Cache-Status"] == "Trellis; fwd=uri-miss; stored; ttl=900"
    assert github.hits == OCTOCAT_CALLS
    assert set(github.authorizations) == {f"Bearer {TOKEN}"}
    again = client.get(f"{URL}/octocat", params={"top": 100}, headers=auth_headers(user))
    assert again.headers["Cache-Status"].startswith("Trellis; hit; ttl=")
    assert len(again.json()["top_repos"]) == 8
    assert [r["name"] for r in again.json()["top_repos"]][6:] == ["hello-worId", "test-repo1"]
    assert github.hits == OCTOCAT_CALLS  # no second call
    assert TOKEN not in first.text + again.text + str(dict(first.headers))


def test_expired_stats_are_revalidated_with_etags_at_no_rate_limit_cost(client, user, github):
    client.get(f"{URL}/octocat", headers=auth_headers(user))
    remaining = github.remaining
    _age_cached_stats("octocat", 3600)
    again = client.get(f"{URL}/octocat", headers=auth_headers(user))
    assert again.status_code == 200, again.text
    assert again.headers["Cache-Status"] == "Trellis; fwd=stale; stored; ttl=900"
    assert again.json()["total_stars"] == 18582
    assert github.not_modified == 4  # the profile and the three pages, all 304
    assert github.remaining == remaining
    assert github.hits == {path: 2 * count for path, count in OCTOCAT_CALLS.items()}


def test_the_page_count_is_bounded(client, user, github, monkeypatch):
    _settings(monkeypatch, GHSTATS_MAX_PAGES="2")
    response = client.get(f"{URL}/octocat", headers=auth_headers(user))
    assert (response.json()["repo_count"], response.json()["repos_complete"]) == (6, False)
    assert github.calls == 3


def test_a_user_without_repositories(client, user, github):
    response = client.get(f"{URL}/quiet-dev", headers=auth_headers(user))
    assert response.status_code == 200, response.text
    body = response.json()
    assert (body["repo_count"], body["total_stars"], body["languages"]) == (0, 0, [])
    assert body["profile"]["blog"] is None and body["top_repos"] == []


def test_an_unknown_user_is_404_and_github_is_not_asked_again_at_once(client, user, github):
    for _ in range(2):
        response = client.get(f"{URL}/no-such-user-here", headers=auth_headers(user))
        assert_problem(response, 404, "/problems/ghstats/user-not-found")
    assert github.calls == 1


@pytest.mark.parametrize("name", ["-octocat", "octo--cat", "octocat-", "octo_cat", "a" * 40])
def test_a_name_github_cannot_have_is_400_without_a_call(client, user, github, name):
    response = client.get(f"{URL}/{name}", headers=auth_headers(user))
    assert_problem(response, 400, "/problems/validation")
    assert github.calls == 0


def test_anonymous_is_401(client, github):
    assert_problem(client.get(f"{URL}/octocat"), 401, "/problems/unauthorized")
    assert github.calls == 0


def test_a_spent_rate_limit_stops_calls_until_its_reset(client, user, github, monkeypatch):
    _settings(monkeypatch, GHSTATS_RETRY_AFTER_FAILURE_SECONDS="0")
    github.broken["*"] = "exhausted"
    response = client.get(f"{URL}/octocat", headers=auth_headers(user))
    body = assert_problem(response, 503, "/problems/ghstats/rate-limited")
    assert 3500 <= int(response.headers["Retry-After"]) <= 3600
    assert body["reset_at"] > utcnow().isoformat()
    github.broken.clear()
    response = client.get(f"{URL}/quiet-dev", headers=auth_headers(user))
    assert_problem(response, 503, "/problems/ghstats/rate-limited")
    assert github.calls == 1  # the second username was not asked for


def test_a_secondary_limit_is_answered_with_its_retry_after(client, user, github):
    github.broken["*"] = "throttled"
    response = client.get(f"{URL}/octocat", headers=auth_headers(user))
    assert_problem(response, 503, "/problems/ghstats/rate-limited")
    assert 29 <= int(response.headers["Retry-After"]) <= 30


def test_stale_stats_stand_in_while_the_rate_limit_is_spent(client, user, github):
    client.get(f"{URL}/octocat", headers=auth_headers(user))
    _age_cached_stats("octocat", 3600)
    github.broken["*"] = "exhausted"
    response = client.get(f"{URL}/octocat", headers=auth_headers(user))
    assert response.status_code == 200, response.text
    assert response.json()["stale"] is True
    assert response.headers["Cache-Status"].endswith("detail=stale-if-error")
    assert int(response.headers["Age"]) >= 3600


@pytest.mark.parametrize(
    ("how", "status", "type_"),
    [
        ("down", 502, "/problems/upstream-unavailable"),
        ("garbage", 502, "/problems/upstream-unavailable"),
        ("silent", 504, "/problems/upstream-timeout"),
    ],
)
def test_github_failing_is_502_or_504_and_stores_nothing(
    client, user, github, monkeypatch, how, status, type_
):
    _settings(monkeypatch, OUTBOUND_READ_TIMEOUT_SECONDS="0.2")
    github.broken["/user/583231/repos"] = how  # the second page fails
    response = client.get(f"{URL}/octocat", headers=auth_headers(user))
    assert_problem(response, status, type_)
    with transaction(write=False) as session:
        assert ghstats.read_stats(session, key="octocat") is None


def test_the_repository_list_pages_through_every_repository_most_starred_first(
    client, user, github
):
    names, cursor = [], None
    while True:
        params = {"limit": 3, **({"cursor": cursor} if cursor else {})}
        response = client.get(f"{URL}/octocat/repos", params=params, headers=auth_headers(user))
        assert response.status_code == 200, response.text
        names += [repo["name"] for repo in response.json()["items"]]
        cursor = response.json()["next"]
        if cursor is None:
            break
    assert names == [
        "Spoon-Knife", "Hello-World", "octocat.github.io", "linguist", "git-consortium",
        "boysenberry-repo-1", "hello-worId", "test-repo1",
    ]  # fmt: skip
    assert github.calls == 4  # one fetch sequence, then the cache


def test_the_repository_list_filters_by_language_and_fork(client, user, github):
    python = client.get(
        f"{URL}/octocat/repos", params={"language": "PYTHON"}, headers=auth_headers(user)
    )
    assert [repo["name"] for repo in python.json()["items"]] == ["Hello-World", "hello-worId"]
    forks = client.get(f"{URL}/octocat/repos", params={"fork": "true"}, headers=auth_headers(user))
    assert [repo["name"] for repo in forks.json()["items"]] == ["linguist", "boysenberry-repo-1"]


def test_the_repository_list_costs_the_same_statements_whatever_the_page_size(
    client, user, github, statement_counter
):
    client.get(f"{URL}/octocat", headers=auth_headers(user))
    counts = []
    for limit in (1, 8):
        with statement_counter() as counted:
            response = client.get(
                f"{URL}/octocat/repos", params={"limit": limit}, headers=auth_headers(user)
            )
        assert len(response.json()["items"]) == limit
        counts.append(len(counted.statements))
    assert counts[0] == counts[1]


def test_the_repository_list_errors(client, user, github):
    unknown = client.get(f"{URL}/no-such-user-here/repos", headers=auth_headers(user))
    assert_problem(unknown, 404, "/problems/ghstats/user-not-found")
    bad_cursor = client.get(
        f"{URL}/octocat/repos", params={"cursor": "not-a-cursor"}, headers=auth_headers(user)
    )
    assert_problem(bad_cursor, 400, "/problems/invalid-cursor")
    assert_problem(client.get(f"{URL}/octocat/repos"), 401, "/problems/unauthorized")


def _string_properties(node: object, name: str) -> list[dict]:
    found = []
    if isinstance(node, dict):
        prop = (
            node.get("properties", {}).get(name)
            if isinstance(node.get("properties"), dict)
            else None
        )
        if isinstance(prop, dict) and prop.get("type") == "string":
            found.append(prop)
        for value in node.values():
            found += _string_properties(value, name)
    elif isinstance(node, list):
        for value in node:
            found += _string_properties(value, name)
    return found


def test_every_login_in_the_contract_is_one_github_would_accept():
    # A fuzz run (seed 20261205) linked blog's `username` (40 characters) into this path
    # parameter, then named our 400 a schema-valid request rejected: the parameter is `login`
    # now, and any `login` an answer carries must fit it.
    spec = load_spec(MAIN_SPEC)
    parameters = [
        spec["components"]["parameters"][p["$ref"].rsplit("/", 1)[-1]] if "$ref" in p else p
        for p in spec["paths"]["/ghstats/profiles/{login}"]["get"]["parameters"]
    ]
    (parameter,) = [p for p in parameters if p["in"] == "path"]
    assert parameter["name"] == "login"
    limit = parameter["schema"]
    for prop in _string_properties(spec, "login"):
        assert prop.get("maxLength", 10**6) <= limit["maxLength"], prop
        assert prop.get("pattern") == limit["pattern"], prop
