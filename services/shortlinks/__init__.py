"""Shortlinks: short codes that redirect to http(s) targets, owned and managed by their creators.

Rules:
- A code is 7 random base62 characters (regenerated on the rare collision) or an alias the owner
  chooses (3-64 letters, digits, `-`, `_`; case-sensitive, unique across every user: taken is
  409 /problems/shortlinks/alias-taken).
- A target is an absolute http(s) URL with a host, at most 2,048 characters, without user
  name or password, without whitespace or control characters, whose host is not this
  shortener's own (SHORTLINKS_BASE_URL's host, SHORTLINKS_OWN_HOSTS, or the Host the request came
  in on): 422 /problems/shortlinks/invalid-target or /problems/shortlinks/self-target.
- `/s/{code}` answers the link's redirect status (302 unless the owner chose 301) while the link
  is usable; unknown (or deleted) is 404 link-not-found, switched off by its owner 404
  link-disabled (it may come back), past `expires_at` 410 link-expired, `max_visits` used up
  410 link-exhausted.
- A link with `max_visits` counts each redirect exactly, in the redirect (`claim_visit`: one
  conditional UPDATE, so N concurrent visitors of a link with M visits left get exactly M
  redirects); every other link counts its clicks in a per-process buffer flushed in batches
  (services.shortlinks.clicks), so redirects never queue on one row.
- Links belong to their owner: read, changed, deleted and counted by them only; someone else's is
  404, like a missing one.
"""

from __future__ import annotations

import secrets
import time
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from sqlalchemy import and_, false, func, or_, select, true, update
from sqlalchemy.orm import Session

from core.concurrency import versioned_delete, versioned_write
from core.db import utcnow
from core.errors import Conflict, DomainError, NotFound, RuleViolated
from core.lifecycle import on_shutdown
from core.pagination import Page, paginate_by_creation
from core.rows import assign, get_or_404, insert_ignoring_duplicates
from core.security import Actor
from db.models.shortlinks import ShortlinksClick
from db.models.shortlinks import ShortlinksLink as ShortlinksLink  # re-exported for handlers
from services.shortlinks import clicks
from services.shortlinks.settings import ShortlinksSettings, shortlinks_settings

__all__ = ["ShortlinksLink", "ShortlinksSettings", "shortlinks_settings"]

CODE_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
CODE_LENGTH = 7
MAX_TARGET_LENGTH = 2048
#: Random codes tried before giving up (one collision in 62**7 is already unlikely).
_CODE_ATTEMPTS = 8
#: Characters a URL keeps as they are when its other characters are percent-encoded (`%` too:
#: escapes already there stay).
_URL_SAFE = "!#$%&'()*+,/:;=?@[]~"
UPDATABLE = ("target_url", "redirect_status", "expires_at", "max_visits", "enabled")
STATES = ("ACTIVE", "DISABLED", "EXPIRED", "EXHAUSTED")

on_shutdown(clicks.flush_buffer)


class LinkNotFound(NotFound, type="/problems/shortlinks/link-not-found"): ...


class LinkDisabled(NotFound, type="/problems/shortlinks/link-disabled"): ...


class LinkGone(DomainError, status=410, title="Gone"):
    """The link existed and will not redirect again unless its owner changes it."""


class LinkExpired(LinkGone, type="/problems/shortlinks/link-expired"): ...


class LinkExhausted(LinkGone, type="/problems/shortlinks/link-exhausted"): ...


class AliasTaken(Conflict, type="/problems/shortlinks/alias-taken"): ...


class InvalidTarget(RuleViolated, type="/problems/shortlinks/invalid-target"): ...


class SelfTarget(RuleViolated, type="/problems/shortlinks/self-target"): ...


class ExpiryInPast(RuleViolated, type="/problems/shortlinks/expiry-in-past"): ...


@dataclass(frozen=True)
class Hop:
    """Where a usable link sends its visitor."""

    link_id: uuid.UUID
    target_url: str
    redirect_status: int
    limited: bool
    expires_at: datetime | None = None


#: code -> (when it was read, monotonic seconds; its hop): usable links without a visit limit.
_HOPS: dict[str, tuple[float, Hop]] = {}
_MAX_CACHED_HOPS = 10_000


def cached_hop(code: str) -> Hop | None:
    """The hop of `code` this process read less than SHORTLINKS_REDIRECT_CACHE_SECONDS ago, if
    it has not expired since. Plain dict operations: safe on the event loop and in threads."""
    entry = _HOPS.get(code)
    if entry is None:
        return None
    read_at, hop = entry
    fresh = time.monotonic() - read_at < shortlinks_settings().redirect_cache_seconds
    if fresh and (hop.expires_at is None or hop.expires_at > utcnow()):
        return hop
    _HOPS.pop(code, None)
    return None


def remember_hop(code: str, hop: Hop) -> None:
    """Keeps a hop for `cached_hop` (never one of a link with a visit limit: each of those
    visits is counted in the database)."""
    if hop.limited or shortlinks_settings().redirect_cache_seconds <= 0:
        return
    if len(_HOPS) >= _MAX_CACHED_HOPS:
        _HOPS.clear()
    _HOPS[code] = (time.monotonic(), hop)


def forget_hops() -> None:
    _HOPS.clear()


def own_hosts(request_host: str | None) -> set[str]:
    """Host names that reach this shortener: the base URL's, SHORTLINKS_OWN_HOSTS, and the Host
    header of the request (port dropped)."""
    settings = shortlinks_settings()
    hosts = {host.lower().rstrip(".") for host in settings.own_hosts}
    if settings.base_url:
        hosts.add((urlsplit(settings.base_url).hostname or "").lower())
    if request_host:
        hosts.add(_host_of_header(request_host))
    hosts.discard("")
    return hosts


def _host_of_header(value: str) -> str:
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:].split("]", 1)[0]
    return value.split(":", 1)[0].rstrip(".")


def check_target(url: str, *, request_host: str | None) -> str:
    """The target as a Location header can carry it (ASCII: an IDNA host, other characters
    percent-encoded as UTF-8), if it is one a link may point at; InvalidTarget or SelfTarget
    if not."""
    if len(url) > MAX_TARGET_LENGTH:
        raise InvalidTarget(f"a target is at most {MAX_TARGET_LENGTH} characters")
    if any(
        character.isspace() or ord(character) < 32 or ord(character) == 127 for character in url
    ):
        raise InvalidTarget("a target has no whitespace or control characters")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise InvalidTarget(f"not a valid URL: {exc}") from None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InvalidTarget("a target is an absolute http or https URL with a host")
    if "@" in parts.netloc:
        raise InvalidTarget(
            "a target carries no user name or password (`https://bank.example@evil.example/` "
            "goes to evil.example)"
        )
    host = parts.hostname.rstrip(".")
    try:
        ascii_host = host.encode("idna").decode("ascii") if not host.isascii() else host
    except UnicodeError:
        raise InvalidTarget("the target's host is not a valid host name") from None
    if host in own_hosts(request_host) or ascii_host in own_hosts(request_host):
        raise SelfTarget(f"{host} is this shortener's own host: the link would redirect to itself")
    if url.isascii():
        return url
    netloc = ascii_host if port is None else f"{ascii_host}:{port}"
    if ":" in ascii_host:
        netloc = parts.netloc  # an IPv6 literal is ASCII already
    ascii_url = urlunsplit(
        (parts.scheme, netloc, *(quote(part, safe=_URL_SAFE) for part in parts[2:]))
    )
    if len(ascii_url) > MAX_TARGET_LENGTH:
        raise InvalidTarget(f"a target is at most {MAX_TARGET_LENGTH} characters once encoded")
    return ascii_url


def _check_expiry(expires_at: datetime | None) -> None:
    if expires_at is not None and expires_at <= utcnow():
        raise ExpiryInPast("expires_at must be in the future")


def create_link(
    session: Session,
    actor: Actor,
    *,
    target_url: str,
    request_host: str | None = None,
    alias: str | None = None,
    redirect_status: int = 302,
    expires_at: datetime | None = None,
    max_visits: int | None = None,
    enabled: bool = True,
) -> ShortlinksLink:
    """Creates the caller's link under the alias, or under a fresh random code; AliasTaken if the
    alias is anyone's code already."""
    target_url = check_target(target_url, request_host=request_host)
    _check_expiry(expires_at)
    now = utcnow()
    values: dict[str, Any] = {
        "owner_id": actor.user_id,
        "custom": alias is not None,
        "target_url": target_url,
        "redirect_status": redirect_status,
        "enabled": enabled,
        "expires_at": expires_at,
        "max_visits": max_visits,
        "visits": 0,
        "version": 1,
        "created_at": now,
        "updated_at": now,
    }
    codes = [alias] if alias is not None else (_random_code() for _ in range(_CODE_ATTEMPTS))
    for code in codes:
        link_id = uuid.uuid4()
        # A duplicate code waits for the first inserter and is then skipped: never an error.
        if insert_ignoring_duplicates(session, ShortlinksLink, id=link_id, code=code, **values):
            link = session.get(ShortlinksLink, link_id)
            assert link is not None
            return link
    if alias is not None:
        raise AliasTaken(f"the code {alias!r} is taken; choose another alias")
    raise RuntimeError("no free random code found")  # pragma: no cover


def _random_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def get_link(
    session: Session, actor: Actor, *, link_id: uuid.UUID, lock: bool = False
) -> ShortlinksLink:
    """The caller's link; someone else's is NotFound, like a missing one."""
    mine = ShortlinksLink.owner_id == actor.user_id
    return get_or_404(
        session, ShortlinksLink, link_id, where=mine, missing=LinkNotFound(), lock=lock
    )


def update_link(
    session: Session,
    actor: Actor,
    *,
    link_id: uuid.UUID,
    changes: dict[str, Any],
    request_host: str | None = None,
    if_match: str | None = None,
) -> ShortlinksLink:
    """Changes the caller's link under a row lock (the code never changes); a stale If-Match
    fails with nothing changed."""
    if "target_url" in changes:
        target = check_target(changes["target_url"], request_host=request_host)
        changes = {**changes, "target_url": target}
    if "expires_at" in changes:
        _check_expiry(changes["expires_at"])
    link = get_link(session, actor, link_id=link_id, lock=True)
    with versioned_write(session, link, if_match=if_match):
        assign(link, changes, UPDATABLE)
    _HOPS.pop(link.code, None)
    return link


def delete_link(
    session: Session, actor: Actor, *, link_id: uuid.UUID, if_match: str | None = None
) -> None:
    """Deletes the caller's link and its stats; its code answers 404 and may be chosen again."""
    link = get_link(session, actor, link_id=link_id, lock=True)
    versioned_delete(session, link, if_match=if_match)
    _HOPS.pop(link.code, None)


def state_of(link: ShortlinksLink, now: datetime | None = None) -> str:
    """ACTIVE, or why `/s/{code}` refuses: DISABLED, EXPIRED or EXHAUSTED (checked in that
    order)."""
    now = now or utcnow()
    if not link.enabled:
        return "DISABLED"
    if link.expires_at is not None and link.expires_at <= now:
        return "EXPIRED"
    if link.max_visits is not None and link.visits >= link.max_visits:
        return "EXHAUSTED"
    return "ACTIVE"


def _state_is(state: str, now: datetime) -> Any:
    link = ShortlinksLink
    expired = and_(link.expires_at.is_not(None), link.expires_at <= now)
    exhausted = and_(link.max_visits.is_not(None), link.visits >= link.max_visits)
    enabled = link.enabled.is_(true())
    return {
        "DISABLED": link.enabled.is_(false()),
        "EXPIRED": and_(enabled, expired),
        "EXHAUSTED": and_(enabled, ~expired, exhausted),
        "ACTIVE": and_(enabled, ~expired, ~exhausted),
    }[state]


def list_links(
    session: Session,
    actor: Actor,
    *,
    state: str | None = None,
    q: str | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[ShortlinksLink]:
    """The caller's links, newest first: of one state, and/or whose code or target contains `q`
    (any case, wildcards literal)."""
    query = select(ShortlinksLink).where(ShortlinksLink.owner_id == actor.user_id)
    if state:
        query = query.where(_state_is(state, utcnow()))
    if q:
        needle = q.lower()
        query = query.where(
            or_(
                func.lower(ShortlinksLink.code).contains(needle, autoescape=True),
                func.lower(ShortlinksLink.target_url).contains(needle, autoescape=True),
            )
        )
    return paginate_by_creation(session, query, kind="shortlinks-links", limit=limit, cursor=cursor)


def find_hop(session: Session, *, code: str) -> Hop:
    """Where `/s/{code}` leads now: one indexed read; raises why it does not lead anywhere."""
    link = ShortlinksLink
    row = session.execute(
        select(
            link.id,
            link.target_url,
            link.redirect_status,
            link.enabled,
            link.expires_at,
            link.max_visits,
            link.visits,
        ).where(link.code == code)
    ).first()
    if row is None:
        raise LinkNotFound("No link has this code.")
    if not row.enabled:
        raise LinkDisabled("This link is switched off by its owner.")
    if row.expires_at is not None and row.expires_at <= utcnow():
        raise LinkExpired("This link has expired.")
    if row.max_visits is not None and row.visits >= row.max_visits:
        raise LinkExhausted("This link has been used as many times as its owner allowed.")
    return Hop(
        row.id, row.target_url, row.redirect_status, row.max_visits is not None, row.expires_at
    )


def claim_visit(session: Session, *, link_id: uuid.UUID) -> None:
    """Counts one visit of a link with max_visits, if one is left: a conditional UPDATE, so
    concurrent visitors never get more redirects than allowed. LinkExhausted if none is left."""
    link = ShortlinksLink
    claimed = session.execute(
        update(link)
        .where(link.id == link_id, link.max_visits.is_not(None), link.visits < link.max_visits)
        .values(visits=link.visits + 1)
        .returning(link.id)
    ).first()
    if claimed is None:
        raise LinkExhausted("This link has been used as many times as its owner allowed.")


def record_click(hop: Hop, *, referrer: str | None, user_agent: str | None) -> None:
    """Counts a redirect in this process's click buffer (no database work)."""
    clicks.record(hop.link_id, counted=hop.limited, referrer=referrer, user_agent=user_agent)


@dataclass(frozen=True)
class Stats:
    link: ShortlinksLink
    first_day: date
    last_day: date
    days: list[tuple[date, int]]
    referrers: list[tuple[str, int]]
    agents: list[tuple[str, int]]


TOP_REFERRERS = 20


def link_stats(session: Session, actor: Actor, *, link_id: uuid.UUID, days: int = 30) -> Stats:
    """The caller's link's clicks over the last `days` UTC days (today included): per day, and
    per referring host (top 20) and user-agent family over the window. Clicks show once their
    process has flushed them (SHORTLINKS_CLICK_FLUSH_SECONDS)."""
    link = get_link(session, actor, link_id=link_id)
    last = utcnow().date()
    first = last - timedelta(days=days - 1)
    rows = session.execute(
        select(ShortlinksClick.day, ShortlinksClick.dimension, ShortlinksClick.value,
               ShortlinksClick.clicks)
        .where(ShortlinksClick.link_id == link.id, ShortlinksClick.day >= first)
    ).all()  # fmt: skip
    per_day: dict[date, int] = {}
    referrers: dict[str, int] = {}
    agents: dict[str, int] = {}
    for day, dimension, value, count in rows:
        if dimension == "total":
            per_day[day] = per_day.get(day, 0) + count
        elif dimension == "referrer":
            referrers[value] = referrers.get(value, 0) + count
        elif dimension == "agent":
            agents[value] = agents.get(value, 0) + count
    return Stats(
        link=link,
        first_day=first,
        last_day=last,
        days=sorted(per_day.items()),
        referrers=_ranked(referrers.items())[:TOP_REFERRERS],
        agents=_ranked(agents.items()),
    )


def _ranked(counts: Iterable[tuple[str, int]]) -> list[tuple[str, int]]:
    return sorted(counts, key=lambda item: (-item[1], item[0]))
