"""API keys: named, scoped, expiring, rate-limited credentials for programs.

A key reads `trk_<lookup_id>_<secret>`. The lookup id finds the row through a unique index; the
secret is stored only as HMAC-SHA256 under API_KEY_PEPPER and compared in constant time, so a
leaked table holds nothing that authenticates. The full key is shown once, at creation.

Every request with a key (`authenticate_key`, the spec's `x-apikeyInfoFunc`) costs one indexed
SELECT that also reads the owner's state, so a revoked or expired key, or a disabled owner, is
refused on the very next request. `last_used_at` is written at most once a minute per key (a
conditional UPDATE, so concurrent processes write it once), not on every request. Scopes:
READ_ONLY keys may only use safe methods (GET, HEAD, OPTIONS); READ_WRITE keys may do what their
owner may. Each key has a per-minute limit (shared through Redis when configured) reported in
RateLimit headers; requests with bad keys are throttled per client address. Key management
itself needs a bearer token or a session: a leaked key cannot mint or revoke keys.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, bindparam, insert, or_, select, update
from sqlalchemy.orm import Session

from core import ratelimit
from core.credentials import Credential, Presented
from core.db import get_engine, read_connection, utcnow
from core.errors import Forbidden, NotFound, RuleViolated, TooManyRequests, Unauthorized
from core.pagination import Page, paginate_by_creation
from core.rows import get_or_404
from core.security import Actor
from core.settings import get_settings
from db.models.apikeys import ApiKey as ApiKey  # re-exported for handlers
from db.models.core import AuditEvent
from db.models.identity import User
from services import audit

KEY_PREFIX = "trk_"
KEY_PATTERN = re.compile(r"^trk_([a-z2-7]{16})_([A-Za-z0-9_-]{43})$")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})
MAX_ACTIVE_KEYS = 50
#: How stale last_used_at may get: the price of not writing on every request.
LAST_USED_GRANULARITY = timedelta(seconds=60)
AUDIT_TARGET = "api_key"


class ApiKeyNotFound(NotFound, type="/problems/apikeys/not-found"): ...


class InvalidApiKey(Unauthorized, type="/problems/apikeys/invalid-key"): ...


class InsufficientScope(Forbidden, type="/problems/apikeys/insufficient-scope"): ...


class KeyRateLimited(TooManyRequests, type="/problems/apikeys/rate-limited"): ...


class TooManyBadKeys(TooManyRequests, type="/problems/apikeys/too-many-failures"): ...


class TooManyKeys(RuleViolated, type="/problems/apikeys/too-many-keys"): ...


class RevokedForGood(RuleViolated, type="/problems/apikeys/revoked-for-good"): ...


class ExpiryInPast(RuleViolated, type="/problems/apikeys/expiry-in-past"): ...


class RateLimitTooHigh(RuleViolated, type="/problems/apikeys/rate-limit-too-high"): ...


@dataclass(frozen=True)
class CreatedKey:
    key: ApiKey
    secret: str


def _hash_secret(secret: str) -> str:
    pepper = get_settings().api_key_pepper.encode()
    return hmac.new(pepper, secret.encode(), hashlib.sha256).hexdigest()


def display_prefix(key: ApiKey) -> str:
    """The non-secret start of the key, enough to recognise it in a list or a log."""
    return f"{KEY_PREFIX}{key.lookup_id}"


def effective_rate_limit(key: ApiKey) -> int:
    return _per_minute(key.rate_limit_per_minute)


def _per_minute(own: int | None) -> int:
    """A key's own limit, else the default, never above the administrator's maximum."""
    settings = get_settings()
    return min(
        own or settings.api_key_rate_limit_per_minute,
        settings.api_key_max_rate_limit_per_minute,
    )


def create_key(
    session: Session,
    actor: Actor,
    *,
    name: str,
    scope: str,
    expires_at: datetime | None = None,
    rate_limit_per_minute: int | None = None,
) -> CreatedKey:
    """Creates a key for the caller; the secret is returned here and never again. Its own rate
    limit may not exceed API_KEY_MAX_RATE_LIMIT_PER_MINUTE."""
    now = utcnow()
    if expires_at is not None and expires_at <= now:
        raise ExpiryInPast("expires_at must be in the future.")
    most = get_settings().api_key_max_rate_limit_per_minute
    if rate_limit_per_minute is not None and rate_limit_per_minute > most:
        raise RateLimitTooHigh(f"rate_limit_per_minute may be at most {most}.", maximum=most)
    active = session.scalars(
        select(ApiKey.id).where(
            ApiKey.user_id == actor.user_id,
            ApiKey.revoked_at.is_(None),
            or_(ApiKey.expires_at.is_(None), ApiKey.expires_at > now),
        )
    ).all()
    if len(active) >= MAX_ACTIVE_KEYS:
        raise TooManyKeys(f"An account may hold at most {MAX_ACTIVE_KEYS} active keys.")
    lookup_id = base64.b32encode(secrets.token_bytes(10)).decode().lower()
    secret = secrets.token_urlsafe(32)
    key = ApiKey(
        id=uuid.uuid4(),
        user_id=actor.user_id,
        name=name,
        lookup_id=lookup_id,
        secret_hash=_hash_secret(secret),
        scope=scope,
        rate_limit_per_minute=rate_limit_per_minute,
        created_at=now,
        expires_at=expires_at,
    )
    session.add(key)
    _audit_in_request(session, actor, "KEY_CREATED", key, scope=scope)
    session.flush()
    return CreatedKey(key=key, secret=f"{KEY_PREFIX}{lookup_id}_{secret}")


def list_keys(
    session: Session,
    actor: Actor,
    *,
    owner_id: uuid.UUID | None = None,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[ApiKey]:
    """The caller's keys, newest first; admins may name another owner."""
    if owner_id is not None and owner_id != actor.user_id and not actor.is_admin:
        raise Forbidden("Only admins may list another account's keys.")
    query = select(ApiKey).where(ApiKey.user_id == (owner_id or actor.user_id))
    return paginate_by_creation(session, query, kind="apikeys", limit=limit, cursor=cursor)


def get_key(session: Session, actor: Actor, *, key_id: uuid.UUID) -> ApiKey:
    """One key of the caller's (any key for admins)."""
    mine = None if actor.is_admin else ApiKey.user_id == actor.user_id
    return get_or_404(
        session, ApiKey, key_id, where=mine, missing=ApiKeyNotFound("No such API key.")
    )


def update_key(
    session: Session,
    actor: Actor,
    *,
    key_id: uuid.UUID,
    name: str | None = None,
    revoked: bool | None = None,
) -> ApiKey:
    """Renames and/or revokes a key (owner or admin); revocation is final."""
    key = get_key(session, actor, key_id=key_id)
    if revoked is False and key.revoked_at is not None:
        raise RevokedForGood("A revoked key cannot be restored; create a new one.")
    if name is not None:
        key.name = name
    if revoked and key.revoked_at is None:
        key.revoked_at = utcnow()
        _audit_in_request(session, actor, "KEY_REVOKED", key, by_admin=key.user_id != actor.user_id)
    session.flush()
    return key


def list_key_events(
    session: Session,
    actor: Actor,
    *,
    key_id: uuid.UUID,
    limit: int = 20,
    cursor: str | None = None,
) -> Page[AuditEvent]:
    """The key's audit trail (created, first use, rate-limited, revoked), newest first."""
    key = get_key(session, actor, key_id=key_id)
    return audit.list_events(session, target_id=str(key.id), limit=limit, cursor=cursor)


# --- authentication, on every request that carries X-API-Key ---------------------------------

_KEY_STATE = (
    select(
        ApiKey.id,
        ApiKey.user_id,
        ApiKey.secret_hash,
        ApiKey.scope,
        ApiKey.rate_limit_per_minute,
        ApiKey.expires_at,
        ApiKey.revoked_at,
        ApiKey.last_used_at,
        User.role,
        User.is_disabled,
    )
    .join(User, User.id == ApiKey.user_id)
    .where(ApiKey.lookup_id == bindparam("lookup_id"))
)


def authenticate_key(presented: Presented) -> Credential:
    """The owner of a presented key, if the key is valid for this request (blocking: Redis and
    the database); raises on refusal."""
    settings = get_settings()
    failures = settings.api_key_failures_per_address
    address = presented.client_address
    ratelimit.check(
        failures,
        "apikey-failures",
        address,
        detail="Too many requests with invalid API keys; retry later.",
        error=TooManyBadKeys,
    )
    now = utcnow()
    match = KEY_PATTERN.match(presented.value)
    row = None
    if match is not None:
        with read_connection(own=True) as connection:
            row = connection.execute(_KEY_STATE, {"lookup_id": match.group(1)}).first()
    if (
        match is None
        or row is None
        or not hmac.compare_digest(row.secret_hash, _hash_secret(match.group(2)))
        or row.revoked_at is not None
        or (row.expires_at is not None and row.expires_at <= now)
        or row.is_disabled
    ):
        ratelimit.hit(failures, "apikey-failures", address)
        raise InvalidApiKey("The API key is unknown, revoked or expired.")
    if row.scope == "READ_ONLY" and presented.method not in SAFE_METHODS:
        raise InsufficientScope("This API key is read-only.")
    per_minute = _per_minute(row.rate_limit_per_minute)
    window = ratelimit.consume(f"{per_minute}/minute", "apikey", str(row.id))
    if not window.allowed:
        _audit_rate_limited(row.id, row.user_id)
        raise KeyRateLimited(
            f"This API key allows {per_minute} requests per minute.",
            retry_after=window.reset_after,
            headers=window.headers(),
        )
    if row.last_used_at is None or now - row.last_used_at >= LAST_USED_GRANULARITY:
        _touch(row.id, row.user_id, first_use=row.last_used_at is None, now=now)
    return Credential(
        user_id=row.user_id,
        role=row.role,
        scheme="apikey",
        key_id=row.id,
        response_headers=tuple(window.headers().items()),
    )


def _touch(key_id: uuid.UUID, user_id: uuid.UUID, *, first_use: bool, now: datetime) -> None:
    """Moves last_used_at forward unless another request did in the last minute."""
    stale = now - LAST_USED_GRANULARITY
    with get_engine().begin() as connection:
        moved = connection.execute(
            update(ApiKey)
            .where(
                ApiKey.id == key_id,
                or_(ApiKey.last_used_at.is_(None), ApiKey.last_used_at < stale),
            )
            .values(last_used_at=now)
        ).rowcount
        if moved and first_use:
            _audit_outside_request(connection, key_id, user_id, "KEY_FIRST_USED")


def _audit_rate_limited(key_id: uuid.UUID, user_id: uuid.UUID) -> None:
    """One KEY_RATE_LIMITED event per key and minute, however many requests are refused."""
    if not ratelimit.hit("1/minute", "apikey-limited-audit", str(key_id)):
        return
    with get_engine().begin() as connection:
        _audit_outside_request(connection, key_id, user_id, "KEY_RATE_LIMITED")


def _audit_in_request(
    session: Session, actor: Actor, action: str, key: ApiKey, **details: Any
) -> None:
    audit.record(
        session,
        actor_id=actor.user_id,
        action=action,
        target_type=AUDIT_TARGET,
        target_id=key.id,
        **details,
    )


def _audit_outside_request(
    connection: Connection, key_id: uuid.UUID, user_id: uuid.UUID, action: str
) -> None:
    """Authentication runs before the request's transaction: these events commit on their own
    (a refused request must still leave its trace)."""
    connection.execute(
        insert(AuditEvent).values(
            id=uuid.uuid4(),
            actor_id=user_id,
            action=action,
            target_type=AUDIT_TARGET,
            target_id=str(key_id),
            details={},
            created_at=utcnow(),
        )
    )
