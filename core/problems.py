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
from core.settings import get_settings
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
        body = problem_body(400, exc.detail, errors=exc.errors)
        body["type"] = exc.problem_type
        if exc.omitted:
            body["errors_omitted"] = exc.omitted
        return 400, body, {}
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


#: RFC 6749 §5.2: the error codes of a token endpoint. A DomainError names its own code in an
#: `oauth_error` class attribute; any other 400 is `invalid_request`.
OAUTH_INVALID_REQUEST = "invalid_request"
FORM = "application/x-www-form-urlencoded"


def oauth_error(exc: Exception) -> tuple[int, dict[str, str], dict[str, str]] | None:
    """(status, RFC 6749 error body, headers) for an error a token endpoint words the OAuth way:
    the client's own mistakes (400s and refused grants); None for the others (413, 415, 429,
    5xx), which stay problems."""
    code = getattr(exc, "oauth_error", None)
    status, problem, headers = _describe(exc)
    if code is None and status != 400:
        return None
    description = str(problem.get("detail") or problem.get("title") or "")
    if isinstance(exc, ValidationProblem):
        description = "; ".join(f"{e['field']}: {e['message']}" for e in exc.errors[:5])
    headers.pop("WWW-Authenticate", None)
    body = {"error": code or OAUTH_INVALID_REQUEST, "error_description": description}
    return 400, body, headers


def oauth_form_error_handler(operation_ids: frozenset[str], fallback: Any) -> Any:
    """Connexion error handler: RFC 6749 error bodies for a form-encoded request to one of
    `operation_ids` (an operation marked `x-oauth-errors: true`), `fallback` for the rest."""

    async def handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
        routing = request.scope.get("extensions", {}).get("connexion_routing", {})
        content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if routing.get("operation_id") in operation_ids and content_type == FORM:
            answer = oauth_error(exc)
            if answer is not None:
                return _json_answer(*answer)
        response: ConnexionResponse = await fallback(request, exc)
        return response

    return handler


async def send_problem(scope: Scope, receive: Receive, send: Send, exc: Exception) -> None:
    """Answers a problem directly from ASGI code that runs outside Connexion (the Conduit
    facade's paths in the facade's own error format)."""
    media_type = PROBLEM_JSON
    if str(scope.get("path", "")).startswith(CONDUIT_PREFIX + "/"):
        presented = any(key == b"authorization" for key, _ in scope.get("headers", ()))
        status, errors, headers = conduit_errors(exc, credentials_presented=presented)
        body, media_type = orjson.dumps(errors), "application/json"
    else:
        status, body, headers = render(exc, scope.get("path"))
    raw_headers = [
        (b"content-type", media_type.encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    raw_headers += [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in headers.items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


#: Where the RealWorld ("Conduit") facade is served: its answers, errors included, are its own.
CONDUIT_PREFIX = "/conduit/api"
#: The RealWorld error shape: {"errors": {"<field or resource>": ["message"]}}, which frontends
#: print as "<key> <message>". Conduit reports invalid input as 422.
CONDUIT_STATUS = {400: 422}
#: problem type -> (key, message) in the RealWorld wording, for the errors the facade can meet.
CONDUIT_KEYS = {
    "/problems/identity/email-taken": ("email", "has already been taken"),
    "/problems/blog/username-taken": ("username", "has already been taken"),
    "/problems/identity/invalid-credentials": ("credentials", "invalid"),
    "/problems/blog/post-not-found": ("article", "not found"),
    "/problems/blog/profile-not-found": ("profile", "not found"),
    "/problems/blog/comment-not-found": ("comment", "not found"),
    "/problems/blog/forbidden": ("article", "forbidden"),
    "/problems/conduit/comment-forbidden": ("comment", "forbidden"),
    "/problems/conduit/facade-login-required": (
        "token",
        "can't change email or password: sign in with /users/login first",
    ),
    "/problems/blog/self-follow": ("profile", "cannot follow yourself"),
    "/problems/blog/post-not-published": ("article", "is not published"),
}
#: Answers by status alone (the framework's, the edge's), as RealWorld backends word them.
CONDUIT_BY_STATUS = {
    403: ("resource", "forbidden"),
    404: ("resource", "not found"),
    413: ("body", "is too large (maximum is {max_body_bytes} bytes)"),
    415: ("body", "must be JSON (Content-Type: application/json)"),
    429: ("requests", "are too many; retry in {retry_after} seconds"),
}


def _field_key(field: str) -> str:
    """`body.user.email` -> `email`; `body.article.tagList.3` -> `tagList`; `query.limit` ->
    `limit`."""
    names = [part for part in field.split(".")[1:] if not part.isdigit()]
    return names[-1] if names else "body"


def conduit_errors(
    exc: Exception, *, credentials_presented: bool = True
) -> tuple[int, dict[str, Any], dict[str, str]]:
    """(status, body, headers) of an exception in the RealWorld error format.

    The key names the field or resource (a taken email, a missing article), else the fields a
    validation error names, else a key for the status. A 401 says whether a token was presented
    at all (`token: is missing`) or one was refused (`token: is invalid`).
    """
    status, problem, headers = _describe(exc)
    status = CONDUIT_STATUS.get(status, status)
    messages: dict[str, list[str]] = {}
    if problem.get("type") in CONDUIT_KEYS:
        key, message = CONDUIT_KEYS[problem["type"]]
        messages[key] = [message]
    elif problem.get("errors"):
        for error in problem["errors"]:
            listed = messages.setdefault(_field_key(str(error.get("field", "body"))), [])
            message = str(error.get("message", "is invalid"))
            if message not in listed:
                listed.append(message)
    elif status == 401:
        messages["token"] = ["is invalid" if credentials_presented else "is missing"]
    elif status in CONDUIT_BY_STATUS:
        key, message = CONDUIT_BY_STATUS[status]
        retry_after = headers.get("Retry-After", "a few")
        max_body_bytes = get_settings().max_body_bytes
        messages[key] = [message.format(retry_after=retry_after, max_body_bytes=max_body_bytes)]
    else:
        messages["body"] = [str(problem.get("detail") or "is invalid")]
    headers.pop("WWW-Authenticate", None)
    if status == 401:
        headers["WWW-Authenticate"] = 'Token realm="conduit"'
    return status, {"errors": messages}, headers


async def conduit_error_handler(request: ConnexionRequest, exc: Exception) -> ConnexionResponse:
    return _json_answer(
        *conduit_errors(exc, credentials_presented="authorization" in request.headers)
    )


def _json_answer(status: int, body: Any, headers: dict[str, str]) -> ConnexionResponse:
    """An error answered in another contract's JSON shape (RealWorld, RFC 6749), not a problem."""
    return ConnexionResponse(
        status_code=status,
        body=orjson.dumps(body),
        headers=headers,
        mimetype="application/json",
        content_type="application/json",
    )
