from __future__ import annotations

from typing import Any

from core.concurrency import etag, matches_if_none_match
from core.db import transaction
from core.http import header, iso
from core.wire import Answer, MaybeBodyAnswer, page_json, with_etag
from handlers._versioned import change_under_if_match
from services import portfolio
from services.portfolio import PortfolioVersion


def _document(published: portfolio.Published) -> dict[str, Any]:
    return {
        "version": published.version,
        "published_at": iso(published.published_at),
        "note": published.note,
        **published.content,
    }


def _published(published: portfolio.Published) -> Answer:
    return with_etag(_document(published), published.version)


def _version_json(row: PortfolioVersion) -> dict[str, Any]:
    return {"version": row.number, "published_at": iso(row.published_at), "note": row.note}


def _conditional(published: portfolio.Published, cache: str) -> MaybeBodyAnswer:
    """200 with the document, or 304 when the caller's If-None-Match is current."""
    headers = {"ETag": etag(published.version), "Cache-Control": cache}
    if matches_if_none_match(header("If-None-Match"), headers["ETag"]):
        return None, 304, headers
    return _document(published), 200, headers


def get_portfolio() -> MaybeBodyAnswer:
    with transaction(write=False) as session:
        return _conditional(portfolio.current(session), portfolio.CURRENT_CACHE)


def get_portfolio_version(version: int) -> MaybeBodyAnswer:
    with transaction(write=False) as session:
        return _conditional(portfolio.version(session, version), portfolio.IMMUTABLE_CACHE)


def publish_portfolio(body: dict[str, Any]) -> Answer:
    return change_under_if_match(portfolio.publish, _published, content=body)


def list_portfolio_versions(limit: int = 20, cursor: str | None = None) -> dict[str, Any]:
    with transaction(write=False) as session:
        return page_json(
            portfolio.list_versions(session, limit=limit, cursor=cursor), _version_json
        )


def get_portfolio_projects() -> dict[str, Any]:
    with transaction(write=False) as session:
        published = portfolio.current(session)
        return {"version": published.version, "items": published.content["projects"]}
