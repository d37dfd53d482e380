"""Concurrent lookups of one uncached page over the session's shared live 2-worker server on
PostgreSQL: each request fetches with no transaction open, so several may fetch the page at
once; the page row is written once (INSERT ... ON CONFLICT, then an update), every lookup is
kept, and nobody sees a 500 from the race."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from core.db import transaction
from core.settings import get_settings
from db.models.previews import PreviewsLookup, PreviewsPage
from tests.factories.identity import auth_headers, make_user
from tests.live import all_at_once
from tests.previews.conftest import HITS, SITE

CLIENTS = 12
pytestmark = pytest.mark.skipif(
    get_settings().is_sqlite, reason="the two-process claim is proven on PostgreSQL"
)


def _count(model) -> int:  # type: ignore[no-untyped-def]
    with transaction(write=False) as session:
        return session.scalar(select(func.count()).select_from(model)) or 0


def test_concurrent_lookups_of_one_page_store_it_once_and_keep_every_lookup(
    live_server, replay_server
):
    SITE.reset()
    SITE.delay = 0.3  # every request is in flight before the first fetch is answered
    user = make_user()
    page_url = f"{replay_server}/pages/article_og.html"
    answers = all_at_once(
        live_server,
        "/api/v1/previews/lookups",
        auth_headers(user),
        CLIENTS,
        method="POST",
        json={"url": page_url},
    )
    SITE.released.set()
    assert [answer.status_code for answer in answers] == [201] * CLIENTS
    titles = {answer.json()["preview"]["title"] for answer in answers}
    assert len(titles) == 1 and None not in titles
    assert 1 <= HITS["/pages/article_og.html"] <= CLIENTS
    assert (_count(PreviewsPage), _count(PreviewsLookup)) == (1, CLIENTS)
