"""Previews: a URL's title, description, image, site name, canonical URL and favicon.

Rules:
- Only http(s) URLs of public hosts are fetched (core.outbound's SSRF guard on every hop); the
  page's size and time are capped (PREVIEWS_MAX_PAGE_BYTES, the OUTBOUND_* timeouts).
- HTML pages are parsed (services.previews.extract); an image URL previews as itself; any other
  content type is refused (422 /problems/previews/unsupported-content), and so is a page that
  answers an error status (422 /problems/previews/target-error; 5xx upstream is a 502).
- Pages are cached by normalised URL for PREVIEWS_CACHE_TTL_SECONDS, shared by every user (a
  page says the same whoever asks); `refresh` fetches again regardless.
- A lookup (who asked for which URL, when) belongs to its user: listed, read and deleted by them
  only; someone else's is 404.

The fetch happens outside any transaction (`preview_of`): a slow page never holds a database
lock. The handler reads the cache, fetches if needed, then records page and lookup in one
write transaction (`record_lookup`).
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import delete, exists, select, update
from sqlalchemy.orm import Session

from core import outbound
from core.db import utcnow
from core.errors import NotFound, RuleViolated, UpstreamUnavailable
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404, insert_ignoring_duplicates
from core.security import Actor
from db.models.previews import PreviewsLookup as PreviewsLookup  # re-exported for handlers
from db.models.previews import PreviewsPage as PreviewsPage
from services.previews.extract import Extracted, decode, extract
from services.previews.settings import PreviewsSettings, previews_settings

__all__ = ["PreviewsLookup", "PreviewsPage", "PreviewsSettings"]

HTML_TYPES = ("text/html", "application/xhtml+xml")


class LookupNotFound(NotFound, type="/problems/previews/lookup-not-found"): ...


class InvalidTarget(RuleViolated, type="/problems/previews/invalid-url"):
    """Not an absolute http(s) URL with a host."""


class UnsupportedContent(RuleViolated, type="/problems/previews/unsupported-content"):
    """The URL answers something that is neither an HTML page nor an image."""


class TargetError(RuleViolated, type="/problems/previews/target-error"):
    """The URL's server answered an error status (404, 410, 403 ...) for it."""


@dataclass(frozen=True)
class Fetched:
    """A preview made from a fresh fetch, not stored yet."""

    final_url: str
    content_type: str
    fields: Extracted


def normalise(url: str) -> str:
    """The URL as the cache keys it: scheme and host lower case, default port and fragment
    dropped, an empty path as `/`. InvalidTarget when it is not an absolute http(s) URL."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise InvalidTarget(f"not a valid URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidTarget("only absolute http and https URLs can be previewed")
    if parts.username is not None or parts.password is not None:
        raise InvalidTarget("URLs with credentials are not previewed")
    scheme = parts.scheme.lower()
    host = parts.hostname.lower()
    try:
        host.encode("idna")
    except UnicodeError:
        raise InvalidTarget("the URL's host is not a valid host name") from None
    if ":" in host:
        host = f"[{host}]"
    default = {"http": 80, "https": 443}[scheme]
    netloc = host if port in (None, default) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def url_hash(normalised: str) -> str:
    return hashlib.sha256(normalised.encode()).hexdigest()


def cached_page(session: Session, *, url: str, now: datetime | None = None) -> PreviewsPage | None:
    """The cached preview of `url`, if one has not expired yet."""
    page = session.get(PreviewsPage, url_hash(normalise(url)))
    if page is None or page.expires_at <= (now or utcnow()):
        return None
    return page


def preview_of(url: str) -> Fetched:
    """Fetches `url` (guarded) and makes its preview. No database access: call it outside a
    transaction."""
    settings = previews_settings()
    fetched = outbound.fetch(
        normalise(url),
        headers={"Accept": "text/html,application/xhtml+xml;q=0.9,image/*;q=0.8"},
        max_bytes=settings.max_page_bytes,
    )
    if fetched.status >= 500:
        raise UpstreamUnavailable(f"the page's server answered {fetched.status}")
    if fetched.status >= 400:
        raise TargetError(f"the page's server answered {fetched.status} for this URL")
    if fetched.status >= 300:  # a redirect without a usable Location
        raise TargetError(f"the page's server answered {fetched.status} without a target")
    content_type = fetched.headers.get("content-type", "").split(";", 1)[0].strip().lower()
    if content_type.startswith("image/"):
        host = urlsplit(fetched.url).hostname
        fields = Extracted(
            title=None, description=None, image=fetched.url, site_name=host,
            canonical_url=fetched.url, favicon=None, kind="image",
        )  # fmt: skip
    elif content_type in HTML_TYPES or not content_type:
        fields = extract(decode(fetched.body, fetched.charset), fetched.url)
    else:
        raise UnsupportedContent(
            f"the URL answers {content_type}; only HTML pages and images are previewed"
        )
    return Fetched(final_url=fetched.url, content_type=content_type or "text/html", fields=fields)


def record_lookup(
    session: Session, actor: Actor, *, url: str, fetched: Fetched | None
) -> PreviewsLookup:
    """Stores a fresh preview in the cache (when there is one) and the caller's lookup of it."""
    normalised = normalise(url)
    key = url_hash(normalised)
    if fetched is not None:
        now = utcnow()
        values = {
            "url": normalised,
            "final_url": fetched.final_url,
            "content_type": fetched.content_type,
            "title": fetched.fields.title,
            "description": fetched.fields.description,
            "image": fetched.fields.image,
            "site_name": fetched.fields.site_name,
            "canonical_url": fetched.fields.canonical_url,
            "favicon": fetched.fields.favicon,
            "kind": fetched.fields.kind,
            "fetched_at": now,
            "expires_at": now + timedelta(seconds=previews_settings().cache_ttl_seconds),
        }
        # Two users previewing one URL at once: the second insert waits for the first and
        # becomes an update, so both lookups point at one fresh row.
        if not insert_ignoring_duplicates(session, PreviewsPage, url_hash=key, **values):
            session.execute(update(PreviewsPage).where(PreviewsPage.url_hash == key).values(values))
    lookup = PreviewsLookup(
        owner_id=actor.user_id,
        url=normalised,
        host=(urlsplit(normalised).hostname or "").lower(),
        url_hash=key,
        from_cache=fetched is None,
    )
    session.add(lookup)
    session.flush()
    session.refresh(lookup)
    return lookup


def get_lookup(session: Session, actor: Actor, *, lookup_id: uuid.UUID) -> PreviewsLookup:
    """The caller's lookup; someone else's is NotFound, like a missing one."""
    mine = PreviewsLookup.owner_id == actor.user_id
    return get_or_404(session, PreviewsLookup, lookup_id, where=mine, missing=LookupNotFound())


def delete_lookup(session: Session, actor: Actor, *, lookup_id: uuid.UUID) -> None:
    """Deletes the caller's lookup (the shared page cache stays)."""
    session.delete(get_lookup(session, actor, lookup_id=lookup_id))
    session.flush()


def purge_expired_pages(session: Session, *, now: datetime) -> int:
    """Deletes the cached pages no lookup shows that expired PREVIEWS_PURGE_AFTER_SECONDS ago
    or more; how many."""
    cutoff = now - timedelta(seconds=previews_settings().purge_after_seconds)
    shown = exists().where(PreviewsLookup.url_hash == PreviewsPage.url_hash)
    deleted = session.execute(
        delete(PreviewsPage)
        .where(PreviewsPage.expires_at <= cutoff, ~shown)
        .execution_options(synchronize_session=False)
    )
    return int(deleted.rowcount)  # type: ignore[attr-defined]


def list_lookups(
    session: Session,
    actor: Actor,
    *,
    limit: int = 20,
    cursor: str | None = None,
    site: str | None = None,
) -> Page[PreviewsLookup]:
    """The caller's lookups, newest first, optionally of one site (host, exact, any case)."""
    query = select(PreviewsLookup).where(PreviewsLookup.owner_id == actor.user_id)
    if site:
        query = query.where(PreviewsLookup.host == site.strip().lower())
    return paginate_by_creation(session, query, kind="previews-lookups", limit=limit, cursor=cursor)
