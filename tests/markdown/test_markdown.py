"""Markdown rendering: the HTML that blog posts and notes pages show."""

from __future__ import annotations

from html.parser import HTMLParser

import nh3
import pytest

import services.markdown as markdown_module
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


_VARIED = [
    "# Title\n\n*em* and **strong** and `code`",
    '[link](https://example.com "t") [mail](mailto:a@b.c) [rel](/relative) [ftp](ftp://x)',
    '![alt](https://example.com/a.png "t") ![bad](data:image/png;base64,AAAA)',
    "| a | b |\n|:--|--:|\n| 1 | 2 |",
    "> quote\n\n- one\n- two\n\n1. first\n2. second\n\n---\n\n```py\nx < 1 & y\n```",
    "line  \nbreak & entities &amp; &copy; <b>raw</b> <!-- comment -->",
    '<div onclick="x">html</div><iframe src="https://e.com"></iframe><style>p{}</style>',
    "",
]


@pytest.mark.parametrize("markdown", _VARIED)
def test_the_sanitiser_built_once_cleans_as_a_fresh_one_does(markdown):
    """services.markdown builds its nh3.Cleaner once; the HTML is what nh3.clean with the same
    allow-list gives, for rendered Markdown and for raw HTML fed to the sanitiser directly."""
    options = {
        "tags": markdown_module._TAGS,
        "attributes": markdown_module._ATTRIBUTES,
        "url_schemes": {"http", "https", "mailto"},
        "link_rel": "noopener noreferrer nofollow",
    }
    rendered = markdown_module._RENDERER.render(markdown)
    assert render(markdown) == nh3.clean(rendered, **options)
    assert markdown_module._SANITISER.clean(markdown) == nh3.clean(markdown, **options)


def test_links_keep_their_exact_html():
    assert render("[x](https://e.com)") == (
        '<p><a href="https://e.com" rel="noopener noreferrer nofollow">x</a></p>\n'
    )
