from __future__ import annotations

import uuid
from typing import Any

from core.concurrency import etag
from core.db import transaction
from core.http import header
from core.idempotency import idempotent
from core.security import current_actor
from services import notes

Answer = tuple[dict[str, Any] | None, int, dict[str, str]]


def _page_json(page: Any) -> dict[str, Any]:
    return {
        "id": str(page.id),
        "title": page.title,
        "slug": page.slug,
        "body": page.body,
        "html": page.html,
        "tags": [tag.tag for tag in page.tags],
        "archived": page.archived_at is not None,
        "revision": page.revision,
        "created_at": page.created_at.isoformat(),
        "updated_at": page.updated_at.isoformat(),
    }


def _with_etag(page: Any, status: int = 200) -> Answer:
    return _page_json(page), status, {"ETag": etag(page.version)}


def _revision_json(revision: Any) -> dict[str, Any]:
    return {
        "number": revision.number,
        "title": revision.title,
        "body": revision.body,
        "author_id": str(revision.author_id),
        "created_at": revision.created_at.isoformat(),
    }


def list_note_pages(
    q: str | None = None,
    tag: str | None = None,
    archived: bool = False,
    limit: int = 20,
    cursor: str | None = None,
) -> dict[str, Any]:
    with transaction() as session:
        page = notes.list_pages(
            session, current_actor(), q=q, tag=tag, archived=archived, limit=limit, cursor=cursor
        )
        return {"items": [_page_json(item) for item in page.items], "next": page.next}


@idempotent
def create_note_page(body: dict[str, Any]) -> Answer:
    with transaction() as session:
        page = notes.create_page(session, current_actor(), **body)
        data, status, headers = _with_etag(page, 201)
        return data, status, {**headers, "Location": f"/api/v1/notes/pages/{page.id}"}


def get_note_page(page_id: str) -> Answer:
    with transaction() as session:
        return _with_etag(notes.get_page(session, current_actor(), page_id=uuid.UUID(page_id)))


def get_note_page_by_slug(slug: str) -> Answer:
    with transaction() as session:
        found = notes.find_by_slug(session, current_actor(), slug=slug)
        if found.page is None:
            return None, 308, {"Location": f"/api/v1/notes/slugs/{found.redirect_to}"}
        return _with_etag(found.page)


def update_note_page(page_id: str, body: dict[str, Any]) -> Answer:
    with transaction() as session:
        page = notes.update_page(
            session,
            current_actor(),
            page_id=uuid.UUID(page_id),
            changes=body,
            if_match=header("If-Match"),
        )
        return _with_etag(page)


def delete_note_page(page_id: str) -> tuple[None, int]:
    with transaction() as session:
        notes.delete_page(
            session, current_actor(), page_id=uuid.UUID(page_id), if_match=header("If-Match")
        )
    return None, 204


def list_note_page_revisions(
    page_id: str, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction() as session:
        page = notes.list_revisions(
            session, current_actor(), page_id=uuid.UUID(page_id), limit=limit, cursor=cursor
        )
        return {"items": [_revision_json(item) for item in page.items], "next": page.next}


def get_note_page_revision(page_id: str, number: int) -> dict[str, Any]:
    with transaction() as session:
        return _revision_json(
            notes.get_revision(session, current_actor(), page_id=uuid.UUID(page_id), number=number)
        )


def create_note_page_restoration(page_id: str, body: dict[str, Any]) -> Answer:
    with transaction() as session:
        page = notes.restore_revision(
            session,
            current_actor(),
            page_id=uuid.UUID(page_id),
            number=body["revision"],
            if_match=header("If-Match"),
        )
        return _with_etag(page)
