"""One fetch sequence per username across processes, over a live 2-worker server on PostgreSQL:
concurrent requests for a username nobody fetched yet make GitHub see the profile and each
repository page exactly once (the lease row decides; the replay server counts), and concurrent
requests for an unknown user make one call and all answer its 404."""

from __future__ import annotations

import pytest

from core.settings import get_settings
from tests.factories.identity import auth_headers
from tests.live import all_at_once

CLIENTS = 20
URL = "/api/v1/ghstats/profiles"
# The claim is about processes sharing PostgreSQL; on SQLite the same rules are proven in
# process (test_ghstats_service.py). The session's shared live server asks the replay GitHub.
pytestmark = pytest.mark.skipif(
    get_settings().is_sqlite, reason="the two-process claim is proven on PostgreSQL"
)


def test_concurrent_requests_over_two_processes_make_one_fetch_sequence(live_server, user, github):
    github.delay = 0.1  # each call is still running when the other requests arrive
    answers = all_at_once(live_server, f"{URL}/octocat", auth_headers(user), CLIENTS)
    assert [answer.status_code for answer in answers] == [200] * CLIENTS
    assert {answer.json()["total_stars"] for answer in answers} == {18582}
    assert github.hits == {"/users/octocat": 1, "/users/octocat/repos": 1, "/user/583231/repos": 2}
    github.hits.clear()
    answers = all_at_once(live_server, f"{URL}/nobody", auth_headers(user), CLIENTS)
    assert {answer.status_code for answer in answers} == {404}
    assert {answer.json()["type"] for answer in answers} == {"/problems/ghstats/user-not-found"}
    assert github.hits == {"/users/nobody": 1}
