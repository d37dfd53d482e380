from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest

from core.db import transaction
from core.security import Actor
from core.tokens import issue_access_token
from db.models.identity import User
from services import identity

PASSWORD = "correct horse battery"
_counter = itertools.count(1)


def make_user(*, email: str | None = None, role: str = "USER", password: str = PASSWORD) -> User:
    with transaction(write=True) as session:
        return identity.create_user(
            session,
            email=email or f"user{next(_counter)}@example.com",
            password=password,
            display_name="Test User",
            role=role,
        )


def actor_of(user: User) -> Actor:
    return Actor(user_id=user.id, role=user.role)


def auth_headers(user: User) -> dict[str, str]:
    token, _ = issue_access_token(user_id=user.id, role=user.role)
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def user_factory() -> Callable[..., User]:
    return make_user


@pytest.fixture
def user() -> User:
    return make_user()


@pytest.fixture
def admin() -> User:
    return make_user(role="ADMIN")
