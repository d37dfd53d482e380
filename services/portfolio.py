"""Portfolio: one public document; every admin change publishes the next immutable version.

The state row (id 1) holds the current version number. Publishing locks it, checks If-Match
against it, and inserts version n+1, so concurrent editors holding the same ETag cannot both
publish. Version 0 is the empty portfolio before the first publication.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from core.concurrency import check_if_match
from core.errors import NotFound
from core.pagination import Page, paginate
from core.rows import insert_ignoring_duplicates
from core.security import Actor
from db.models.portfolio import PortfolioState
from db.models.portfolio import PortfolioVersion as PortfolioVersion  # re-exported for handlers

EMPTY: dict[str, Any] = {"projects": [], "skills": [], "contacts": []}
CURRENT_CACHE = "public, max-age=60"
IMMUTABLE_CACHE = "public, max-age=31536000, immutable"


class VersionNotFound(NotFound, type="/problems/portfolio/version-not-found"): ...


@dataclass(frozen=True)
class Published:
    version: int
    published_at: datetime | None
    note: str
    content: dict[str, Any]


def _locked_state(session: Session) -> PortfolioState:
    """The state row, locked. The migration creates it; should it be missing (a database emptied
    by hand), concurrent publishers create it once: INSERT .. ON CONFLICT DO NOTHING waits for the
    first inserter instead of failing."""
    insert_ignoring_duplicates(session, PortfolioState, id=1, current_version=0)
    query = select(PortfolioState).where(PortfolioState.id == 1).with_for_update()
    return session.scalars(query).one()


def _current_number(session: Session) -> int:
    number = session.scalar(select(PortfolioState.current_version).where(PortfolioState.id == 1))
    return int(number or 0)


def _published(row: PortfolioVersion) -> Published:
    return Published(row.number, row.published_at, row.note, row.content)


def current(session: Session) -> Published:
    """The latest version, or the empty version 0."""
    number = _current_number(session)
    if number == 0:
        return Published(0, None, "", EMPTY)
    return version(session, number)


def version(session: Session, number: int) -> Published:
    """One published version; they never change."""
    row = session.get(PortfolioVersion, number)
    if row is None:
        raise VersionNotFound(f"No version {number} has been published.")
    return _published(row)


def publish(
    session: Session, actor: Actor, *, content: dict[str, Any], if_match: str | None
) -> Published:
    """Publishes `content` as the next version, if If-Match names the current one."""
    state = _locked_state(session)
    check_if_match(if_match, state.current_version)
    state.current_version += 1
    row = PortfolioVersion(
        number=state.current_version,
        content={key: content[key] for key in EMPTY},
        note=content.get("note", ""),
        author_id=actor.user_id,
    )
    session.add(row)
    session.flush()
    return _published(row)


def list_versions(session: Session, *, limit: int, cursor: str | None) -> Page[PortfolioVersion]:
    """Published versions, newest first."""
    return paginate(
        session,
        select(PortfolioVersion),
        kind="portfolio-versions",
        columns=(PortfolioVersion.number,),
        limit=limit,
        cursor=cursor,
        descending=True,
    )
