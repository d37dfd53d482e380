from __future__ import annotations

import itertools
from collections.abc import Callable

import jwt
import pytest

from core.db import transaction
from core.security import Actor
from core.settings import get_settings
from core.tokens import ALGORITHM, CONDUIT, issue_access_token
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


def conduit_headers(user: User) -> dict[str, str]:
    """`Authorization: Token <jwt>` with a Conduit facade token, as /conduit/api/users answers."""
    token, _ = issue_access_token(user_id=user.id, role=user.role, kind=CONDUIT)
    return {"Authorization": f"Token {token}"}


def issued_earlier(token: str, *, seconds: int = 10) -> str:
    """The same token as if it had been issued `seconds` ago (a client that signed in a while
    before), signed with the current signing key."""
    claims = jwt.decode(token, options={"verify_signature": False})
    claims["iat"] -= seconds
    claims["nbf"] -= seconds
    kid, secret = next(iter(get_settings().jwt_signing_keys.items()))
    return jwt.encode(claims, secret, algorithm=ALGORITHM, headers={"kid": kid})


@pytest.fixture
def user_factory() -> Callable[..., User]:
    return make_user


@pytest.fixture
def user() -> User:
    return make_user()


@pytest.fixture
def admin() -> User:
    return make_user(role="ADMIN")
