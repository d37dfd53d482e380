"""The account a benchmark signs in with: created in the configured database, migrated first."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from core.db import transaction
from core.migrations import upgrade
from core.security import Actor
from services import identity


@contextmanager
def benchmark_account(name: str) -> Iterator[tuple[Session, Actor, str]]:
    """A write transaction holding a new account (a unique email), the account as an actor, and
    an access token for it: what a benchmark needs to seed rows and then send signed requests."""
    upgrade()
    with transaction(write=True) as session:
        user = identity.create_user(
            session,
            email=f"{name.lower()}-{uuid.uuid4().hex[:12]}@example.com",
            password=f"{name} benchmark password",
            display_name=name,
        )
        # A real token login: the per-request check reads the login (`sid`) as well as the account.
        token = identity.issue_tokens(session, user).access_token
        yield session, Actor(user_id=user.id, role=user.role), token
