"""Markdown to safe HTML: markdown-it-py renders (raw HTML disabled), nh3 sanitises.

Two independent walls: the renderer escapes any HTML typed into the Markdown, and the sanitiser
keeps only an allow-list of tags and attributes (no scripts, styles or event handlers; links only
to http, https and mailto, with rel="noopener noreferrer nofollow").
"""

from __future__ import annotations

import nh3
from markdown_it import MarkdownIt

_RENDERER = MarkdownIt("commonmark", {"html": False, "linkify": False}).enable("table")
_TAGS = {
    "a", "blockquote", "br", "code", "em", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "img",
    "li", "ol", "p", "pre", "strong", "table", "tbody", "td", "th", "thead", "tr", "ul",
}  # fmt: skip
_ATTRIBUTES = {"a": {"href", "title"}, "img": {"src", "alt", "title"}}
#: Built once: nh3.clean builds the same sanitiser from these sets on every call.
_SANITISER = nh3.Cleaner(
    tags=_TAGS,
    attributes=_ATTRIBUTES,
    url_schemes={"http", "https", "mailto"},
    link_rel="noopener noreferrer nofollow",
)


def render(markdown: str) -> str:
    """Markdown as sanitised HTML."""
    html: str = _SANITISER.clean(_RENDERER.render(markdown))
    return html
