from __future__ import annotations

import itertools
from collections.abc import Callable

import jwt
import pytest

from core.db import transaction
from core.security import Actor
from core.settings import get_settings
from core.tokens import ALGORITHM, CONDUIT
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


def token_login(user: User) -> identity.TokenPair:
    """A new token login of `user`, as POST /identity/tokens starts one."""
    with transaction(write=True) as session:
        return identity.issue_tokens(session, user)


def auth_headers(user: User) -> dict[str, str]:
    return {"Authorization": f"Bearer {token_login(user).access_token}"}


def conduit_headers(user: User) -> dict[str, str]:
    """`Authorization: Token <jwt>` with a Conduit facade token, as /conduit/api/users answers."""
    with transaction(write=True) as session:
        token = identity.start_lasting_login(session, user, kind=CONDUIT)
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
