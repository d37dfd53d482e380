"""Previews rules at the service level: saved pages through a real local server, charsets,
content types, upstream errors, URL normalisation and the shared cache."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from core.db import transaction, utcnow
from core.errors import UpstreamUnavailable
from core.outbound import ResponseTooLarge
from core.settings import get_settings
from db.models.previews import PreviewsPage
from jobs.previews import purge_previews
from services import previews
from services.previews import InvalidTarget, TargetError, UnsupportedContent
from services.previews.extract import charset_of
from tests.factories.identity import actor_of, make_user
from tests.previews.conftest import HITS


def test_open_graph_wins_and_urls_are_made_absolute(pages):
    made = previews.preview_of(f"{pages}/pages/article_og.html")
    fields = made.fields
    assert fields.title == "Harbour towns rebuild their footbridges & piers"
    assert fields.description == (
        "After the storms, three harbour towns rebuilt their footbridges — here\u2019s how."
    )
    assert fields.image == f"{pages}/media/2026/11/footbridge-1200x630.jpg"
    assert fields.site_name == "Example News"
    assert fields.kind == "article"
    assert fields.canonical_url == "https://news.example.org/2026/11/harbour-footbridges"
    assert fields.favicon == f"{pages}/static/favicon-32.png"
    assert made.content_type == "text/html"


def test_twitter_cards_when_there_is_no_open_graph(pages):
    fields = previews.preview_of(f"{pages}/pages/twitter_only.html").fields
    assert fields.title == "Example Project 4.2 is out"
    assert fields.description == "Faster builds, a new plugin API and 140 fixes."
    assert fields.image == "https://cdn.example-project.test/social/4.2.png"
    assert fields.favicon == f"{pages}/pages/favicon.ico"  # relative to the page
    assert fields.site_name is None and fields.canonical_url is None


def test_plain_html_and_its_base_href(pages):
    fields = previews.preview_of(f"{pages}/pages/plain.html").fields
    assert fields.title == "Chapter 3 — Configuration"  # whitespace collapsed
    assert fields.description == "Every setting of the server, with its default."
    assert fields.favicon == "https://docs.example.org/img/book.ico"  # against <base href>


def test_a_bare_page_falls_back_to_its_heading_and_first_paragraph(pages):
    fields = previews.preview_of(f"{pages}/pages/bare.html").fields
    assert fields.title == "Opening hours"
    assert fields.description == "Monday to Friday, 9 to 5."
    assert fields.image is None  # javascript: is never a URL we hand out
    assert fields.favicon == f"{pages}/favicon.ico"


def test_broken_markup_is_read_as_far_as_it_goes(pages):
    fields = previews.preview_of(f"{pages}/pages/broken.html").fields
    assert fields.description == "Tags in the wrong place still count"
    assert fields.image is None


@pytest.mark.parametrize(
    ("page", "title"),
    [
        ("latin1_meta.html", "Café crème à la carte"),  # <meta charset>, no header charset
        ("utf16_bom.html", "Ünïcödé \u2013 UTF-16 page"),  # the BOM wins over the meta tag
        ("cp1252_undeclared.html", "“Smart quotes” and — dashes"),  # not UTF-8: Windows-1252
        ("shift_jis.html", "東京の天気予報"),  # http-equiv Content-Type
    ],
)
def test_the_page_is_read_in_its_own_charset(pages, page, title):
    assert previews.preview_of(f"{pages}/pages/{page}").fields.title == title


def test_the_header_charset_wins_over_the_meta_tag():
    body = '<meta charset="iso-8859-1"><title>Ça</title>'.encode()
    assert charset_of(body, "utf-8") == "utf-8"
    assert charset_of(body, None) == "iso8859-1"
    assert charset_of(body, "no-such-charset") == "iso8859-1"


def test_an_image_url_previews_as_itself(pages):
    made = previews.preview_of(f"{pages}/cover.png")
    assert (made.fields.image, made.fields.kind, made.content_type) == (
        f"{pages}/cover.png", "image", "image/png",
    )  # fmt: skip


def test_redirects_are_followed_to_the_page(pages):
    made = previews.preview_of(f"{pages}/moved?{pages}/pages/plain.html")
    assert made.final_url == f"{pages}/pages/plain.html"
    assert HITS["/moved"] == 1


def test_other_content_is_refused(pages):
    with pytest.raises(UnsupportedContent, match="application/pdf"):
        previews.preview_of(f"{pages}/report.pdf")


def test_an_error_status_is_the_target_s_and_a_5xx_the_upstream_s(pages):
    with pytest.raises(TargetError, match="410"):
        previews.preview_of(f"{pages}/gone")
    with pytest.raises(UpstreamUnavailable):
        previews.preview_of(f"{pages}/down")


def test_a_page_over_the_size_limit_is_refused(pages, monkeypatch):
    monkeypatch.setenv("PREVIEWS_MAX_PAGE_BYTES", "100000")
    get_settings.cache_clear()
    with pytest.raises(ResponseTooLarge):
        previews.preview_of(f"{pages}/huge")


@pytest.mark.parametrize(
    ("url", "normal"),
    [
        ("HTTPS://News.Example.ORG:443/a?b=1#top", "https://news.example.org/a?b=1"),
        ("http://example.org", "http://example.org/"),
        ("http://example.org:8080/x", "http://example.org:8080/x"),
        ("http://[2001:DB8::1]/x", "http://[2001:db8::1]/x"),
    ],
)
def test_urls_are_normalised_for_the_cache(url, normal):
    assert previews.normalise(url) == normal


@pytest.mark.parametrize(
    "url",
    ["ftp://example.org/f", "http:///path", "https://user:pw@example.org/", "http://a:99999/"],
)
def test_urls_that_cannot_be_previewed(url):
    with pytest.raises(InvalidTarget):
        previews.normalise(url)


def test_one_cached_page_serves_every_user_until_it_expires(pages, user):
    other_user = make_user()
    url = f"{pages}/pages/plain.html"
    fresh = previews.preview_of(url)
    with transaction(write=True) as session:
        previews.record_lookup(session, actor_of(user), url=url, fetched=fresh)
        previews.record_lookup(session, actor_of(other_user), url=url, fetched=None)
        previews.record_lookup(session, actor_of(other_user), url=url + "#again", fetched=fresh)
    with transaction(write=False) as session:
        assert session.scalar(select(func.count()).select_from(PreviewsPage)) == 1
        page = previews.cached_page(session, url=url)
        assert page is not None and page.title == "Chapter 3 — Configuration"
        later = utcnow() + timedelta(seconds=get_settings().section(previews.PreviewsSettings)
                                     .cache_ttl_seconds + 1)  # fmt: skip
        assert previews.cached_page(session, url=url, now=later) is None


def _pages() -> int:
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(PreviewsPage)) or 0


def test_the_purge_drops_expired_pages_no_lookup_shows(pages, configure):
    configure(PREVIEWS_PURGE_AFTER_SECONDS=86400)
    owner = actor_of(make_user())
    url = f"{pages}/pages/article_og.html"
    with transaction(write=True) as session:
        lookup = previews.record_lookup(session, owner, url=url, fetched=previews.preview_of(url))
        expires_at = lookup.page.expires_at
    long_after = expires_at + timedelta(days=2)
    with transaction(write=True) as session:
        assert previews.purge_expired_pages(session, now=long_after) == 0  # a lookup shows it
        previews.delete_lookup(session, owner, lookup_id=lookup.id)
    with transaction(write=True) as session:
        soon = expires_at + timedelta(hours=23)
        assert previews.purge_expired_pages(session, now=soon) == 0  # within the grace
        assert previews.purge_expired_pages(session, now=long_after) == 1
    assert _pages() == 0


def test_the_hourly_purge_job_runs_it(configure):
    with transaction(write=True) as session:
        session.add(
            PreviewsPage(
                url_hash="0" * 64, url="https://example.org/", final_url="https://example.org/",
                content_type="text/html", fetched_at=utcnow() - timedelta(days=2),
                expires_at=utcnow() - timedelta(days=1),
            )
        )  # fmt: skip
    configure(PREVIEWS_PURGE_AFTER_SECONDS=0)
    assert purge_previews.call_local() == 1
    assert _pages() == 0
