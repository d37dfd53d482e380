"""Domain errors and their one rendering as RFC 9457 problem+json.

    DomainError                     (never raised directly)
    ├── BadRequest            400   input the spec could not reject (a malformed cursor)
    ├── Unauthorized          401   missing or invalid credentials (adds WWW-Authenticate)
    ├── Forbidden             403   authenticated, but not allowed
    ├── NotFound              404   missing, or someone else's (existence does not leak)
    ├── Conflict              409   clashes with current state (duplicate email)
    ├── PreconditionFailed    412   stale If-Match
    ├── PreconditionRequired  428   If-Match missing where an operation requires it
    ├── RuleViolated          422   a business rule the spec cannot state
    ├── TooManyRequests       429   throttled (adds Retry-After)
    └── UpstreamUnavailable   502   a provider we depend on failed or answered nonsense
        └── UpstreamTimeout   504   ...or did not answer in time

Services raise subclasses with their own `type` (`/problems/<domain>/<name>`), declared in one
line with class keywords (`status`, `title` and `keeps_changes` work the same way):

    class SlotTaken(Conflict, type="/problems/reservations/slot-taken"): ...

Handlers never build error responses: `core.problems` renders DomainError (and Connexion's and
Starlette's own exceptions) once, so every error answers with the same shape.

The upstream pair is for domains that call other services over HTTP (integrations, OAuth): the
client is told the failure is not theirs and not ours alone, and no upstream body, address or
stack trace reaches them. An integration domain subclasses one of the two with its own `type`
(`/problems/weather/provider-unavailable`) and documents 502/504 on the operations that call out.
"""

from __future__ import annotations

from typing import Any, ClassVar

PROBLEM_JSON = "application/problem+json"


class DomainError(Exception):
    status: ClassVar[int] = 500
    type: ClassVar[str] = "about:blank"
    title: ClassVar[str] = "Internal Server Error"
    #: Commit the request's transaction even though this error ends the request.
    keeps_changes: ClassVar[bool] = False

    def __init_subclass__(
        cls,
        *,
        status: int | None = None,
        type: str | None = None,
        title: str | None = None,
        keeps_changes: bool | None = None,
        **kwargs: Any,
    ) -> None:
        """Class keywords set the problem's members: `class SlotTaken(Conflict, type=...): ...`."""
        super().__init_subclass__(**kwargs)
        if status is not None:
            cls.status = status
        if type is not None:
            cls.type = type
        if title is not None:
            cls.title = title
        if keeps_changes is not None:
            cls.keeps_changes = keeps_changes

    def __init__(
        self,
        detail: str | None = None,
        *,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(detail or self.title)
        self.detail = detail or self.title
        self.headers = headers or {}
        self.extensions = extensions

    def to_problem(self, instance: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "type": self.type,
            "title": self.title,
            "status": self.status,
            "detail": self.detail,
        }
        if instance:
            body["instance"] = instance
        body.update(self.extensions)
        return body


class BadRequest(DomainError, status=400, type="/problems/bad-request", title="Bad Request"): ...


class Unauthorized(DomainError, status=401, type="/problems/unauthorized", title="Unauthorized"):
    def __init__(self, detail: str | None = None, **extensions: Any) -> None:
        super().__init__(
            detail or "Missing or invalid credentials.",
            headers={"WWW-Authenticate": 'Bearer realm="trellis"'},
            **extensions,
        )


class Forbidden(DomainError, status=403, type="/problems/forbidden", title="Forbidden"): ...


class NotFound(DomainError, status=404, type="/problems/not-found", title="Not Found"): ...


class Conflict(DomainError, status=409, type="/problems/conflict", title="Conflict"): ...


class PreconditionFailed(
    DomainError, status=412, type="/problems/precondition-failed", title="Precondition Failed"
): ...


class PreconditionRequired(
    DomainError,
    status=428,
    type="/problems/precondition-required",
    title="Precondition Required",
): ...


class RuleViolated(
    DomainError, status=422, type="/problems/rule-violated", title="Unprocessable Content"
): ...


class TooManyRequests(
    DomainError, status=429, type="/problems/too-many-requests", title="Too Many Requests"
):
    def __init__(
        self,
        detail: str | None = None,
        *,
        retry_after: int,
        headers: dict[str, str] | None = None,
        **extensions: Any,
    ) -> None:
        super().__init__(
            detail or "Too many requests; retry later.",
            headers={**(headers or {}), "Retry-After": str(max(1, retry_after))},
            **extensions,
        )


class UpstreamUnavailable(
    DomainError, status=502, type="/problems/upstream-unavailable", title="Bad Gateway"
): ...


class UpstreamTimeout(
    UpstreamUnavailable, status=504, type="/problems/upstream-timeout", title="Gateway Timeout"
): ...
