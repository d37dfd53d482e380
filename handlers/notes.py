from __future__ import annotations

import uuid
from typing import Any

from core.db import transaction
from core.idempotency import idempotent
from core.security import current_actor
from core.wire import Answer, MaybeBodyAnswer, NoContent, api_path, created, page_json, with_etag
from handlers._versioned import change_under_if_match, delete_under_if_match
from services import notes
from services.notes import NotePage, NoteRevision


def _page_json(page: NotePage) -> dict[str, Any]:
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


def _with_etag(page: NotePage) -> Answer:
    return with_etag(_page_json(page), page.version)


def _revision_json(revision: NoteRevision) -> dict[str, Any]:
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
    with transaction(write=False) as session:
        page = notes.list_pages(
            session, current_actor(), q=q, tag=tag, archived=archived, limit=limit, cursor=cursor
        )
        return page_json(page, _page_json)


@idempotent
def create_note_page(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        page = notes.create_page(session, current_actor(), **body)
        return created(_page_json(page), page.version, "notes", "pages", page.id)


def get_note_page(page_id: str) -> Answer:
    with transaction(write=False) as session:
        return _with_etag(notes.get_page(session, current_actor(), page_id=uuid.UUID(page_id)))


def get_note_page_by_slug(slug: str) -> MaybeBodyAnswer:
    with transaction(write=False) as session:
        found = notes.find_by_slug(session, current_actor(), slug=slug)
        if found.page is None:
            return None, 308, {"Location": api_path("notes", "slugs", found.redirect_to)}
        return _with_etag(found.page)


def update_note_page(page_id: str, body: dict[str, Any]) -> Answer:
    return change_under_if_match(
        notes.update_page, _with_etag, page_id=uuid.UUID(page_id), changes=body
    )


def delete_note_page(page_id: str) -> NoContent:
    return delete_under_if_match(notes.delete_page, page_id=uuid.UUID(page_id))


def list_note_page_revisions(
    page_id: str, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = notes.list_revisions(
            session, current_actor(), page_id=uuid.UUID(page_id), limit=limit, cursor=cursor
        )
        return page_json(page, _revision_json)


def get_note_page_revision(page_id: str, number: int) -> dict[str, Any]:
    with transaction(write=False) as session:
        return _revision_json(
            notes.get_revision(session, current_actor(), page_id=uuid.UUID(page_id), number=number)
        )


def create_note_page_restoration(page_id: str, body: dict[str, Any]) -> Answer:
    return change_under_if_match(
        notes.restore_revision, _with_etag, page_id=uuid.UUID(page_id), number=body["revision"]
    )
