from __future__ import annotations

import re
import uuid
from typing import Any

import anyio.to_thread
from starlette.types import Receive, Scope, Send

from core.db import transaction
from core.errors import DomainError
from core.http import header, iso, scheme_and_host
from core.idempotency import idempotent
from core.security import current_actor
from core.timeutil import with_datetimes
from core.wire import Answer, NoContent, created, page_json, with_etag
from handlers._versioned import change_under_if_match, delete_under_if_match
from services import shortlinks
from services.shortlinks import ShortlinksLink


def _short_base() -> str:
    base = shortlinks.shortlinks_settings().base_url
    if base:
        return base
    scheme, host = scheme_and_host()
    return f"{scheme}://{host}"


def _link_json(link: ShortlinksLink) -> dict[str, Any]:
    return {
        "id": str(link.id),
        "code": link.code,
        "short_url": f"{_short_base()}/s/{link.code}",
        "custom": link.custom,
        "target_url": link.target_url,
        "redirect_status": link.redirect_status,
        "enabled": link.enabled,
        "expires_at": iso(link.expires_at),
        "max_visits": link.max_visits,
        "visits": link.visits,
        "state": shortlinks.state_of(link),
        "created_at": link.created_at.isoformat(),
        "updated_at": link.updated_at.isoformat(),
    }


def _with_etag(link: ShortlinksLink) -> Answer:
    return with_etag(_link_json(link), link.version)


def follow_shortlink(code: str) -> tuple[None, int, dict[str, str]]:
    # A read, then (only for a link with max_visits) one conditional UPDATE; clicks of other
    # links are counted in memory and written in batches (services.shortlinks.clicks).
    with transaction(write=False) as session:
        hop = shortlinks.find_hop(session, code=code)
    if hop.limited:
        with transaction(write=True) as session:
            shortlinks.claim_visit(session, link_id=hop.link_id)
    shortlinks.record_click(hop, referrer=header("referer"), user_agent=header("user-agent"))
    return None, hop.redirect_status, {"Location": hop.target_url, "Cache-Control": "private"}


_CODE = re.compile(r"[A-Za-z0-9_-]{1,64}")


def _usable_hop(code: str) -> shortlinks.Hop | None:
    with transaction(write=False) as session:
        try:
            return shortlinks.find_hop(session, code=code)
        except DomainError:
            return None


def _claimed(hop: shortlinks.Hop) -> bool:
    with transaction(write=True) as session:
        try:
            shortlinks.claim_visit(session, link_id=hop.link_id)
        except DomainError:
            return False
    return True


async def follow_shortlink_fast(scope: Scope, _receive: Receive, send: Send) -> bool:
    """`x-fast-path` of followShortlink (core.app.fast_paths): a plain GET of a usable link is
    answered here, with no validation layer (and, for a remembered link without a visit limit,
    no thread hop and no database work); its query string is ignored, as the contract says
    (`x-ignore-unknown-query`). Every other request (bad code, unknown, switched off, expired,
    used up) is left to `follow_shortlink`, which answers it as the contract says."""
    code = scope["path"][3:]
    if scope["method"] != "GET" or not _CODE.fullmatch(code):
        return False
    hop = shortlinks.cached_hop(code)
    if hop is None:
        hop = await anyio.to_thread.run_sync(_usable_hop, code)
        if hop is None:
            return False
        shortlinks.remember_hop(code, hop)
    if hop.limited and not await anyio.to_thread.run_sync(_claimed, hop):
        return False
    headers = dict(scope.get("headers", ()))
    shortlinks.record_click(
        hop,
        referrer=_text(headers.get(b"referer")),
        user_agent=_text(headers.get(b"user-agent")),
    )
    extensions = scope.setdefault("extensions", {})
    extensions.setdefault("connexion_routing", {})["operation_id"] = "followShortlink"
    await send(
        {
            "type": "http.response.start",
            "status": hop.redirect_status,
            "headers": [
                (b"location", hop.target_url.encode("ascii")),
                (b"cache-control", b"private"),
                (b"content-length", b"0"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": b""})
    return True


def _text(value: bytes | None) -> str | None:
    return value.decode("latin-1") if value is not None else None


def list_shortlinks(
    state: str | None = None, q: str | None = None, limit: int = 20, cursor: str | None = None
) -> dict[str, Any]:
    with transaction(write=False) as session:
        page = shortlinks.list_links(
            session, current_actor(), state=state, q=q, limit=limit, cursor=cursor
        )
        return page_json(page, _link_json)


@idempotent
def create_shortlink(body: dict[str, Any]) -> Answer:
    with transaction(write=True) as session:
        link = shortlinks.create_link(
            session,
            current_actor(),
            request_host=header("host"),
            **with_datetimes(body, "expires_at"),
        )
        return created(_link_json(link), link.version, "shortlinks", "links", link.id)


def get_shortlink(link_id: str) -> Answer:
    with transaction(write=False) as session:
        link = shortlinks.get_link(session, current_actor(), link_id=uuid.UUID(link_id))
        return _with_etag(link)


def update_shortlink(link_id: str, body: dict[str, Any]) -> Answer:
    return change_under_if_match(
        shortlinks.update_link,
        _with_etag,
        link_id=uuid.UUID(link_id),
        changes=with_datetimes(body, "expires_at"),
        request_host=header("host"),
    )


def delete_shortlink(link_id: str) -> NoContent:
    return delete_under_if_match(shortlinks.delete_link, link_id=uuid.UUID(link_id))


def get_shortlink_stats(link_id: str, days: int = 30) -> dict[str, Any]:
    with transaction(write=False) as session:
        stats = shortlinks.link_stats(
            session, current_actor(), link_id=uuid.UUID(link_id), days=days
        )
        return {
            "link_id": str(stats.link.id),
            "visits": stats.link.visits,
            "from_day": stats.first_day.isoformat(),
            "to_day": stats.last_day.isoformat(),
            "days": [{"day": day.isoformat(), "clicks": count} for day, count in stats.days],
            "referrers": [
                {"referrer": host or None, "clicks": count} for host, count in stats.referrers
            ],
            "agents": [{"family": family, "clicks": count} for family, count in stats.agents],
        }
