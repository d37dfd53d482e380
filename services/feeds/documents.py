"""Feed documents to normalised entries: feedparser reads the bytes our client fetched (it never
fetches anything itself), then every field is made safe and bounded.

- title, author: plain text (tags dropped, entities decoded), bounded in length.
- link: an absolute http(s) URL, canonical (scheme and host lower case, default port, fragment
  and `utm_*` tracking parameters dropped), else none.
- summary: the entry's summary (or its first content), HTML sanitised by nh3 with an allow-list
  (no scripts, styles, event handlers or javascript: links; links get rel="noopener noreferrer
  nofollow"); feedparser's own sanitiser has already run, so this is a second wall.
- published_at: published, else updated, as UTC; none when absent or unparseable.
- identity (`dedupe_key`): the canonical link, so one article carried by several feeds is
  stored once; without a link, a guid that is globally unique by its form (a URL, `urn:` or
  `tag:` URI, as Atom requires); otherwise the guid, or the title and date, scoped to the feed.
"""

from __future__ import annotations

import calendar
import hashlib
import html
import time
import uuid
import xml.sax
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import feedparser
import nh3

from core.errors import UpstreamUnavailable

_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "cite", "code", "dd", "del", "dl", "dt", "em",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "ins", "li",
    "ol", "p", "pre", "q", "s", "small", "strong", "sub", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}, "abbr": {"title"}}
_SUMMARY_CHARS = 20_000
#: Media types a feed may come as; `text/html` is accepted only when it parses as a feed.
_FEED_TYPES = ("xml", "rss", "atom", "rdf")
_GENERIC_TYPES = ("", "text/plain", "text/html", "application/octet-stream")


class NotAFeed(UpstreamUnavailable, type="/problems/feeds/not-a-feed", title="Not a feed"):
    """The URL answered a document that is not an RSS or Atom feed (an HTML page, say)."""


class MalformedFeed(
    UpstreamUnavailable, type="/problems/feeds/malformed-feed", title="Malformed feed"
):
    """The feed's XML is not well-formed; nothing of it is stored."""


class UnsupportedContentType(
    UpstreamUnavailable,
    type="/problems/feeds/unsupported-content-type",
    title="Unsupported content type",
):
    """The URL answered a media type no feed comes as (an image, a PDF ...)."""


@dataclass(frozen=True)
class Entry:
    dedupe_key: str
    guid: str | None
    link: str | None
    title: str | None
    summary: str | None
    author: str | None
    published_at: datetime | None


@dataclass(frozen=True)
class ParsedFeed:
    title: str | None
    site_url: str | None
    entries: list[Entry]


def text(value: Any, limit: int) -> str | None:
    """Plain text of a feed field that may hold markup, or None when empty."""
    if not isinstance(value, str):
        return None
    plain = " ".join(html.unescape(nh3.clean(value, tags=set())).split())
    return plain[:limit] or None


def sanitise(markup: Any) -> str | None:
    """Feed HTML reduced to the allow-list (see the module docstring)."""
    if not isinstance(markup, str) or not markup.strip():
        return None
    cleaned: str = nh3.clean(
        markup[:_SUMMARY_CHARS],
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer nofollow",
    )
    return cleaned.strip() or None


def canonical_link(value: Any) -> str | None:
    """An absolute http(s) link in canonical form, or None."""
    if not isinstance(value, str):
        return None
    try:
        parts = urlsplit(value.strip())
        port = parts.port
    except ValueError:
        return None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        return None
    host = parts.hostname.lower()
    if ":" in host:
        host = f"[{host}]"
    netloc = host if port in (None, {"http": 80, "https": 443}[scheme]) else f"{host}:{port}"
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
         if not k.lower().startswith("utm_")]
    )  # fmt: skip
    link = urlunsplit((scheme, netloc, parts.path or "/", query, ""))
    return link if len(link) <= 2048 else None


def _when(parsed: Any) -> datetime | None:
    if not isinstance(parsed, time.struct_time):
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    except (OverflowError, ValueError, OSError):
        return None


def _digest(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8", errors="replace")).hexdigest()


def _globally_unique(guid: str) -> bool:
    scheme = guid.split(":", 1)[0].lower() if ":" in guid else ""
    return scheme in ("http", "https", "urn", "tag")


def identity(
    feed_id: uuid.UUID, *, link: str | None, guid: str | None, title: str | None,
    published_at: datetime | None, site_url: str | None,
) -> str:  # fmt: skip
    """The entry's `dedupe_key` (see the module docstring). A link that is only the site's home
    page (some feeds point every item there) does not identify an entry."""
    if link and link != site_url:
        return _digest(f"link:{link}")
    if guid and _globally_unique(guid):
        return _digest(f"guid:{guid}")
    if guid:
        return _digest(f"feed:{feed_id}:guid:{guid}")
    stamp = published_at.isoformat() if published_at else ""
    return _digest(f"feed:{feed_id}:item:{title or ''}:{stamp}")


def check_content_type(content_type: str) -> None:
    """UnsupportedContentType unless a feed may come as `content_type`."""
    if content_type in _GENERIC_TYPES or any(word in content_type for word in _FEED_TYPES):
        return
    raise UnsupportedContentType(f"the URL answers {content_type[:100]}, which is not a feed")


def parse(
    body: bytes, *, feed_id: uuid.UUID, url: str, content_type: str, max_entries: int
) -> ParsedFeed:
    """The feed in `body` (fetched from `url`, answered with the Content-Type header
    `content_type`), normalised; UnsupportedContentType, NotAFeed or MalformedFeed when it
    cannot be read as one."""
    check_content_type(content_type.split(";", 1)[0].strip().lower())
    document = feedparser.parse(
        body,  # bytes: feedparser never fetches; the charset comes from the header or the XML
        response_headers={"content-location": url, "content-type": content_type or "text/xml"},
        resolve_relative_uris=True,
        sanitize_html=True,
    )
    if not document.get("version"):
        what = "an HTML page" if b"<html" in body[:2048].lower() else "a document"
        raise NotAFeed(f"the URL answers {what} that is not an RSS or Atom feed")
    problem = document.get("bozo_exception")
    if document.get("bozo") and isinstance(problem, xml.sax.SAXException):
        raise MalformedFeed(f"the feed is not well-formed XML: {str(problem)[:200]}")
    head = document.get("feed", {})
    site_url = canonical_link(head.get("link"))
    entries: dict[str, Entry] = {}
    for raw in document.get("entries", [])[:max_entries]:
        link = canonical_link(raw.get("link"))
        guid = raw.get("id") if isinstance(raw.get("id"), str) and raw.get("id") else None
        title = text(raw.get("title"), 1000)
        published = _when(raw.get("published_parsed")) or _when(raw.get("updated_parsed"))
        summary = raw.get("summary")
        if not summary and raw.get("content"):
            summary = raw["content"][0].get("value")
        detail = raw.get("author_detail") or {}
        key = identity(
            feed_id, link=link, guid=guid, title=title, published_at=published,
            site_url=site_url,
        )  # fmt: skip
        entries.setdefault(
            key,
            Entry(
                dedupe_key=key,
                guid=guid[:2048] if guid else None,
                link=link,
                title=title,
                summary=sanitise(summary),
                author=text(detail.get("name") or raw.get("author"), 300),
                published_at=published,
            ),
        )
    return ParsedFeed(
        title=text(head.get("title"), 500), site_url=site_url, entries=list(entries.values())
    )
