from __future__ import annotations

import uuid
from typing import Any

from core.callout import read_call_write
from core.db import transaction
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, NoContent, api_path, page_json
from services import previews
from services.previews import PreviewsLookup


def _lookup_json(lookup: PreviewsLookup) -> dict[str, Any]:
    page = lookup.page
    return {
        "id": str(lookup.id),
        "url": lookup.url,
        "from_cache": lookup.from_cache,
        "created_at": lookup.created_at.isoformat(),
        "preview": {
            "url": page.final_url,
            "canonical_url": page.canonical_url,
            "title": page.title,
            "description": page.description,
            "image": page.image,
            "site_name": page.site_name,
            "favicon": page.favicon,
            "type": page.kind,
            "content_type": page.content_type,
            "fetched_at": page.fetched_at.isoformat(),
            "expires_at": page.expires_at.isoformat(),
        },
    }


def _created(lookup: PreviewsLookup) -> Answer:
    # A lookup never changes after it is made: no ETag to offer.
    return _lookup_json(lookup), 201, {"Location": api_path("previews", "lookups", lookup.id)}


@idempotent
def create_previews_lookup(body: dict[str, Any]) -> Answer:
    url, refresh = body["url"], body.get("refresh", False)
    actor = current_actor()
    # The page is fetched between a read of the cache and the write (core.callout).
    return read_call_write(
        lambda session: refresh or previews.cached_page(session, url=url) is None,
        lambda fetch: previews.preview_of(url) if fetch else None,
        lambda session, _fetch, fetched: _created(
            previews.record_lookup(session, actor, url=url, fetched=fetched)
        ),
    )


def list_previews_lookups(
    limit: int = 20, cursor: str | None = None, site: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = previews.list_lookups(
            session, current_actor(), limit=limit, cursor=cursor, site=site
        )
        return page_json(page, _lookup_json)


def get_previews_lookup(lookup_id: str) -> dict[str, Any]:
    with transaction(write=False) as session:
        lookup = previews.get_lookup(session, current_actor(), lookup_id=uuid.UUID(lookup_id))
        return _lookup_json(lookup)


def delete_previews_lookup(lookup_id: str) -> NoContent:
    with transaction(write=True) as session:
        previews.delete_lookup(session, current_actor(), lookup_id=uuid.UUID(lookup_id))
    return None, 204
