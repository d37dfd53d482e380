"""Authentication: from the credentials a request carries to the `Credential` handlers act for.

    Connexion's security step (which schemes an operation accepts: its `security` in the spec)
      └─► a scheme adapter of this module (Connexion's `security_map`: BearerScheme, ApiKeyScheme)
            finds the credential (Authorization header, X-API-Key header, session cookie) and
            reads what the rules about it need into a value object (core.credentials):
            `Presented`, or `PresentedCookie` for a cookie (an ambient credential: CSRF rules
            need Origin, Referer and the CSRF pair)
            └─► the info function the spec names (`x-bearerInfoFunc`, `x-apikeyInfoFunc`), a plain
                service function over that value object, run in a worker thread (it reads the
                database), or awaited on the loop when it is async (it hops to a thread itself
                when it must: the access-token checks, which may answer from a cache): a
                `Credential`, None (not valid: 401), or an exception (403, 429)
      └─► `verify_every_credential`: every credential the request presents must be valid

Services never see a request: everything they decide on is in the value object. What a check
wants on the answer (RateLimit-* headers of an API key, the cookies of a rotated session) comes
back in `Credential.response_headers` and is added with core.context.add_response_header.

Stock Connexion accepts a request as soon as one credential is valid, even when it also presents
an invalid one (a bad bearer token beside a good session cookie). Trellis checks every credential
presented and refuses the request if any of them is bad, so a client never silently acts as
someone other than it believes. The first valid credential, in the operation's `security` order,
is the one the request acts with.
"""

from __future__ import annotations

import inspect
from collections.abc import Awaitable, Callable
from typing import Any

import anyio.to_thread
from connexion.lifecycle import ConnexionRequest
from connexion.security import NO_VALUE, AbstractSecurityHandler
from connexion.utils import get_function_from_name

from core.context import add_response_header
from core.credentials import CSRF_COOKIE, CSRF_HEADER, Credential, Presented, PresentedCookie
from core.errors import Unauthorized

Verifier = Callable[[ConnexionRequest], Awaitable[Any]]


def _client_address(request: ConnexionRequest) -> str:
    client = request.scope.get("client")
    return str(client[0]) if client else "unknown"


def _checker(name: str) -> Callable[[Presented], Awaitable[Credential]]:
    """Calls the info function named in the spec (a sync one in a worker thread): None is 401."""
    function: Callable[[Presented], Any] = get_function_from_name(name)
    is_async = inspect.iscoroutinefunction(function)

    async def check(presented: Presented) -> Credential:
        credential: Credential | None
        if is_async:
            credential = await function(presented)
        else:
            credential = await anyio.to_thread.run_sync(function, presented)
        if credential is None:
            raise Unauthorized()
        for header, value in credential.response_headers:
            add_response_header(header, value)
        return credential

    return check


class BearerScheme:
    """`type: http, scheme: bearer`: `Authorization: Bearer <token>` to `x-bearerInfoFunc`."""

    def get_fn(self, security_scheme: dict[str, Any], required_scopes: list[str]) -> Verifier:
        check = _checker(security_scheme["x-bearerInfoFunc"])

        async def verify(request: ConnexionRequest) -> Any:
            kind, token = AbstractSecurityHandler.get_auth_header_value(request)
            if kind != "bearer":
                return NO_VALUE
            return await check(Presented(token, request.method, _client_address(request)))

        return verify


class ApiKeyScheme:
    """`type: apiKey` in a header or a cookie, to `x-apikeyInfoFunc`."""

    def get_fn(self, security_scheme: dict[str, Any], required_scopes: list[str]) -> Verifier:
        check = _checker(security_scheme["x-apikeyInfoFunc"])
        location, name = security_scheme["in"], security_scheme["name"]
        if location not in ("header", "cookie"):
            # A credential in the query string ends up in logs and browser history.
            raise NotImplementedError(f"API keys in the {location} are not supported.")

        async def verify(request: ConnexionRequest) -> Any:
            if location == "header":
                value = request.headers.get(name)
                if value is None:
                    return NO_VALUE
                return await check(Presented(value, request.method, _client_address(request)))
            # Starlette's lenient parser, as browsers read cookies: the stdlib one Connexion uses
            # raises on a name with `@` or `,` anywhere in the header (a 500, found by fuzzing).
            value = request.cookies.get(name)
            if value is None:
                return NO_VALUE
            return await check(
                PresentedCookie(
                    value,
                    request.method,
                    _client_address(request),
                    csrf_header=request.headers.get(CSRF_HEADER),
                    csrf_cookie=request.cookies.get(CSRF_COOKIE),
                    origin=request.headers.get("origin"),
                    referer=request.headers.get("referer"),
                    scheme=request.url.scheme,
                    host=request.headers.get("host", ""),
                )
            )

        return verify


#: Connexion's `security_map`: the adapters above for the scheme types Trellis uses.
SECURITY_MAP: dict[str, type] = {"bearer": BearerScheme, "apiKey": ApiKeyScheme}


def verify_every_credential(verifiers: list[Verifier]) -> Verifier:
    """The check of one operation's `security` (a list of alternatives): every credential the
    request presents must be valid, and the first valid one is the request's `token_info`.

    Refusals rank as Connexion ranks them: 403 (a valid credential without the right) before 401,
    else the lowest status (429 before 5xx).
    """

    async def verify(request: ConnexionRequest) -> None:
        accepted: Any = NO_VALUE
        errors: list[Exception] = []
        for verifier in verifiers:
            try:
                info = await _awaited(verifier(request))
            except Exception as error:  # every refusal is ranked below
                errors.append(error)
                continue
            if info is not NO_VALUE and accepted is NO_VALUE:
                accepted = info
        authorization = request.headers.get("authorization")
        if authorization is not None and not authorization.lower().startswith(
            ("bearer ", "token ")  # Token: the Conduit facade's scheme
        ):
            # Connexion skips an Authorization header of another scheme; it is still a
            # credential the client meant to use, and it is not one Trellis accepts.
            errors.append(Unauthorized())
        if errors:
            raise _most_specific(errors)
        if accepted is NO_VALUE:
            raise Unauthorized()
        # An operation open to anonymous callers (`- {}` in its security) accepts "nobody": {}.
        credential = accepted if isinstance(accepted, Credential) else None
        request.context.update(
            {
                "user": str(credential.user_id) if credential else None,
                "token_info": credential,
            }
        )

    return verify


async def _awaited(value: Any) -> Any:
    while inspect.isawaitable(value):
        value = await value
    return value


def _most_specific(errors: list[Exception]) -> Exception:
    by_status = {int(getattr(e, "status", getattr(e, "status_code", 600))): e for e in errors}
    for status in (403, 401):
        if status in by_status:
            return by_status[status]
    return by_status[min(by_status)]
