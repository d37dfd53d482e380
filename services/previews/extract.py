"""From an HTML page to its preview: Open Graph first, then Twitter cards, then plain HTML.

Pure functions over bytes already fetched (no I/O), so every rule is tested on saved pages.

    decode(body, content_type) -> str      the page's text in its own charset
    extract(text, page_url) -> Extracted   the preview's fields, URLs made absolute

Charset, in the order browsers use: a byte order mark, the charset of the Content-Type header,
a `<meta charset>` or `<meta http-equiv="Content-Type">` in the first 4 KB, else UTF-8 — and
Windows-1252 when the bytes are not UTF-8 (what a page without a declaration usually is).
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

PRESCAN_BYTES = 4096
TITLE_MAX = 300
DESCRIPTION_MAX = 1000
URL_MAX = 2048
_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE
)
_SPACE = re.compile(r"\s+")
IMAGE_KEYS = (
    "og:image:secure_url",
    "og:image:url",
    "og:image",
    "twitter:image",
    "twitter:image:src",
)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"),
         (codecs.BOM_UTF16_BE, "utf-16-be"))  # fmt: skip


@dataclass(frozen=True)
class Extracted:
    title: str | None
    description: str | None
    image: str | None
    site_name: str | None
    canonical_url: str | None
    favicon: str | None
    kind: str | None


def _known(charset: str | None) -> str | None:
    if not charset:
        return None
    try:
        return codecs.lookup(charset.strip().strip("\"'")).name
    except LookupError:
        return None


def charset_of(body: bytes, declared: str | None) -> str:
    """The charset the page is written in (see the module docstring for the order)."""
    for bom, name in _BOMS:
        if body.startswith(bom):
            return name
    found = _known(declared)
    if found is None:
        match = _META_CHARSET.search(body[:PRESCAN_BYTES])
        found = _known(match.group(1).decode("ascii")) if match else None
    if found is None or found in ("utf-16-le", "utf-16-be", "utf-16"):
        # A meta tag read as ASCII cannot be UTF-16 (the HTML standard says so): UTF-8.
        found = "utf-8"
    if found == "utf-8":
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return "cp1252"
    return found


def decode(body: bytes, declared_charset: str | None) -> str:
    charset = charset_of(body, declared_charset)
    text = body.decode(charset, errors="replace")
    return text.removeprefix("\ufeff")


class _Head(HTMLParser):
    """Collects meta and link tags, the title, the first heading and the first paragraph."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.base: str | None = None
        self.title = ""
        self.heading = ""
        self.paragraph = ""
        self._in: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name.lower(): (value or "") for name, value in attrs}
        if tag == "meta":
            key = (values.get("property") or values.get("name") or "").strip().lower()
            if key and "content" in values:
                self.meta.setdefault(key, values["content"])
        elif tag == "link":
            href = values.get("href", "").strip()
            for rel in values.get("rel", "").lower().split():
                if href:
                    self.links.setdefault(rel, href)
        elif tag == "base" and self.base is None and values.get("href"):
            self.base = values["href"].strip()
        elif tag == "title" and not self.title:
            self._in = "title"
        elif tag == "h1" and not self.heading:
            self._in = "heading"
        elif tag == "p" and not self.paragraph:
            self._in = "paragraph"

    def handle_endtag(self, tag: str) -> None:
        if (tag, self._in) in (("title", "title"), ("h1", "heading"), ("p", "paragraph")):
            self._in = None

    def handle_data(self, data: str) -> None:
        if self._in is not None:
            setattr(self, self._in, getattr(self, self._in) + data)


def _clean(value: str | None, limit: int) -> str | None:
    if value is None:
        return None
    value = _SPACE.sub(" ", value).strip()
    if not value:
        return None
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _absolute(value: str | None, base: str) -> str | None:
    """An http(s) URL resolved against the page (javascript:, data: and the like dropped)."""
    if not value or not value.strip():
        return None
    try:
        resolved = urljoin(base, value.strip())
        parts = urlsplit(resolved)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https") or not parts.netloc or len(resolved) > URL_MAX:
        return None
    return resolved


def _first(meta: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if meta.get(key, "").strip():
            return meta[key]
    return None


def extract(text: str, page_url: str) -> Extracted:
    """The preview of the page at `page_url` (where it was fetched from, after redirects)."""
    head = _Head()
    try:
        head.feed(text)
        head.close()
    except (AssertionError, ValueError):  # HTMLParser gives up on some broken markup
        pass
    meta = head.meta
    base = _absolute(head.base, page_url) or page_url
    favicon = next(
        (head.links[rel] for rel in ("icon", "apple-touch-icon") if rel in head.links), None
    )
    return Extracted(
        title=_clean(
            _first(meta, "og:title", "twitter:title") or head.title or head.heading, TITLE_MAX
        ),
        description=_clean(
            _first(meta, "og:description", "twitter:description", "description") or head.paragraph,
            DESCRIPTION_MAX,
        ),
        image=_absolute(_first(meta, *IMAGE_KEYS), base),
        site_name=_clean(_first(meta, "og:site_name", "application-name"), TITLE_MAX),
        canonical_url=_absolute(head.links.get("canonical") or meta.get("og:url"), base),
        favicon=_absolute(favicon, base) or _absolute("/favicon.ico", page_url),
        kind=_clean(meta.get("og:type"), 100),
    )
