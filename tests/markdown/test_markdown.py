"""Markdown rendering: the HTML that blog posts and notes pages show."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from services.markdown import render


@pytest.mark.parametrize(
    "markdown",
    [
        "<script>alert(1)</script>",
        "[x](javascript:alert(1))",
        '<img src=x onerror="alert(1)">',
        "<a href='#' onclick='alert(1)'>x</a>",
        "![x](javascript:alert(1))",
    ],
)
def test_rendered_html_carries_no_script(markdown):
    """Dangerous input may survive as visible text, never as markup a browser would run."""
    elements: list[tuple[str, list[tuple[str, str | None]]]] = []

    class Collector(HTMLParser):
        def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
            elements.append((tag, attrs))

    Collector().feed(render(markdown))
    for tag, attrs in elements:
        assert tag not in ("script", "style", "iframe")
        for name, value in attrs:
            assert not name.startswith("on")
            assert not (value or "").strip().lower().startswith("javascript:")


def test_markdown_renders_to_html():
    html = render("# Title\n\n*em* and [link](https://example.com)")
    assert "<h1>Title</h1>" in html
    assert "<em>em</em>" in html
    assert 'href="https://example.com"' in html
    assert 'rel="noopener noreferrer nofollow"' in html
