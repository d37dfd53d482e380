"""Every error answers RFC 9457 problem+json, rendered here and nowhere else.

`problem_response` turns any exception into a problem: our DomainErrors keep their own `type`;
Connexion's problems and Starlette's HTTP errors are mapped by status onto stable types
(`/problems/validation`, `/problems/unsupported-media-type`, ...); anything else is a 500 that is
logged with its traceback and answers only a generic detail plus the request id, so no stack trace,
SQL or secret reaches a client.
"""

from __future__ import annotations

from typing import Any

import orjson
import structlog
from connexion.exceptions import ProblemException
from connexion.lifecycle import ConnexionRequest, ConnexionResponse
from starlette.exceptions import HTTPException
from starlette.types import Receive, Scope, Send

from core.context import request_id_var
from core.errors import PROBLEM_JSON, DomainError
from core.validation import ValidationProblem

log = structlog.get_logger("trellis.errors")

#: status -> (type, title) for errors raised by the framework rather than by our services.
FRAMEWORK_PROBLEMS: dict[int, tuple[str, str]] = {
    400: ("/problems/validation", "Request validation failed"),
    401: ("/problems/unauthorized", "Unauthorized"),
    403: ("/problems/forbidden", "Forbidden"),
    404: ("/problems/not-found", "Not Found"),
    405: ("/problems/method-not-allowed", "Method Not Allowed"),
    406: ("/problems/not-acceptable", "Not Acceptable"),
    413: ("/problems/payload-too-large", "Content Too Large"),
    415: ("/problems/unsupported-media-type", "Unsupported Media Type"),
    500: ("/problems/internal", "Internal Server Error"),
}


def problem_body(status: int, detail: str | None, **extra: Any) -> dict[str, Any]:
    type_, title = FRAMEWORK_PROBLEMS.get(status, ("about:blank", "Error"))
    body: dict[str, Any] = {"type": type_, "title": title, "status": status}
    if detail:
        body["detail"] = detail
    body.update(extra)
    return body


def _describe(exc: Exception) -> tuple[int, dict[str, Any], dict[str, str]]:
    """(status, problem body, headers) for any exception."""
    if isinstance(exc, DomainError):
        return exc.status, exc.to_problem(), dict(exc.headers)
    if isinstance(exc, ValidationProblem):
        return 400, problem_body(400, exc.detail, errors=exc.errors), {}
    if isinstance(exc, ProblemException):
        status = int(exc.status)
        if status >= 500:
            log.error("framework_error", error=repr(exc))
            return status, problem_body(status, "The server could not complete the request."), {}
        detail = exc.detail if isinstance(exc.detail, str) else None
        headers = dict(exc.headers or {})
        if status == 401:
            headers.setdefault("WWW-Authenticate", 'Bearer realm="trellis"')
            detail = "Missing or invalid credentials."
        return status, problem_body(status, detail), headers
    if isinstance(exc, HTTPException):
        status = exc.status_code
        detail = {404: "No such resource.", 405: "Method not allowed on this resource."}.get(
            status, exc.detail if isinstance(exc.detail, str) else None
        )
        return status, problem_body(status, detail), dict(exc.headers or {})
    log.exception("unhandled_exception", exc_info=exc)
    return 500, problem_body(500, "The server could not complete the request."), {}


def render(exc: Exception, instance: str | None = None) -> tuple[int, bytes, dict[str, str]]:
    status, body, headers = _describe(exc)
    if instance:
        body.setdefault("instance", instance)
    request_id = request_id_var.get()
    if request_id:
        body["request_id"] = request_id
    return status, orjson.dumps(body), headers


async def connexion_error_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    status, body, headers = render(exc, request.url.path)
    return ConnexionResponse(
        status_code=status,
        body=body,
        headers=headers,
        mimetype=PROBLEM_JSON,
        content_type=PROBLEM_JSON,
    )


async def send_problem(scope: Scope, receive: Receive, send: Send, exc: Exception) -> None:
    """Answers a problem directly from ASGI code that runs outside Connexion."""
    status, body, headers = render(exc, scope.get("path"))
    raw_headers = [
        (b"content-type", PROBLEM_JSON.encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    raw_headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


#: The RealWorld ("Conduit") error shape: {"errors": {"<field or resource>": ["message"]}}.
CONDUIT_STATUS = {400: 422}  # Conduit reports invalid input as 422
#: problem type -> (key, message) in the RealWorld wording, for the errors the facade can meet.
CONDUIT_KEYS = {
    "/problems/identity/email-taken": ("email", "has already been taken"),
    "/problems/blog/username-taken": ("username", "has already been taken"),
    "/problems/identity/invalid-credentials": ("email or password", "is invalid"),
    "/problems/blog/post-not-found": ("article", "not found"),
    "/problems/blog/profile-not-found": ("profile", "not found"),
    "/problems/blog/comment-not-found": ("comment", "not found"),
    "/problems/blog/forbidden": ("article", "forbidden"),
    "/problems/blog/self-follow": ("profile", "cannot follow yourself"),
    "/problems/blog/post-not-published": ("article", "is not published"),
}


def conduit_errors(exc: Exception) -> tuple[int, dict[str, Any], dict[str, str]]:
    """(status, body, headers) of an exception in the RealWorld error format.

    The key names the field or resource (a taken email, a missing article), else the fields a
    validation error names, else a key for the status.
    """
    status, problem, headers = _describe(exc)
    status = CONDUIT_STATUS.get(status, status)
    messages: dict[str, list[str]] = {}
    if problem.get("type") in CONDUIT_KEYS:
        key, message = CONDUIT_KEYS[problem["type"]]
        messages[key] = [message]
    elif problem.get("errors"):
        for error in problem["errors"]:
            name = str(error.get("field", "body")).removeprefix("body.").split(".")[-1]
            messages.setdefault(name or "body", []).append(str(error.get("message", "is invalid")))
    else:
        key = {401: "token", 403: "resource", 404: "resource"}.get(status, "body")
        default = {401: "is missing or invalid", 403: "forbidden", 404: "not found"}
        messages[key] = [default.get(status) or str(problem.get("detail", "is invalid"))]
    headers.pop("WWW-Authenticate", None)
    if status == 401:
        headers["WWW-Authenticate"] = 'Token realm="conduit"'
    return status, {"errors": messages}, headers


async def conduit_error_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    status, body, headers = conduit_errors(exc)
    return ConnexionResponse(
        status_code=status,
        body=orjson.dumps(body),
        headers=headers,
        mimetype="application/json",
        content_type="application/json",
    )
