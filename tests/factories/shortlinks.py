from __future__ import annotations

from typing import Any

from core.db import transaction
from db.models.identity import User
from db.models.shortlinks import ShortlinksLink
from services import shortlinks
from tests.factories.identity import actor_of


def make_link(
    owner: User, *, target_url: str = "https://example.org/landing", **fields: Any
) -> ShortlinksLink:
    with transaction(write=True) as session:
        return shortlinks.create_link(session, actor_of(owner), target_url=target_url, **fields)
