"""GitHub stats rules at the service level: GitHub's username rules, the stats arithmetic, the
next-page link staying inside the API, and one fetch sequence per username however many callers
ask at once (threads with their own sessions; on PostgreSQL this is the concurrency claim)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.db import transaction, utcnow
from core.errors import UpstreamUnavailable
from core.leases import take_keyed_lease
from db.models.ghstats import GhstatsLease, GhstatsPage, GhstatsProfile, GhstatsRepo
from jobs.ghstats import purge_ghstats
from services import ghstats
from services.ghstats import provider

CALLERS = 8


@pytest.mark.parametrize("name", ["a", "octocat", "Octo-Cat-2", "a" * 39, "0-1"])
def test_usernames_github_allows(name):
    provider.check_username(name)


@pytest.mark.parametrize("name", ["", "-a", "a-", "a--b", "a_b", "a.b", "a" * 40, "ü"])
def test_usernames_github_refuses(name):
    with pytest.raises(ghstats.InvalidUsername):
        provider.check_username(name)


def _repo(name: str, stars: int, language: str | None) -> dict[str, object]:
    return {"name": name, "language": language, "stars": stars, "forks": stars // 2}


def test_stats_rank_repositories_and_languages_with_ties_by_name():
    repos = [_repo("b", 5, "Go"), _repo("A", 5, "go"), _repo("c", 9, None), _repo("d", 1, "Go")]
    stats = ghstats.compute("u", {"login": "u"}, repos, complete=True, fetched_at=utcnow())
    assert [repo["name"] for repo in stats.top_repos] == ["c", "A", "b", "d"]
    assert stats.languages == [("Go", 2), ("go", 1)]
    assert (stats.total_stars, stats.total_forks, stats.repo_count) == (20, 8, 4)


def test_a_next_link_outside_the_api_is_refused():
    base = "https://api.github.com"
    link = f'<{base}/user/1/repos?page=2>; rel="next", <{base}/user/1/repos?page=3>; rel="last"'
    assert provider._next_path(link, base) == "/user/1/repos?page=2"
    assert provider._next_path(f'<{base}/x?page=1>; rel="prev"', base) is None
    for elsewhere in ("https://api.github.com.evil.test/r", "http://169.254.169.254/latest"):
        with pytest.raises(UpstreamUnavailable):
            provider._next_path(f'<{elsewhere}>; rel="next"', base)


def _together(work):  # type: ignore[no-untyped-def]
    start = threading.Barrier(CALLERS)

    def call(_: int):  # type: ignore[no-untyped-def]
        start.wait(timeout=30)
        try:
            return work()
        except Exception as exc:  # the test compares what each caller got
            return exc

    with ThreadPoolExecutor(CALLERS) as pool:
        return list(pool.map(call, range(CALLERS)))


def test_concurrent_callers_of_an_uncached_username_cause_one_fetch_sequence(github):
    github.delay = 0.1  # the sequence is still running when the others arrive
    served = _together(lambda: ghstats.serve_stats(login="octocat"))
    assert {answer.stats.total_stars for answer in served} == {18582}
    assert github.hits == {"/users/octocat": 1, "/users/octocat/repos": 1, "/user/583231/repos": 2}


def test_concurrent_callers_share_the_one_failure(github):
    github.delay = 0.1
    github.broken["/users/octocat"] = "down"
    failed = _together(lambda: ghstats.serve_stats(login="octocat"))
    assert {type(error) for error in failed} == {UpstreamUnavailable}
    assert github.calls == 1


def test_stale_stats_are_served_at_once_while_another_caller_refreshes(github):
    ghstats.serve_stats(login="quiet-dev")
    with transaction(write=True) as session:
        stats = ghstats.read_stats(session, key="quiet-dev")
        assert stats is not None
        old = ghstats.Stats(**{**stats.__dict__, "fetched_at": utcnow() - timedelta(hours=1)})
        ghstats.store_stats(session, old)
        lease = session.get(GhstatsLease, "quiet-dev")
        assert lease is not None
        now = utcnow()
        holder = take_keyed_lease(
            session, GhstatsLease, key="quiet-dev", seen=lease.refreshed_at,
            until=now + timedelta(minutes=1), now=now,
        )  # fmt: skip
        assert holder is not None
    calls = github.calls
    served = ghstats.serve_stats(login="quiet-dev")
    assert served.stale and served.cache_status.endswith("detail=stale-while-revalidate")
    assert github.calls == calls


def _rows() -> dict[str, int]:
    with transaction(write=False) as session:
        return {
            model.__tablename__: session.scalar(select(func.count()).select_from(model)) or 0
            for model in (GhstatsProfile, GhstatsRepo, GhstatsPage, GhstatsLease)
        }


def test_the_purge_drops_what_nobody_asked_for_in_the_configured_time(github, configure):
    configure(GHSTATS_PURGE_AFTER_SECONDS=30 * 86400)
    ghstats.serve_stats(login="octocat")
    kept = _rows()
    assert kept == {
        "ghstats_profiles": 1, "ghstats_repos": 8, "ghstats_pages": 4, "ghstats_leases": 1,
    }  # fmt: skip
    with transaction(write=True) as session:
        assert set(ghstats.purge_unasked(session, now=utcnow()).values()) == {0}
        soon = utcnow() + timedelta(days=29)
        assert set(ghstats.purge_unasked(session, now=soon).values()) == {0}
    with transaction(write=True) as session:
        later = utcnow() + timedelta(days=31)
        purged = ghstats.purge_unasked(session, now=later)
    assert purged == {"profiles": 1, "repos": 8, "pages": 4, "leases": 1}
    assert set(_rows().values()) == {0}
    ghstats.serve_stats(login="octocat")  # asked again: fetched again from scratch
    assert _rows() == kept


def test_the_hourly_purge_job_runs_it(github, configure):
    ghstats.serve_stats(login="quiet-dev")
    configure(GHSTATS_PURGE_AFTER_SECONDS=0.001)
    assert purge_ghstats.call_local()["profiles"] == 1
    assert _rows()["ghstats_profiles"] == 0
