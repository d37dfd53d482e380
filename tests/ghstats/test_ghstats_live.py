"""One fetch sequence per username across processes, over a live 2-worker server on PostgreSQL:
concurrent requests for a username nobody fetched yet make GitHub see the profile and each
repository page exactly once (the lease row decides; the replay server counts), and concurrent
requests for an unknown user make one call and all answer its 404."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from core.settings import get_settings
from tests.factories.identity import auth_headers
from tests.live import serve

CLIENTS = 20
URL = "/api/v1/ghstats/profiles"
# The claim is about processes sharing PostgreSQL; on SQLite the same rules are proven in
# process (test_ghstats_service.py), which keeps this server's startup out of the SQLite stage.
pytestmark = pytest.mark.skipif(
    get_settings().is_sqlite, reason="the two-process claim is proven on PostgreSQL"
)


@pytest.fixture(scope="module")
def live_server_ghstats(github_server: str) -> Iterator[str]:
    settings = {
        "GHSTATS_BASE_URL": github_server,
        "OUTBOUND_ALLOW_LOOPBACK": "1",
        "OUTBOUND_RETRIES": "0",
    }
    with serve(settings) as base:
        yield base


async def _all_at_once(base: str, path: str, headers: dict[str, str]) -> list[httpx.Response]:
    limits = httpx.Limits(max_connections=CLIENTS)
    async with httpx.AsyncClient(base_url=base, timeout=60, limits=limits) as http:
        return await asyncio.gather(*(http.get(path, headers=headers) for _ in range(CLIENTS)))


def test_concurrent_requests_over_two_processes_make_one_fetch_sequence(
    live_server_ghstats, user, github
):
    github.delay = 0.1  # each call is still running when the other requests arrive
    answers = asyncio.run(_all_at_once(live_server_ghstats, f"{URL}/octocat", auth_headers(user)))
    assert [answer.status_code for answer in answers] == [200] * CLIENTS
    assert {answer.json()["total_stars"] for answer in answers} == {18582}
    assert github.hits == {"/users/octocat": 1, "/users/octocat/repos": 1, "/user/583231/repos": 2}
    github.hits.clear()
    answers = asyncio.run(_all_at_once(live_server_ghstats, f"{URL}/nobody", auth_headers(user)))
    assert {answer.status_code for answer in answers} == {404}
    assert {answer.json()["type"] for answer in answers} == {"/problems/ghstats/user-not-found"}
    assert github.hits == {"/users/nobody": 1}
