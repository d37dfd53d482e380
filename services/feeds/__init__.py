"""Feeds: RSS/Atom subscriptions, one shared poll per feed, a timeline per user with read marks.

Rules:
- A feed is identified by its normalised URL and shared: however many users subscribe to it, it
  is fetched once per poll and its entries are stored once. Entries are also shared across
  feeds (services.feeds.documents: the canonical link, else the guid). Two pollers racing on one
  feed cannot store an entry twice: the entry's key and the (feed, entry) pair are unique, and
  every insert ignores a duplicate (core.rows).
- Subscribing validates the URL (absolute http(s), no credentials, not an address literal that is
  private); the SSRF guard of core.outbound checks every fetch and every redirect hop. The first
  fetch is a job queued after commit; then the sweep (jobs/feeds.py) polls every due feed.
- Polls are conditional (If-None-Match / If-Modified-Since from the last answer; 304 changes
  nothing but the schedule). A failed poll — unreachable, 4xx/5xx, too large, not a feed,
  malformed — is recorded on the feed (error count, last error type and detail), visible in
  every subscription to it, and the next poll backs off exponentially (FEEDS_BACKOFF_*).
- A subscription, the timeline and read marks belong to their user; someone else's subscription,
  or an entry not in one's timeline, is NotFound.

Fetching happens outside any transaction: `claim_feed` (write), `fetch_feed` (no database),
then `record_success` or `record_failure` (write). jobs/feeds.py and the refresh handler run
these steps.
"""

from __future__ import annotations

import hashlib
import ipaddress
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from math import ceil
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import (
    Exists,
    and_,
    delete,
    exists,
    func,
    literal,
    or_,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from core import outbound
from core.after_commit import AfterCommit
from core.db import utcnow
from core.errors import (
    Conflict,
    DomainError,
    NotFound,
    RuleViolated,
    TooManyRequests,
    UpstreamUnavailable,
)
from core.pagination import Page, paginate, paginate_by_creation
from core.rows import get_or_404, insert_ignoring_duplicates
from core.security import Actor
from core.settings import get_settings
from db.base import new_id
from db.models.feeds import FeedsEntry as FeedsEntry  # re-exported for handlers
from db.models.feeds import FeedsFeed as FeedsFeed
from db.models.feeds import FeedsFeedEntry, FeedsRead
from db.models.feeds import FeedsSubscription as FeedsSubscription
from services.feeds.documents import (
    MalformedFeed,
    NotAFeed,
    ParsedFeed,
    UnsupportedContentType,
    parse,
)
from services.feeds.settings import FeedsSettings, feeds_settings

__all__ = [
    "FeedsEntry", "FeedsFeed", "FeedsSettings", "FeedsSubscription", "MalformedFeed",
    "NotAFeed", "UnsupportedContentType", "feeds_settings",
]  # fmt: skip


class SubscriptionNotFound(NotFound, type="/problems/feeds/subscription-not-found"): ...


class EntryNotFound(NotFound, type="/problems/feeds/entry-not-found"): ...


class InvalidFeedUrl(RuleViolated, type="/problems/feeds/invalid-url"):
    """Not an absolute http(s) URL with a host, or one with credentials or a private address."""


class AlreadySubscribed(Conflict, type="/problems/feeds/already-subscribed"):
    """The caller already follows this feed."""


class RefreshedRecently(TooManyRequests, type="/problems/feeds/refreshed-recently"):
    """The feed was fetched less than FEEDS_MIN_REFRESH_SECONDS ago."""


class FeedServerError(UpstreamUnavailable, type="/problems/feeds/upstream-status"):
    """The feed's server answered an error status (404, 410, 500 ...)."""


# ---- URLs -------------------------------------------------------------------------------------


def normalise_url(url: str) -> str:
    """The feed URL as feeds are keyed: scheme and host lower case, default port and fragment
    dropped. InvalidFeedUrl when it is not one the server will fetch."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as exc:
        raise InvalidFeedUrl(f"not a valid URL: {exc}") from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise InvalidFeedUrl("only absolute http and https URLs can be subscribed to")
    if parts.username is not None or parts.password is not None:
        raise InvalidFeedUrl("feed URLs with credentials are not accepted")
    host = parts.hostname.lower().rstrip(".")
    try:
        host.encode("idna")
        address = ipaddress.ip_address(host)
    except UnicodeError:
        raise InvalidFeedUrl("the URL's host is not a valid host name") from None
    except ValueError:
        address = None
    loopback_ok = get_settings().outbound_allow_loopback
    if address is not None and not (
        outbound.is_public(address) or (loopback_ok and address.is_loopback)
    ):
        raise InvalidFeedUrl(
            f"{address} is not a public address; feeds are fetched from public hosts"
        )
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, {"http": 80, "https": 443}[scheme]) else f"{host}:{port}"
    return urlunsplit((scheme, netloc, parts.path or "/", parts.query, ""))


def url_hash(normalised: str) -> str:
    return hashlib.sha256(normalised.encode()).hexdigest()


# ---- dispatch: the first fetch of a new feed, queued once the subscription commits -------------

#: Queues the poll of a feed (its id); jobs/feeds.py installs it (services cannot import jobs).
_first_fetch = AfterCommit("feeds-first-fetch")


def set_dispatch(dispatch: Callable[[uuid.UUID], None]) -> None:
    _first_fetch.install(dispatch)


# ---- subscriptions ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SubscriptionView:
    """A subscription with its feed and the caller's unread count in it."""

    subscription: FeedsSubscription
    feed: FeedsFeed
    unread: int


def subscribe(
    session: Session, actor: Actor, *, url: str, title: str | None = None
) -> SubscriptionView:
    """Follows the feed at `url` (created, and its first fetch queued, if no one follows it
    yet); AlreadySubscribed if the caller follows it already."""
    normalised = normalise_url(url)
    key = url_hash(normalised)
    now = utcnow()
    insert_ignoring_duplicates(
        session, FeedsFeed, id=new_id(), url_hash=key, url=normalised, next_fetch_at=now,
        error_count=0, created_at=now, updated_at=now,
    )  # fmt: skip
    feed = session.scalars(select(FeedsFeed).where(FeedsFeed.url_hash == key)).one()
    subscription_id = new_id()
    if not insert_ignoring_duplicates(
        session, FeedsSubscription, id=subscription_id, owner_id=actor.user_id, feed_id=feed.id,
        title=title, created_at=now, updated_at=now,
    ):  # fmt: skip
        raise AlreadySubscribed("you already follow this feed")
    if feed.last_fetched_at is None:
        _first_fetch.queue(session, feed.id)
    return get_subscription(session, actor, subscription_id=subscription_id)


def _own_subscription(
    session: Session, actor: Actor, subscription_id: uuid.UUID
) -> FeedsSubscription:
    mine = FeedsSubscription.owner_id == actor.user_id
    return get_or_404(
        session, FeedsSubscription, subscription_id, where=mine, missing=SubscriptionNotFound()
    )


def _unread_counts(
    session: Session, actor: Actor, subscription_ids: list[uuid.UUID]
) -> dict[uuid.UUID, int]:
    if not subscription_ids:
        return {}
    query = (
        select(FeedsSubscription.id, func.count(FeedsFeedEntry.entry_id))
        .join(FeedsFeedEntry, FeedsFeedEntry.feed_id == FeedsSubscription.feed_id)
        .where(
            FeedsSubscription.id.in_(subscription_ids), ~_read_by(actor, FeedsFeedEntry.entry_id)
        )
        .group_by(FeedsSubscription.id)
    )
    return {row[0]: row[1] for row in session.execute(query)}


def _views(
    session: Session, actor: Actor, subscriptions: list[FeedsSubscription]
) -> list[SubscriptionView]:
    feed_ids = {subscription.feed_id for subscription in subscriptions}
    feeds = (
        {
            feed.id: feed
            for feed in session.scalars(select(FeedsFeed).where(FeedsFeed.id.in_(feed_ids)))
        }
        if feed_ids
        else {}
    )
    counts = _unread_counts(session, actor, [subscription.id for subscription in subscriptions])
    return [SubscriptionView(s, feeds[s.feed_id], counts.get(s.id, 0)) for s in subscriptions]


def get_subscription(
    session: Session, actor: Actor, *, subscription_id: uuid.UUID
) -> SubscriptionView:
    """The caller's subscription; someone else's is NotFound, like a missing one."""
    (view,) = _views(session, actor, [_own_subscription(session, actor, subscription_id)])
    return view


def list_subscriptions(
    session: Session, actor: Actor, *, limit: int = 20, cursor: str | None = None
) -> Page[SubscriptionView]:
    """The caller's subscriptions, newest first, each with its feed's state and unread count."""
    query = select(FeedsSubscription).where(FeedsSubscription.owner_id == actor.user_id)
    page = paginate_by_creation(
        session, query, kind="feeds-subscriptions", limit=limit, cursor=cursor
    )
    return Page(_views(session, actor, page.items), page.next)


def unsubscribe(session: Session, actor: Actor, *, subscription_id: uuid.UUID) -> None:
    """Stops following a feed (the feed and its entries stay for its other subscribers)."""
    session.delete(_own_subscription(session, actor, subscription_id))
    session.flush()


def feed_to_refresh(session: Session, actor: Actor, *, subscription_id: uuid.UUID) -> uuid.UUID:
    """The feed behind the caller's subscription, unless it was fetched less than
    FEEDS_MIN_REFRESH_SECONDS ago (RefreshedRecently: a user cannot make the server hammer a
    feed's host)."""
    feed = session.get(FeedsFeed, _own_subscription(session, actor, subscription_id).feed_id)
    assert feed is not None  # the subscription's key holds it
    floor = feeds_settings().min_refresh_seconds
    if feed.last_fetched_at is not None:
        wait = (feed.last_fetched_at + timedelta(seconds=floor) - utcnow()).total_seconds()
        if wait > 0:
            raise RefreshedRecently(
                f"this feed was fetched less than {floor} seconds ago", retry_after=ceil(wait)
            )
    return feed.id


# ---- the timeline -----------------------------------------------------------------------------


@dataclass(frozen=True)
class TimelineEntry:
    entry: FeedsEntry
    read: bool
    subscription_ids: list[uuid.UUID]


def _read_by(actor: Actor, entry_id: Any) -> Exists:
    return exists().where(FeedsRead.owner_id == actor.user_id, FeedsRead.entry_id == entry_id)


def _in_timeline(actor: Actor, subscription_id: uuid.UUID | None = None) -> Exists:
    """Entries carried by a feed the caller follows (by one subscription, if given)."""
    followed = select(FeedsSubscription.feed_id).where(FeedsSubscription.owner_id == actor.user_id)
    if subscription_id is not None:
        followed = followed.where(FeedsSubscription.id == subscription_id)
    return exists().where(
        FeedsFeedEntry.entry_id == FeedsEntry.id, FeedsFeedEntry.feed_id.in_(followed)
    )


def list_timeline(
    session: Session,
    actor: Actor,
    *,
    limit: int = 20,
    cursor: str | None = None,
    subscription_id: uuid.UUID | None = None,
    unread: bool | None = None,
) -> Page[TimelineEntry]:
    """Entries of the feeds the caller follows, newest first; `subscription_id` keeps one feed's,
    `unread` true (false) keeps the unread (read) ones."""
    if subscription_id is not None:
        _own_subscription(session, actor, subscription_id)
    query = select(FeedsEntry).where(_in_timeline(actor, subscription_id))
    if unread is not None:
        read = _read_by(actor, FeedsEntry.id)
        query = query.where(~read if unread else read)
    page = paginate(
        session, query, kind="feeds-timeline", columns=(FeedsEntry.sort_at, FeedsEntry.id),
        limit=limit, cursor=cursor, descending=True,
    )  # fmt: skip
    ids = [entry.id for entry in page.items]
    read_ids: set[uuid.UUID] = set()
    carriers: dict[uuid.UUID, list[uuid.UUID]] = {}
    if ids:
        read_ids = set(
            session.scalars(
                select(FeedsRead.entry_id).where(
                    FeedsRead.owner_id == actor.user_id, FeedsRead.entry_id.in_(ids)
                )
            )
        )
        rows = session.execute(
            select(FeedsFeedEntry.entry_id, FeedsSubscription.id)
            .join(FeedsSubscription, FeedsSubscription.feed_id == FeedsFeedEntry.feed_id)
            .where(FeedsSubscription.owner_id == actor.user_id, FeedsFeedEntry.entry_id.in_(ids))
            .order_by(FeedsSubscription.created_at, FeedsSubscription.id)
        )
        for entry_id, sub_id in rows:
            carriers.setdefault(entry_id, []).append(sub_id)
    return Page(
        [TimelineEntry(e, e.id in read_ids, carriers.get(e.id, [])) for e in page.items], page.next
    )


def _timeline_entry(session: Session, actor: Actor, entry_id: uuid.UUID) -> FeedsEntry:
    return get_or_404(
        session, FeedsEntry, entry_id, where=_in_timeline(actor), missing=EntryNotFound()
    )


def mark_read(session: Session, actor: Actor, *, entry_id: uuid.UUID) -> None:
    """Marks an entry of the caller's timeline read (again: no change)."""
    _timeline_entry(session, actor, entry_id)
    insert_ignoring_duplicates(
        session, FeedsRead, owner_id=actor.user_id, entry_id=entry_id, read_at=utcnow()
    )


def mark_unread(session: Session, actor: Actor, *, entry_id: uuid.UUID) -> None:
    """Marks an entry of the caller's timeline unread (again: no change)."""
    _timeline_entry(session, actor, entry_id)
    session.execute(
        delete(FeedsRead).where(FeedsRead.owner_id == actor.user_id, FeedsRead.entry_id == entry_id)
    )


def mark_read_up_to(
    session: Session,
    actor: Actor,
    *,
    entry_id: uuid.UUID,
    subscription_id: uuid.UUID | None = None,
) -> int:
    """Marks read every entry of the caller's timeline (of one subscription, if given) at or
    after `entry_id` in timeline order (that entry and every older one); the number newly
    marked. Entries that arrive later stay unread."""
    if subscription_id is not None:
        _own_subscription(session, actor, subscription_id)
    anchor = _timeline_entry(session, actor, entry_id)
    older = or_(
        FeedsEntry.sort_at < anchor.sort_at,
        and_(FeedsEntry.sort_at == anchor.sort_at, FeedsEntry.id <= anchor.id),
    )
    now = utcnow()
    chosen = select(
        literal(actor.user_id, FeedsRead.owner_id.type),
        FeedsEntry.id,
        literal(now, FeedsRead.read_at.type),
    ).where(_in_timeline(actor, subscription_id), older, ~_read_by(actor, FeedsEntry.id))
    dialect = session.get_bind().dialect.name
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = (
        insert(FeedsRead)
        .from_select(["owner_id", "entry_id", "read_at"], chosen)
        .on_conflict_do_nothing()
        .returning(FeedsRead.entry_id)
    )
    return len(session.execute(statement).all())


@dataclass(frozen=True)
class UnreadCounts:
    total: int
    by_subscription: list[tuple[uuid.UUID, int]]


def unread_counts(session: Session, actor: Actor) -> UnreadCounts:
    """The caller's unread entries: in all (an entry two feeds carry counts once) and per
    subscription (subscriptions with none unread included, oldest subscription first)."""
    total = session.scalar(
        select(func.count())
        .select_from(FeedsEntry)
        .where(_in_timeline(actor), ~_read_by(actor, FeedsEntry.id))
    )
    subscription_ids = list(
        session.scalars(
            select(FeedsSubscription.id)
            .where(FeedsSubscription.owner_id == actor.user_id)
            .order_by(FeedsSubscription.created_at, FeedsSubscription.id)
        )
    )
    counts = _unread_counts(session, actor, subscription_ids)
    return UnreadCounts(total or 0, [(sid, counts.get(sid, 0)) for sid in subscription_ids])


# ---- polling ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Claim:
    """A feed taken by one poller: what it needs to fetch without the database."""

    feed_id: uuid.UUID
    url: str
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class NotModified:
    """The feed answered 304: nothing changed since the validators were stored."""


@dataclass(frozen=True)
class Fresh:
    parsed: ParsedFeed
    etag: str | None
    last_modified: str | None


def due_feed_ids(
    session: Session, *, now: datetime | None = None, limit: int = 100
) -> list[uuid.UUID]:
    """Feeds someone follows whose next poll is due and that no poller holds."""
    now = now or utcnow()
    followed = exists().where(FeedsSubscription.feed_id == FeedsFeed.id)
    query = (
        select(FeedsFeed.id)
        .where(
            FeedsFeed.next_fetch_at <= now,
            or_(FeedsFeed.lease_expires_at.is_(None), FeedsFeed.lease_expires_at < now),
            followed,
        )
        .order_by(FeedsFeed.next_fetch_at)
        .limit(limit)
    )
    return list(session.scalars(query))


def claim_feed(
    session: Session, *, feed_id: uuid.UUID, force: bool = False, now: datetime | None = None
) -> Claim | None:
    """Takes a due feed that no poller holds (one conditional UPDATE: of two pollers only one
    gets it); `force` (a user's refresh) takes it whenever. None when not claimable."""
    now = now or utcnow()
    condition = FeedsFeed.id == feed_id
    if not force:
        condition = and_(
            condition,
            FeedsFeed.next_fetch_at <= now,
            or_(FeedsFeed.lease_expires_at.is_(None), FeedsFeed.lease_expires_at < now),
        )
    lease = now + timedelta(seconds=feeds_settings().lease_seconds)
    found = session.execute(
        update(FeedsFeed)
        .where(condition)
        .values(lease_expires_at=lease)
        .returning(FeedsFeed.url, FeedsFeed.etag, FeedsFeed.last_modified)
        .execution_options(synchronize_session=False)
    ).first()
    if found is None:
        return None
    return Claim(feed_id=feed_id, url=found[0], etag=found[1], last_modified=found[2])


def fetch_feed(claim: Claim) -> Fresh | NotModified:
    """Fetches the claimed feed (conditionally, guarded) and parses it. No database access.
    Raises the DomainError that describes a failure (502/504/422 family)."""
    settings = feeds_settings()
    headers = {
        "Accept": "application/rss+xml, application/atom+xml, "
        "application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1"
    }
    if claim.etag:
        headers["If-None-Match"] = claim.etag
    if claim.last_modified:
        headers["If-Modified-Since"] = claim.last_modified
    fetched = outbound.fetch(claim.url, headers=headers, max_bytes=settings.max_feed_bytes)
    if fetched.status == 304:
        return NotModified()
    if fetched.status >= 300:
        raise FeedServerError(f"the feed's server answered {fetched.status}")
    parsed = parse(
        fetched.body, feed_id=claim.feed_id, url=fetched.url,
        content_type=fetched.headers.get("content-type", ""),
        max_entries=settings.max_entries,
    )  # fmt: skip
    return Fresh(
        parsed=parsed,
        etag=(fetched.headers.get("etag") or "")[:500] or None,
        last_modified=(fetched.headers.get("last-modified") or "")[:100] or None,
    )


def store_entries(session: Session, *, feed_id: uuid.UUID, parsed: ParsedFeed) -> int:
    """Stores the entries of one fetch of a feed: each entry once across every feed, and once
    in this feed. Safe against a concurrent poller storing the same ones (inserts ignore
    duplicates). Returns how many entries are new to this feed."""
    keys = [entry.dedupe_key for entry in parsed.entries]
    if not keys:
        return 0
    known = set(
        session.scalars(select(FeedsEntry.dedupe_key).where(FeedsEntry.dedupe_key.in_(keys)))
    )
    now = utcnow()
    for entry in parsed.entries:
        if entry.dedupe_key in known:
            continue
        published = entry.published_at
        insert_ignoring_duplicates(
            session, FeedsEntry, id=new_id(), dedupe_key=entry.dedupe_key, guid=entry.guid,
            link=entry.link, title=entry.title, summary=entry.summary, author=entry.author,
            published_at=published, sort_at=min(published, now) if published else now,
            created_at=now,
        )  # fmt: skip
    ids = session.scalars(select(FeedsEntry.id).where(FeedsEntry.dedupe_key.in_(keys))).all()
    carried = set(
        session.scalars(
            select(FeedsFeedEntry.entry_id).where(
                FeedsFeedEntry.feed_id == feed_id, FeedsFeedEntry.entry_id.in_(ids)
            )
        )
    )
    added = 0
    for entry_id in ids:
        if entry_id not in carried:
            added += insert_ignoring_duplicates(
                session, FeedsFeedEntry, feed_id=feed_id, entry_id=entry_id
            )
    return added


def record_success(session: Session, claim: Claim, result: Fresh | NotModified) -> int:
    """Stores a successful poll: new entries, validators, the feed's title, the next poll
    time; clears the error state. The number of entries new to the feed."""
    now = utcnow()
    values: dict[str, object] = {
        "last_fetched_at": now, "last_success_at": now, "lease_expires_at": None,
        "next_fetch_at": now + timedelta(seconds=feeds_settings().poll_interval_seconds),
        "error_count": 0, "last_error_type": None, "last_error": None, "last_error_at": None,
        "updated_at": now,
    }  # fmt: skip
    added = 0
    if isinstance(result, Fresh):
        added = store_entries(session, feed_id=claim.feed_id, parsed=result.parsed)
        values.update(etag=result.etag, last_modified=result.last_modified)
        if result.parsed.title:
            values["title"] = result.parsed.title
        if result.parsed.site_url:
            values["site_url"] = result.parsed.site_url
    session.execute(update(FeedsFeed).where(FeedsFeed.id == claim.feed_id).values(values))
    return added


def backoff(failures: int) -> timedelta:
    """How long a feed waits after its `failures`-th failure in a row."""
    settings = feeds_settings()
    seconds = settings.backoff_base_seconds * 2 ** min(max(failures - 1, 0), 30)
    return timedelta(seconds=min(seconds, settings.backoff_max_seconds))


def record_failure(session: Session, claim: Claim, error: Exception) -> None:
    """Records a failed poll on the feed (type and detail of the problem, one more failure in
    a row) and schedules the next attempt after the backoff."""
    if isinstance(error, DomainError):
        problem_type, detail = error.type, str(error.detail or error.title)
    else:  # a bug in a parser must not stop the feed, nor the worker
        problem_type, detail = NotAFeed.type, f"the feed could not be read ({type(error).__name__})"
    now = utcnow()
    feed = session.get(FeedsFeed, claim.feed_id, with_for_update=True)
    if feed is None:  # deleted meanwhile
        return
    feed.error_count += 1
    feed.last_fetched_at = now
    feed.last_error_type = problem_type[:100]
    feed.last_error = detail[:500]
    feed.last_error_at = now
    feed.lease_expires_at = None
    feed.next_fetch_at = now + backoff(feed.error_count)
    session.flush()
