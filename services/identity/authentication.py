"""Request authentication by access token: the `x-bearerInfoFunc` of the main API and the
`x-apikeyInfoFunc` of the Conduit facade (core.auth calls them in a worker thread).

The account is re-read on every request, so disabling an account, changing its role or its
password takes effect on its very next request, whatever tokens it holds; the role in the token
is only a hint.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import bindparam, select

from core.credentials import Credential, Presented
from core.db import get_engine
from core.tokens import CONDUIT, MAIN, decode_access_token
from db.models.identity import User
from services.identity.account_settings import flow_settings


def authenticate_bearer(presented: Presented) -> Credential | None:
    """A verified main-API JWT whose account still exists, is enabled and has not changed its
    password since the token was issued."""
    return _token_holder(presented.value, kinds=(MAIN,))


def authenticate_conduit_token(presented: Presented) -> Credential | None:
    """The Conduit facade's `Authorization: Token <jwt>`: a facade token (long-lived, see
    core.tokens) or a main-API one, under the same account checks.

    `Bearer <jwt>` is taken too: the RealWorld project's own reference backend accepts both, and
    current frontends (those generated from its OpenAPI document) send Bearer."""
    scheme, _, token = presented.value.partition(" ")
    if scheme.lower() not in ("token", "bearer") or not token.strip():
        return None
    return _token_holder(token.strip(), kinds=(CONDUIT, MAIN))


def _token_holder(token: str, *, kinds: tuple[str, ...]) -> Credential | None:
    claims = decode_access_token(token, kinds=kinds)
    if claims is None:
        return None
    user_id = uuid.UUID(claims["sub"])
    state = account_state(user_id, issued_at=int(claims["iat"]))
    if state is None:
        return None
    return Credential(user_id=user_id, role=state.role, scheme="bearer", read_only=state.read_only)


_ACCOUNT_STATE = select(
    User.role, User.is_disabled, User.credentials_changed_at, User.email_verified
).where(User.id == bindparam("user_id"))


@dataclass(frozen=True)
class AccountState:
    role: str
    #: An unverified account under IDENTITY_UNVERIFIED_ACCOUNTS=read-only (core.security
    #: refuses its unsafe requests).
    read_only: bool


def account_role(user_id: uuid.UUID, *, issued_at: int | None = None) -> str | None:
    """The account's current role (see `account_state`)."""
    state = account_state(user_id, issued_at=issued_at)
    return state.role if state is not None else None


def account_state(user_id: uuid.UUID, *, issued_at: int | None = None) -> AccountState | None:
    """The account's current role and restriction, or None when it is gone or disabled, when a
    credential issued at `issued_at` (epoch seconds) predates the account's last password
    change, or when its email is unverified under IDENTITY_UNVERIFIED_ACCOUNTS=block.

    Token times are whole seconds, so a token issued within the same second as the change (the
    one the change itself answers with) still counts; anything older does not.

    One statement on an autocommit connection: no ORM session, no BEGIN/COMMIT round trips; this
    runs before every authenticated request.
    """
    with get_engine().connect() as connection:
        row = (
            connection.execution_options(isolation_level="AUTOCOMMIT")
            .execute(_ACCOUNT_STATE, {"user_id": user_id})
            .first()
        )
    if row is None or row.is_disabled:
        return None
    changed = row.credentials_changed_at
    if issued_at is not None and changed is not None and issued_at < int(changed.timestamp()):
        return None
    mode = "allow" if row.email_verified else flow_settings().unverified_accounts
    if mode == "block":
        return None
    return AccountState(role=str(row.role), read_only=mode == "read-only")
