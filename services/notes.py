"""Notes: each user's private wiki.

Every change of title or body appends a numbered revision (never rewritten; restoring an old
revision appends a new one). The slug follows the title and is unique per owner among current and
former slugs; a renamed page keeps its former slugs, which redirect to it. Archiving is a soft
delete; only an archived page can be deleted for good.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from core.concurrency import check_if_match, versioned_write
from core.db import utcnow
from core.errors import Conflict, NotFound
from core.import_targets import Column, ImportTarget, comma_list
from core.pagination import Page, paginate
from core.rows import get_or_404
from core.security import Actor
from core.slugs import first_free, normalize_tag, normalize_tags, slugify
from db.models.identity import User
from db.models.notes import NotePage as NotePage  # re-exported for handlers
from db.models.notes import NoteRevision as NoteRevision  # re-exported for handlers
from db.models.notes import NoteSlug, NoteTag
from services.markdown import render

SLUG_MAX = 80


class PageNotFound(NotFound, type="/problems/notes/not-found"): ...


class RevisionNotFound(NotFound, type="/problems/notes/revision-not-found"): ...


class NotArchived(Conflict, type="/problems/notes/not-archived"): ...


def _slug_taken(session: Session, owner_id: uuid.UUID, slug: str, page_id: uuid.UUID) -> bool:
    current = session.scalar(
        select(NotePage.id).where(NotePage.owner_id == owner_id, NotePage.slug == slug)
    )
    former = session.scalar(
        select(NoteSlug.page_id).where(NoteSlug.owner_id == owner_id, NoteSlug.slug == slug)
    )
    return any(holder not in (None, page_id) for holder in (current, former))


def _free_slug(session: Session, owner_id: uuid.UUID, title: str, page_id: uuid.UUID) -> str:
    """A slug for `title` that none of the owner's other pages holds, now or formerly.

    Locks the owner's row first, so two concurrent writes of one owner cannot pick the same slug.
    """
    session.execute(select(User.id).where(User.id == owner_id).with_for_update())
    return first_free(
        slugify(title, max_length=SLUG_MAX, fallback="page"),
        lambda slug: _slug_taken(session, owner_id, slug, page_id),
        max_length=SLUG_MAX,
    )


def _set_tags(page: NotePage, tags: list[str]) -> None:
    page.tags = [NoteTag(tag=tag) for tag in normalize_tags(tags)]


def _record(session: Session, page: NotePage, actor: Actor) -> None:
    page.revision += 1
    session.add(
        NoteRevision(
            page_id=page.id,
            number=page.revision,
            title=page.title,
            body=page.body,
            author_id=actor.user_id,
        )
    )


def _write(session: Session, page: NotePage, actor: Actor, title: str, body: str) -> None:
    """Sets title and body, moves the slug with the title, records a revision."""
    if title != page.title:
        new_slug = _free_slug(session, page.owner_id, title, page.id)
        if new_slug != page.slug:
            session.add(NoteSlug(owner_id=page.owner_id, slug=page.slug, page_id=page.id))
            # Taking back one of its own former slugs: it is current again, not former.
            session.execute(
                delete(NoteSlug).where(
                    NoteSlug.owner_id == page.owner_id, NoteSlug.slug == new_slug
                )
            )
        page.slug = new_slug
    page.title = title
    page.body = body
    page.html = render(body)
    _record(session, page, actor)


def create_page(
    session: Session, actor: Actor, *, title: str, body: str = "", tags: list[str] | None = None
) -> NotePage:
    """Creates a page (revision 1) whose slug none of the caller's pages holds or held."""
    page_id = uuid.uuid4()
    page = NotePage(
        id=page_id,
        owner_id=actor.user_id,
        title=title,
        slug=_free_slug(session, actor.user_id, title, page_id),
        body=body,
        html=render(body),
        revision=0,
        version=1,
    )
    session.add(page)
    _set_tags(page, tags or [])
    _record(session, page, actor)
    session.flush()
    return page


def create_pages(session: Session, actor: Actor, bodies: Sequence[dict[str, Any]]) -> int:
    """Creates many pages (a CSV import's batch), each as create_page does."""
    for body in bodies:
        create_page(session, actor, **body)
    return len(bodies)


IMPORT_TARGET = ImportTarget(
    name="notes",
    operation_id="createNotePage",
    description="Pages of your wiki; `body` is Markdown, `tags` comma separated.",
    columns=(Column("title"), Column("body"), Column("tags", parse=comma_list)),
    insert=create_pages,
)


def get_page(session: Session, actor: Actor, *, page_id: uuid.UUID, lock: bool = False) -> NotePage:
    """The caller's page; anyone else's is NotFound, like a missing one."""
    mine, missing = NotePage.owner_id == actor.user_id, PageNotFound("No such page.")
    return get_or_404(session, NotePage, page_id, where=mine, missing=missing, lock=lock)


@dataclass(frozen=True)
class SlugLookup:
    page: NotePage | None
    redirect_to: str | None


def find_by_slug(session: Session, actor: Actor, *, slug: str) -> SlugLookup:
    """The page with this slug, or the current slug of the page that used to have it."""
    page = session.scalars(
        select(NotePage).where(NotePage.owner_id == actor.user_id, NotePage.slug == slug)
    ).first()
    if page is not None:
        return SlugLookup(page, None)
    moved = session.scalars(
        select(NotePage)
        .join(NoteSlug, NoteSlug.page_id == NotePage.id)
        .where(NoteSlug.owner_id == actor.user_id, NoteSlug.slug == slug)
    ).first()
    if moved is None:
        raise PageNotFound("No page has this slug.")
    return SlugLookup(None, moved.slug)


def update_page(
    session: Session,
    actor: Actor,
    *,
    page_id: uuid.UUID,
    changes: dict[str, Any],
    if_match: str | None = None,
) -> NotePage:
    """Edits under the row lock: a new title or body appends a revision and moves the slug."""
    page = get_page(session, actor, page_id=page_id, lock=True)
    with versioned_write(session, page, if_match=if_match):
        title, body = changes.get("title", page.title), changes.get("body", page.body)
        if (title, body) != (page.title, page.body):
            _write(session, page, actor, title, body)
        if "tags" in changes:
            page.tags.clear()
            session.flush()
            _set_tags(page, changes["tags"])
        if "archived" in changes and changes["archived"] != (page.archived_at is not None):
            page.archived_at = utcnow() if changes["archived"] else None
    return page


def restore_revision(
    session: Session, actor: Actor, *, page_id: uuid.UUID, number: int, if_match: str | None = None
) -> NotePage:
    """Makes revision `number` current again, as a new revision."""
    page = get_page(session, actor, page_id=page_id, lock=True)
    with versioned_write(session, page, if_match=if_match):
        old = get_revision(session, actor, page_id=page_id, number=number)
        _write(session, page, actor, old.title, old.body)
    return page


def delete_page(
    session: Session, actor: Actor, *, page_id: uuid.UUID, if_match: str | None = None
) -> None:
    """Deletes an archived page for good (guarded by If-Match when given)."""
    page = get_page(session, actor, page_id=page_id, lock=True)
    check_if_match(if_match, page.version)
    if page.archived_at is None:
        raise NotArchived("Archive the page before deleting it.")
    session.delete(page)
    session.flush()


def list_pages(
    session: Session,
    actor: Actor,
    *,
    q: str | None = None,
    tag: str | None = None,
    archived: bool = False,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[NotePage]:
    """The caller's pages (archived or not), most recently updated first."""
    query = select(NotePage).where(NotePage.owner_id == actor.user_id)
    query = query.where(
        NotePage.archived_at.is_not(None) if archived else NotePage.archived_at.is_(None)
    )
    if q:
        query = query.where(func.lower(NotePage.title).contains(q.lower(), autoescape=True))
    if tag:
        query = query.where(
            select(NoteTag.page_id)
            .where(NoteTag.page_id == NotePage.id, NoteTag.tag == normalize_tag(tag))
            .exists()
        )
    return paginate(
        session,
        query,
        kind=f"notes:{archived}",
        columns=(NotePage.updated_at, NotePage.id),
        limit=limit,
        cursor=cursor,
        descending=True,
    )


def list_revisions(
    session: Session,
    actor: Actor,
    *,
    page_id: uuid.UUID,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[NoteRevision]:
    """A page's revisions, newest first."""
    get_page(session, actor, page_id=page_id)
    return paginate(
        session,
        select(NoteRevision).where(NoteRevision.page_id == page_id),
        kind="notes-revisions",
        columns=(NoteRevision.number,),
        limit=limit,
        cursor=cursor,
        descending=True,
    )


def get_revision(
    session: Session, actor: Actor, *, page_id: uuid.UUID, number: int
) -> NoteRevision:
    """One revision of one of the caller's pages."""
    get_page(session, actor, page_id=page_id)
    revision = session.get(NoteRevision, (page_id, number))
    if revision is None:
        raise RevisionNotFound(f"The page has no revision {number}.")
    return revision
