"""GitHub stats: computed profile stats per username (shared by every user: GitHub answers the
same public data whoever asks), the provider pages behind them kept with their ETags for
conditional requests, the refresh leases (one fetch sequence per username across processes),
and the provider's rate-limit state."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from core.leases import KeyedLeaseRow
from db.base import Base


class GhstatsProfile(Base):
    """The stats computed from one username's profile and all its repository pages."""

    __tablename__ = "ghstats_profiles"

    #: The username in lower case (GitHub usernames are case-insensitive).
    key: Mapped[str] = mapped_column(String(39), primary_key=True)
    #: JSON: the profile summary, totals, language counts and every repository's summary.
    stats: Mapped[str] = mapped_column(Text)
    fetched_at: Mapped[datetime]


class GhstatsPage(Base):
    """One provider answer as last seen (reduced to the fields the stats use), with the ETag
    that makes the next request for the same URL conditional."""

    __tablename__ = "ghstats_pages"

    #: The request path and query (`/users/octocat/repos?per_page=100&page=2`).
    key: Mapped[str] = mapped_column(String(300), primary_key=True)
    etag: Mapped[str | None] = mapped_column(String(200))
    #: JSON: the reduced answer.
    data: Mapped[str] = mapped_column(Text)
    #: The page's Link rel="next", if any.
    next_url: Mapped[str | None] = mapped_column(String(500))
    fetched_at: Mapped[datetime]


class GhstatsLease(KeyedLeaseRow, Base):
    """Who may run the fetch sequence of a username now (core.leases keyed leases); a failure
    (`unavailable`, `timeout`, `not-found`, `rate-limited`) is kept on it for a while."""

    __tablename__ = "ghstats_leases"

    key: Mapped[str] = mapped_column(String(39), primary_key=True)


class GhstatsQuota(Base):
    """The provider's rate-limit state as its last answer told it (X-RateLimit-*)."""

    __tablename__ = "ghstats_quota"

    key: Mapped[str] = mapped_column(String(20), primary_key=True)
    remaining: Mapped[int | None]
    #: When the window resets (X-RateLimit-Reset, or now + Retry-After).
    reset_at: Mapped[datetime | None]
    updated_at: Mapped[datetime]


class GhstatsRepo(Base):
    """One public repository of a username as last fetched, ranked most-starred first (ties by
    name): the rows behind the paged repository list."""

    __tablename__ = "ghstats_repos"

    key: Mapped[str] = mapped_column(String(39), primary_key=True)
    #: 0 for the most-starred repository, then 1, 2, ...
    rank: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    full_name: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    html_url: Mapped[str | None] = mapped_column(String(500))
    language: Mapped[str | None] = mapped_column(String(100))
    stars: Mapped[int]
    forks: Mapped[int]
    fork: Mapped[bool]
