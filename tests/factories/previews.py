from __future__ import annotations

from core.db import transaction
from db.models.identity import User
from db.models.previews import PreviewsLookup
from services import previews
from services.previews.extract import Extracted
from tests.factories.identity import actor_of


def make_lookup(
    owner: User, *, url: str = "https://news.example.org/a", title: str = "A page"
) -> PreviewsLookup:
    """A lookup and its cached page, recorded as if `url` had just been fetched."""
    fields = Extracted(
        title=title, description=None, image=None, site_name=None,
        canonical_url=None, favicon=None, kind=None,
    )  # fmt: skip
    fetched = previews.Fetched(final_url=url, content_type="text/html", fields=fields)
    with transaction(write=True) as session:
        return previews.record_lookup(session, actor_of(owner), url=url, fetched=fetched)
