"""Authentication glue for Connexion and the role check every operation goes through.

Connexion calls `bearer_info` (named by `x-bearerInfoFunc` in the spec) on the event loop; it only
verifies a JWT signature, so it stays cheap there. The verified claims become the request's
`token_info`, from which `current_actor()` builds the `Actor` handlers pass to services.

Connexion never checks scopes on bearer schemes, so roles are an operation extension,
`x-roles: [ADMIN]`, enforced by `RoleMiddleware` after authentication and before validation:
no credentials is a 401, credentials without the role a 403.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from connexion.context import context
from starlette.types import ASGIApp, Receive, Scope, Send

from core.errors import Forbidden, Unauthorized
from core.tokens import decode_access_token

ROLES = ("USER", "ADMIN")


@dataclass(frozen=True)
class Actor:
    user_id: uuid.UUID
    role: str

    @property
    def is_admin(self) -> bool:
        return self.role == "ADMIN"


def bearer_info(token: str) -> dict[str, Any] | None:
    claims = decode_access_token(token)
    if claims is None:
        return None
    return {"sub": claims["sub"], "role": claims.get("role", "USER"), "scheme": "bearer"}


def current_actor() -> Actor:
    """The authenticated caller of the current request (401 if there is none)."""
    info = context.get("token_info")
    if not info:
        raise Unauthorized()
    return Actor(user_id=uuid.UUID(info["sub"]), role=info["role"])


def operation_roles(spec: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """operationId -> roles required by its `x-roles` extension."""
    roles: dict[str, tuple[str, ...]] = {}
    for path_item in spec.get("paths", {}).values():
        for operation in path_item.values():
            if isinstance(operation, dict) and operation.get("x-roles"):
                roles[operation["operationId"]] = tuple(operation["x-roles"])
    return roles


class RoleMiddleware:
    """Refuses operations whose `x-roles` the authenticated caller does not hold (403)."""

    def __init__(self, app: ASGIApp, roles: dict[str, tuple[str, ...]] | None = None) -> None:
        self.app = app
        self.roles = roles or {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and self.roles:
            operation_id = (
                scope.get("extensions", {}).get("connexion_routing", {}).get("operation_id")
            )
            required = self.roles.get(operation_id or "")
            if required:
                info = scope.get("extensions", {}).get("connexion_context", {}).get("token_info")
                if not info:
                    raise Unauthorized()
                if info.get("role") not in required:
                    raise Forbidden(f"This operation requires the {' or '.join(required)} role.")
        await self.app(scope, receive, send)
