"""Request authentication by access token: the `x-bearerInfoFunc` of the main API and the
`x-apikeyInfoFunc` of the Conduit facade (async: core.auth awaits them on the event loop; the
database is read in a worker thread).

The account is re-read on every request, so disabling an account, changing its role or its
password takes effect on its very next request, whatever tokens it holds; the role in the token
is only a hint. The same statement reads whether the token's login (`sid`) is live, so a logout,
a "log out everywhere" or a password change made from another login ends the token on its next
request as well. The signature check is remembered (core.tokens). With Redis, the bearer and
Conduit checks take that row from services.identity.account_cache while no change to the
account was heard on its pub/sub channel (no round trip at all), or, while that channel's listener
is not connected, while the account's epoch is unchanged (one Redis GET on the event loop: no
statement, no worker thread), and read it as above otherwise; the rules (the password-change
time against the token's, unverified accounts) are applied to the row on every request, cached
or just read.
"""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import anyio.to_thread
from cachetools import LRUCache
from sqlalchemy import Executable, Row, bindparam, select

from core.credentials import Credential, Presented
from core.db import read_connection
from core.tokens import CONDUIT, MAIN, decode_access_token, still_verified
from db.models.identity import User
from services.identity import account_cache
from services.identity.account_settings import AccountFlowSettings, flow_settings
from services.identity.token_families import login_is_live


async def authenticate_bearer(presented: Presented) -> Credential | None:
    """A verified main-API JWT whose account still exists, is enabled and whose login is live."""
    if not account_cache.active():
        return await anyio.to_thread.run_sync(_bearer_holder, presented)
    return await _token_credential(presented.value, _MAIN_ONLY)


def _bearer_holder(presented: Presented) -> Credential | None:
    return token_holder(decode_access_token(presented.value, kinds=(MAIN,)))


async def authenticate_conduit_token(presented: Presented) -> Credential | None:
    """The Conduit facade's `Authorization: Token <jwt>`: a facade token (long-lived, see
    core.tokens) or a main-API one, under the same account checks.

    `Bearer <jwt>` is taken too: the RealWorld project's own reference backend accepts both, and
    current frontends (those generated from its OpenAPI document) send Bearer."""
    scheme, _, token = presented.value.partition(" ")
    if scheme.lower() not in ("token", "bearer") or not token.strip():
        return None
    if not account_cache.active():
        return await anyio.to_thread.run_sync(_conduit_holder, token.strip())
    return await _token_credential(token.strip(), _CONDUIT_OR_MAIN)


def _conduit_holder(token: str) -> Credential | None:
    return token_holder(decode_access_token(token, kinds=(CONDUIT, MAIN)))


_STATE_COLUMNS = (
    User.role,
    User.is_disabled,
    User.credentials_changed_at,
    User.credentials_changed_by,
    User.email_verified,
)
_ACCOUNT_STATE = select(*_STATE_COLUMNS).where(User.id == bindparam("user_id"))
_TOKEN_HOLDER_STATE = select(
    *_STATE_COLUMNS, login_is_live(User.id, bindparam("login_id")).label("live")
).where(User.id == bindparam("user_id"))


@dataclass(frozen=True)
class AccountState:
    role: str
    #: An unverified account under IDENTITY_UNVERIFIED_ACCOUNTS=read-only (core.security
    #: refuses its unsafe requests).
    read_only: bool


def token_holder(claims: dict[str, Any] | None) -> Credential | None:
    """Who a verified token's claims speak for, when the account is enabled, the login named by
    `sid` has not ended, and the password has not changed since the token was issued (from
    another login)."""
    if claims is None:
        return None
    user_id, login_id = uuid.UUID(claims["sub"]), uuid.UUID(claims["sid"])
    return _holder(claims, user_id, login_id, _read_holder_state(user_id, login_id))


_MAIN_ONLY = (MAIN,)
_CONDUIT_OR_MAIN = (CONDUIT, MAIN)


@dataclass(frozen=True)
class _Known:
    """A credential worked out from a token, with everything it was worked out from."""

    claims: dict[str, Any]
    entry: account_cache.Entry
    settings: AccountFlowSettings
    credential: Credential


#: (token, audiences accepted) -> the credential last worked out from it while the account cache
#: listened. A client sends the same token on every request, and what it stands for follows
#: from the token's verified claims, the account cache's entry and the account settings alone:
#: deriving it again cost about 20 µs per request (the claims' ids parsed, the rules applied to
#: the row, the credential built). It is given again only while the token is still remembered as
#: verified with those very claims (core.tokens: not expired, signing keys unchanged), the entry
#: is still the account cache's current one (any change to the account or the login replaces or
#: drops it, in every process), the settings are the same, and the cache listens.
_known: LRUCache[tuple[str, tuple[str, ...]], _Known] = LRUCache(maxsize=10_000)
_known_lock = threading.Lock()


async def _token_credential(token: str, kinds: tuple[str, ...]) -> Credential | None:
    with _known_lock:
        known = _known.get((token, kinds))
    if known is not None:
        credential = known.credential
        if (
            still_verified(token, known.claims)
            and known.settings is flow_settings()
            and account_cache.listening()
            and account_cache.lookup(
                credential.user_id,
                credential.login_id,  # type: ignore[arg-type]  # always set for a token
                account_cache.LISTENED,
            )
            is known.entry
        ):
            return credential
    return await _cached_token_holder(decode_access_token(token, kinds=kinds), (token, kinds))


async def _cached_token_holder(
    claims: dict[str, Any] | None, known_as: tuple[str, tuple[str, ...]] | None = None
) -> Credential | None:
    """`token_holder`, with the row from account_cache when the account's epoch still matches
    (and, with `known_as`, the credential remembered under it: see `_known`)."""
    if claims is None:
        return None
    user_id, login_id = uuid.UUID(claims["sub"]), uuid.UUID(claims["sid"])
    since = account_cache.generation()
    if account_cache.listening():  # changes arrive by pub/sub: no round trip at all
        epoch: bytes | None = account_cache.LISTENED
    else:
        epoch = await account_cache.current_epoch(user_id)
    entry = None if epoch is None else account_cache.lookup(user_id, login_id, epoch)
    if entry is not None:
        row = entry.row
    else:
        read_at = time.monotonic()
        row = await anyio.to_thread.run_sync(_read_holder_state, user_id, login_id)
        if epoch is not None:
            entry = account_cache.Entry(epoch, read_at, row)
            account_cache.store(user_id, login_id, entry, since)
    settings = flow_settings()
    credential = _holder(claims, user_id, login_id, row)
    if credential is not None and known_as is not None and epoch == account_cache.LISTENED:
        known = _Known(claims, entry, settings, credential)  # type: ignore[arg-type]
        with _known_lock:
            _known[known_as] = known
    return credential


def _read_holder_state(user_id: uuid.UUID, login_id: uuid.UUID) -> Row[Any] | None:
    return _read(_TOKEN_HOLDER_STATE, {"user_id": user_id, "login_id": login_id})


def _holder(
    claims: dict[str, Any], user_id: uuid.UUID, login_id: uuid.UUID, row: Row[Any] | None
) -> Credential | None:
    if row is None or not row.live:
        return None
    state = _state(row, issued_at=int(claims["iat"]), login_id=login_id)
    if state is None:
        return None
    return Credential(
        user_id=user_id,
        role=state.role,
        scheme="bearer",
        login_id=login_id,
        read_only=state.read_only,
    )


def account_state(
    user_id: uuid.UUID, *, issued_at: int | None = None, login_id: uuid.UUID | None = None
) -> AccountState | None:
    """The account's current role and restriction, or None when it is gone or disabled, when a
    credential of login `login_id` issued at `issued_at` (epoch seconds) predates the account's
    last password change made from another login, or when its email is unverified under
    IDENTITY_UNVERIFIED_ACCOUNTS=block.

    Token times are whole seconds, so a credential issued within the same second as the change
    still counts; anything older does not, unless it belongs to the login that made the change.
    """
    return _state(_read(_ACCOUNT_STATE, {"user_id": user_id}), issued_at, login_id)


def _read(statement: Executable, parameters: dict[str, Any]) -> Row[Any] | None:
    # One statement on an autocommit connection: no ORM session, no BEGIN/COMMIT round trips;
    # this runs before every authenticated request. On SQLite a read never takes the write lock
    # (a deferred transaction), so checks never queue behind writers.
    with read_connection(own=True) as connection:
        return connection.execute(statement, parameters).first()


def _state(
    row: Row[Any] | None, issued_at: int | None = None, login_id: uuid.UUID | None = None
) -> AccountState | None:
    if row is None or row.is_disabled:
        return None
    changed: datetime | None = row.credentials_changed_at
    if (
        issued_at is not None
        and changed is not None
        and issued_at < int(changed.timestamp())
        and (login_id is None or login_id != row.credentials_changed_by)
    ):
        return None
    mode = "allow" if row.email_verified else flow_settings().unverified_accounts
    if mode == "block":
        return None
    return AccountState(role=str(row.role), read_only=mode == "read-only")
