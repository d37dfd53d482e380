"""Who the request acts for, and the per-operation policies every operation goes through.

core.auth turns the request's credentials into a `Credential` (re-reading the account on every
request, so a disabled account or a changed role takes effect at once); Connexion keeps it as the
request's `token_info`, from which `current_actor()` builds the `Actor` handlers pass to services.

Connexion never checks scopes on bearer schemes, so roles are an operation extension,
`x-roles: [ADMIN]`, enforced by `PolicyMiddleware` after authentication and before validation:
no credentials is a 401, credentials without the role a 403. The same middleware answers 428 for
operations marked `x-if-match: required` that arrive without If-Match, and refuses the unsafe
requests of a read-only credential (an account whose email is unverified, when
IDENTITY_UNVERIFIED_ACCOUNTS=read-only) with 403 `/problems/identity/email-not-verified`, except
on operations marked `x-unverified: allowed` (logging out).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, date, datetime
from email.utils import format_datetime
from typing import Any

from connexion.context import context
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from core.credentials import Credential
from core.errors import Forbidden, PreconditionRequired, Unauthorized

ROLES = ("USER", "ADMIN")
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class EmailNotVerified(Forbidden, type="/problems/identity/email-not-verified"): ...


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "ADMIN"


def current_actor() -> Actor:
    """The authenticated caller of the current request (401 if there is none)."""
    credential = current_credential()
    return Actor(user_id=credential.user_id, role=credential.role)


def optional_actor() -> Actor | None:
    """The caller of an operation open to anonymous readers (None when anonymous); a bad
    credential never gets here: the security check refuses it with 401 first."""
    credential: Credential | None = context.get("token_info")
    return Actor(user_id=credential.user_id, role=credential.role) if credential else None


def current_credential() -> Credential:
    """What authenticated the current request: its `scheme` (bearer, apikey, session) and ids."""
    credential: Credential | None = context.get("token_info")
    if credential is None:
        raise Unauthorized()
    return credential


@dataclass(frozen=True)
class OperationPolicy:
    """What the spec's extensions ask of one operation."""

    roles: tuple[str, ...] = ()
    if_match_required: bool = False
    #: `x-unverified: allowed`: read-only credentials may use it whatever its method.
    unverified_allowed: bool = False
    #: Deprecation (RFC 9745), Sunset (RFC 8594) and successor Link of a deprecated operation.
    deprecation_headers: tuple[tuple[bytes, bytes], ...] = ()


def deprecation_headers(operation: dict[str, Any]) -> tuple[tuple[bytes, bytes], ...]:
    """Headers announcing a deprecated operation, from `deprecated: true` and its extensions.

    `x-deprecated-at` (date, required) becomes `Deprecation: @<epoch>`, `x-sunset` (date) becomes
    `Sunset: <HTTP-date>`, `x-successor` (path) becomes `Link: <path>; rel="successor-version"`.
    """
    if not operation.get("deprecated"):
        return ()
    since = _midnight_utc(operation["x-deprecated-at"])
    headers = [(b"deprecation", f"@{int(since.timestamp())}".encode())]
    if operation.get("x-sunset"):
        sunset = format_datetime(_midnight_utc(operation["x-sunset"]), usegmt=True)
        headers.append((b"sunset", sunset.encode()))
    if operation.get("x-successor"):
        headers.append((b"link", f'<{operation["x-successor"]}>; rel="successor-version"'.encode()))
    return tuple(headers)


def _midnight_utc(value: Any) -> datetime:
    day = value if isinstance(value, date) else date.fromisoformat(str(value))
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def operation_policies(spec: dict[str, Any]) -> dict[str, OperationPolicy]:
    """operationId -> policy from `x-roles`, `x-if-match: required` and `deprecated`."""
    policies: dict[str, OperationPolicy] = {}
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "operationId" not in operation:
                continue
            policy = OperationPolicy(
                roles=tuple(operation.get("x-roles", ())),
                if_match_required=operation.get("x-if-match") == "required",
                unverified_allowed=operation.get("x-unverified") == "allowed",
                deprecation_headers=deprecation_headers(operation),
            )
            if policy != OperationPolicy():
                policies[operation["operationId"]] = policy
    return policies


class PolicyMiddleware:
    """Runs after authentication, before validation: x-roles (401/403), x-if-match (428), and
    the deprecation headers of deprecated operations (on the answers their handlers produce)."""

    def __init__(self, app: ASGIApp, policies: dict[str, OperationPolicy] | None = None) -> None:
        self.app = app
        self.policies = policies or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        extensions = scope.get("extensions", {})
        operation_id = extensions.get("connexion_routing", {}).get("operation_id")
        policy = self.policies.get(operation_id or "")
        credential = extensions.get("connexion_context", {}).get("token_info")
        if (
            isinstance(credential, Credential)
            and credential.read_only
            and scope["method"] not in SAFE_METHODS
            and not (policy is not None and policy.unverified_allowed)
        ):
            raise EmailNotVerified(
                "Confirm your email address first: until then this account may only read."
            )
        if policy is not None:
            if policy.roles:
                credential = extensions.get("connexion_context", {}).get("token_info")
                if credential is None:
                    raise Unauthorized()
                if credential.role not in policy.roles:
                    roles = " or ".join(policy.roles)
                    raise Forbidden(f"This operation requires the {roles} role.")
            if policy.if_match_required and not any(
                key == b"if-match" for key, _ in scope.get("headers", ())
            ):
                raise PreconditionRequired(
                    "This operation needs an If-Match header with the ETag you last read."
                )
            if policy.deprecation_headers:
                send = _adding_headers(send, policy.deprecation_headers)
        await self.app(scope, receive, send)


def _adding_headers(send: Send, extra: tuple[tuple[bytes, bytes], ...]) -> Send:
    async def wrapped(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {**message, "headers": [*message.get("headers", []), *extra]}
        await send(message)

    return wrapped
