"""GitHub stats: a username's profile summary and the totals of all its public repositories,
from the GitHub REST API (services.ghstats.provider), cached.

Rules:
- A username follows GitHub's rules (provider.check_username) before anything is asked; it is
  case-insensitive, so the cache keys it in lower case and shares it with every user.
- Stats are computed from the profile and every page of `/users/{username}/repos` (Link
  rel="next", at most GHSTATS_MAX_PAGES pages; past that `complete` is false): repository
  count, total stars and forks (forks of other projects included: they are the user's public
  repositories), repositories per language, and the 100 most-starred (ties by name).
- Every repository is kept too, ranked the same way, for the paged list (`list_repos`:
  filtered by language and fork, cursor pages in rank order).
- Fresh for GHSTATS_TTL_SECONDS. Then the next request revalidates: every page is asked for
  again with `If-None-Match`, and a 304 reuses the stored page (no rate-limit cost).
- One fetch sequence per username at a time across every process: the caller holding the
  username's lease (core.leases keyed leases) runs it; others get the previous stats at once,
  flagged stale, or — when there are none — wait for what the holder stores (polling the
  database), and share its failure if it fails (kept on the lease for
  GHSTATS_RETRY_AFTER_FAILURE_SECONDS, so GitHub is not asked again meanwhile).
- The rate limit: every answer's X-RateLimit-Remaining/Reset is stored; while it is spent no
  call is made until the reset. A failure (502 unavailable, 504 timeout, 503 rate-limited with
  Retry-After) is answered with the previous stats flagged stale when they are stale by at most
  GHSTATS_STALE_IF_ERROR_SECONDS, else as a problem. An unknown user is 404
  (`/problems/ghstats/user-not-found`), never served from the cache.

GitHub is called outside any transaction: each call runs between two short ones (core.callout);
`serve_stats` polls the cache in short reads while another caller holds the lease.
"""

from __future__ import annotations

import json
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

import structlog
from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.orm import Session

from core.callout import Done, read_call_write
from core.db import transaction, utcnow
from core.errors import DomainError, UpstreamTimeout, UpstreamUnavailable
from core.leases import hold_keyed_lease, release_keyed_lease, take_keyed_lease
from core.pagination import Page, paginate
from core.rows import insert_ignoring_duplicates
from core.settings import get_settings
from db.models.ghstats import (
    GhstatsLease,
    GhstatsPage,
    GhstatsProfile,
    GhstatsQuota,
    GhstatsRepo,
)
from services.ghstats import provider
from services.ghstats.provider import (
    InvalidUsername,
    Quota,
    RateLimited,
    UserNotFound,
    check_username,
)
from services.ghstats.settings import GhstatsSettings, ghstats_settings

__all__ = ["GhstatsRepo", "GhstatsSettings", "InvalidUsername", "RateLimited", "UserNotFound"]

log = structlog.get_logger("trellis.ghstats")

#: How often a request waiting for another one's fetch looks for its result.
POLL_SECONDS = 0.05
#: A lease outlives the calls it covers by this much (the store after them).
LEASE_MARGIN_SECONDS = 5.0
#: The most-starred repositories kept with the stats (the most `top` may ask for).
TOP_KEPT = 100
QUOTA_KEY = "github"


@dataclass(frozen=True)
class Stats:
    """A username's stats as stored, detached from the session."""

    key: str
    profile: dict[str, Any]
    repo_count: int
    complete: bool
    total_stars: int
    total_forks: int
    #: (language, repositories) by count, then name
    languages: list[tuple[str, int]]
    #: the most-starred repositories, most first
    top_repos: list[dict[str, Any]]
    fetched_at: datetime


@dataclass(frozen=True)
class Served:
    """Stats and how they were served: the `Cache-Status` and `Age` of the answer."""

    stats: Stats
    cache_status: str
    age: int
    stale: bool


def compute(key: str, profile: dict[str, Any], repos: list[dict[str, Any]], *, complete: bool,
            fetched_at: datetime) -> Stats:  # fmt: skip
    """The stats of a profile and its repositories."""
    languages = Counter(repo["language"] for repo in repos if repo["language"])
    ranked = rank(repos)
    return Stats(
        key=key,
        profile=profile,
        repo_count=len(repos),
        complete=complete,
        total_stars=sum(repo["stars"] for repo in repos),
        total_forks=sum(repo["forks"] for repo in repos),
        languages=sorted(languages.items(), key=lambda item: (-item[1], item[0].lower())),
        top_repos=ranked[:TOP_KEPT],
        fetched_at=fetched_at,
    )


def rank(repos: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The repositories most-starred first, ties by name."""
    return sorted(repos, key=lambda repo: (-repo["stars"], repo["name"].lower()))


def store_repos(session: Session, *, key: str, ranked: list[dict[str, Any]]) -> None:
    """Replaces the username's stored repositories by `ranked` (in rank order)."""
    session.execute(delete(GhstatsRepo).where(GhstatsRepo.key == key))
    if ranked:
        session.execute(
            insert(GhstatsRepo),
            [{"key": key, "rank": number, **repo} for number, repo in enumerate(ranked)],
        )


def list_repos(
    session: Session,
    *,
    key: str,
    limit: int,
    cursor: str | None,
    language: str | None = None,
    fork: bool | None = None,
) -> Page[GhstatsRepo]:
    """One page of the username's stored repositories, most-starred first; `language` (any
    case) and `fork` narrow it."""
    query = select(GhstatsRepo).where(GhstatsRepo.key == key)
    if language is not None:
        query = query.where(func.lower(GhstatsRepo.language) == language.lower())
    if fork is not None:
        query = query.where(GhstatsRepo.fork == fork)
    return paginate(
        session, query, kind=f"ghstats-repos:{key}", columns=(GhstatsRepo.rank,), limit=limit,
        cursor=cursor,
    )  # fmt: skip


def read_stats(session: Session, *, key: str) -> Stats | None:
    """The cached stats of the username `key` (lower case), if any."""
    row = session.get(GhstatsProfile, key)
    if row is None:
        return None
    fields = json.loads(row.stats)
    fields["languages"] = [tuple(pair) for pair in fields["languages"]]
    return Stats(key=row.key, fetched_at=row.fetched_at, **fields)


def store_stats(session: Session, stats: Stats) -> None:
    """Stores `stats` as the username's cached stats."""
    fields = {
        "profile": stats.profile,
        "repo_count": stats.repo_count,
        "complete": stats.complete,
        "total_stars": stats.total_stars,
        "total_forks": stats.total_forks,
        "languages": stats.languages,
        "top_repos": stats.top_repos,
    }
    values = {"stats": json.dumps(fields), "fetched_at": stats.fetched_at}
    if not insert_ignoring_duplicates(session, GhstatsProfile, key=stats.key, **values):
        session.execute(
            update(GhstatsProfile).where(GhstatsProfile.key == stats.key).values(values)
        )


def record_quota(session: Session, quota: Quota) -> None:
    """Stores what GitHub last said of its rate limit (nothing when it said nothing)."""
    if quota.remaining is None:
        return
    values = {"remaining": quota.remaining, "reset_at": quota.reset_at, "updated_at": utcnow()}
    if not insert_ignoring_duplicates(session, GhstatsQuota, key=QUOTA_KEY, **values):
        session.execute(update(GhstatsQuota).where(GhstatsQuota.key == QUOTA_KEY).values(values))


def spent_until(session: Session, *, now: datetime | None = None) -> datetime | None:
    """When GitHub's spent rate limit resets, or None while calls may be made."""
    row = session.get(GhstatsQuota, QUOTA_KEY)
    now = now or utcnow()
    if row is None or row.remaining != 0 or row.reset_at is None or row.reset_at <= now:
        return None
    return row.reset_at


@dataclass(frozen=True)
class Cached:
    """One username's stats and lease, read together."""

    stats: Stats | None
    refreshed_at: datetime | None
    held: bool
    failure: str | None


def read_cached(session: Session, *, key: str) -> Cached:
    """The username's stats, if any, and the state of its lease."""
    lease = session.get(GhstatsLease, key)
    held = lease is not None and lease.leased_until > utcnow()
    return Cached(
        stats=read_stats(session, key=key),
        refreshed_at=lease.refreshed_at if lease is not None else None,
        held=held,
        failure=lease.failure if lease is not None and held else None,
    )


def serve_stats(*, login: str) -> Served:
    """The username's stats by the rules above. Opens its own units of work: call it outside
    any transaction."""
    check_username(login)
    key = login.lower()
    deadline = time.monotonic() + _lease_seconds() + LEASE_MARGIN_SECONDS
    while True:
        with transaction(write=False) as session:
            cached = read_cached(session, key=key)
        stats, now = cached.stats, utcnow()
        if stats is not None and _age(stats, now) <= ghstats_settings().ttl_seconds:
            return _served(stats, now, "hit")
        if cached.failure is not None:
            return _stale_if_error(_failure_error(cached.failure), stats)
        if not cached.held:
            served = _refresh(key, cached, now)
            if served is not None:
                return served
        elif stats is not None:
            return _served(stats, now, "hit", detail="stale-while-revalidate")
        if time.monotonic() > deadline:
            raise UpstreamTimeout("GitHub did not answer in time")
        time.sleep(POLL_SECONDS)  # another request is running the fetch sequence


def purge_unasked(session: Session, *, now: datetime) -> dict[str, int]:
    """Deletes what was kept for usernames nobody asked for in GHSTATS_PURGE_AFTER_SECONDS:
    their stats and repositories, the stored pages not fetched or revalidated since, and the
    leases neither held nor used since; how many of each."""
    cutoff = now - timedelta(seconds=ghstats_settings().purge_after_seconds)
    old = select(GhstatsProfile.key).where(GhstatsProfile.fetched_at <= cutoff)
    repos = session.execute(delete(GhstatsRepo).where(GhstatsRepo.key.in_(old)))
    profiles = session.execute(delete(GhstatsProfile).where(GhstatsProfile.fetched_at <= cutoff))
    pages = session.execute(delete(GhstatsPage).where(GhstatsPage.fetched_at <= cutoff))
    leases = session.execute(
        delete(GhstatsLease).where(
            GhstatsLease.leased_until <= cutoff,
            or_(GhstatsLease.refreshed_at.is_(None), GhstatsLease.refreshed_at <= cutoff),
        )
    )
    return {
        name: int(result.rowcount)  # type: ignore[attr-defined]
        for name, result in (
            ("profiles", profiles), ("repos", repos), ("pages", pages), ("leases", leases)
        )
    }  # fmt: skip


def top(stats: Stats, count: int) -> list[dict[str, Any]]:
    """The `count` most-starred repositories."""
    return stats.top_repos[:count]


def _refresh(key: str, cached: Cached, now: datetime) -> Served | None:
    """The fetch sequence under the username's lease (core.callout: the lease taken, GitHub
    asked with no transaction open, the stats stored or the failure kept on the lease); None
    when another caller took the lease first."""
    previous = cached.stats

    def take(session: Session) -> str | Done[Served | None]:
        until = now + timedelta(seconds=_lease_seconds())
        holder = take_keyed_lease(
            session, GhstatsLease, key=key, seen=cached.refreshed_at, until=until, now=now
        )
        return Done(None) if holder is None else holder

    def store(
        session: Session, holder: str, fetched: tuple[Stats, list[dict[str, Any]]]
    ) -> Served | None:
        stats, ranked = fetched
        store_stats(session, stats)
        store_repos(session, key=key, ranked=ranked)
        release_keyed_lease(
            session, GhstatsLease, key=key, holder=holder, refreshed_at=stats.fetched_at
        )
        status = "fwd=uri-miss" if previous is None else "fwd=stale"
        return _served(stats, stats.fetched_at, f"{status}; stored")

    def failed(session: Session, holder: str, error: Exception) -> Done[Served | None] | None:
        if not isinstance(error, (UpstreamUnavailable, UserNotFound)):
            # A bug, or the database failing: let the next request try at once instead of
            # leaving the waiters polling until the lease runs out.
            hold_keyed_lease(
                session, GhstatsLease, key=key, holder=holder, until=utcnow(), failure="error"
            )
            return None
        until = utcnow() + timedelta(seconds=ghstats_settings().retry_after_failure_seconds)
        failure = _failure_name(error)
        hold_keyed_lease(
            session, GhstatsLease, key=key, holder=holder, until=until, failure=failure
        )
        log.info("ghstats: fetch failed", username=key, failure=failure)
        return _stale_or_none(error, previous)

    return read_call_write(
        take,
        lambda _holder: fetch_sequence(key),
        store,
        failures=(Exception,),
        recover=failed,
        read_writes=True,
    )


def fetch_sequence(key: str) -> tuple[Stats, list[dict[str, Any]]]:
    """Asks GitHub for the profile and every repository page of `key` (conditionally, page by
    page): the stats and the ranked repositories. Each answer is stored in its own short unit
    of work."""
    profile = _page(f"/users/{key}", kind="user")
    repos: list[dict[str, Any]] = []
    path: str | None = f"/users/{key}/repos?per_page=100&type=owner&sort=full_name"
    pages, complete = 0, True
    while path is not None:
        if pages == ghstats_settings().max_pages:
            complete = False
            break
        data, path = _page_with_next(path)
        repos.extend(data)
        pages += 1
    stats = compute(key, profile, repos, complete=complete, fetched_at=utcnow())
    return stats, rank(repos)


def _page(path: str, *, kind: str) -> Any:
    data, _ = _page_with_next(path, kind=kind)
    return data


def _page_with_next(path: str, *, kind: str = "repos") -> tuple[Any, str | None]:
    """One page, from GitHub or (after a 304) as stored; no call while the rate limit is spent.
    Each page is read, asked and stored through core.callout."""

    def read(session: Session) -> tuple[str | None, tuple[str, str | None] | None]:
        stored = session.get(GhstatsPage, path)
        reset_at = spent_until(session)
        if reset_at is not None:
            raise RateLimited(reset_at)
        return (stored.etag, (stored.data, stored.next_url)) if stored else (None, None)

    def write(
        session: Session,
        known: tuple[str | None, tuple[str, str | None] | None],
        page: provider.Page,
    ) -> tuple[Any, str | None]:
        record_quota(session, page.quota)
        kept = known[1]
        if page.not_modified:
            assert kept is not None  # a 304 is only taken when an ETag was sent
            # Still what GitHub serves: the purge counts it as fetched now.
            session.execute(
                update(GhstatsPage).where(GhstatsPage.key == path).values(fetched_at=utcnow())
            )
            return json.loads(kept[0]), kept[1]
        values = {
            "etag": page.etag,
            "data": json.dumps(page.data),
            "next_url": page.next_path,
            "fetched_at": utcnow(),
        }
        if not insert_ignoring_duplicates(session, GhstatsPage, key=path, **values):
            session.execute(update(GhstatsPage).where(GhstatsPage.key == path).values(values))
        return page.data, page.next_path

    def limited(session: Session, _known: object, error: Exception) -> None:
        assert isinstance(error, RateLimited)
        record_quota(session, Quota(remaining=0, reset_at=error.reset_at))

    return read_call_write(
        read,
        lambda known: provider.get(path, etag=known[0], kind=kind),
        write,
        failures=(RateLimited,),
        recover=limited,
    )


def _failure_name(error: DomainError) -> str:
    if isinstance(error, UserNotFound):
        return "not-found"
    if isinstance(error, RateLimited):
        return "rate-limited"
    return "timeout" if isinstance(error, UpstreamTimeout) else "unavailable"


def _failure_error(failure: str) -> DomainError:
    """The error a failure remembered on the lease stands for."""
    if failure == "rate-limited":
        with transaction(write=False) as session:
            reset_at = spent_until(session)
        return RateLimited(reset_at or utcnow() + timedelta(seconds=1))
    if failure == "not-found":
        return UserNotFound("GitHub has no user of this name (a moment ago)")
    if failure == "timeout":
        return UpstreamTimeout("GitHub did not answer in time (a moment ago)")
    return UpstreamUnavailable("GitHub failed a moment ago")


def _stale_if_error(error: DomainError, stats: Stats | None) -> Served:
    """The previous stats in place of GitHub's failure, if they are recent enough."""
    now = utcnow()
    if stats is not None and isinstance(error, UpstreamUnavailable):
        settings = ghstats_settings()
        if _age(stats, now) <= settings.ttl_seconds + settings.stale_if_error_seconds:
            return _served(stats, now, "hit", detail="stale-if-error")
    raise error


def _stale_or_none(error: DomainError, stats: Stats | None) -> Done[Served] | None:
    try:
        return Done(_stale_if_error(error, stats))
    except DomainError:
        return None


def _age(stats: Stats, now: datetime) -> float:
    return (now - stats.fetched_at).total_seconds()


def _lease_seconds() -> float:
    """Long enough for a whole fetch sequence: the profile and every page, each one call."""
    calls = 1 + ghstats_settings().max_pages
    return calls * get_settings().outbound_total_timeout_seconds + LEASE_MARGIN_SECONDS


def _served(stats: Stats, now: datetime, status: str, *, detail: str | None = None) -> Served:
    age = max(0, int(_age(stats, now)))
    parts = ["Trellis", status, f"ttl={int(ghstats_settings().ttl_seconds) - age}"]
    if detail:
        parts.append(f"detail={detail}")
    return Served(stats, "; ".join(parts), age, stale=detail is not None)
