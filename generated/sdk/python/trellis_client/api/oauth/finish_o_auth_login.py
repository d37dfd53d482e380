from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.session_created import SessionCreated
from ...models.token_pair import TokenPair
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    state: str,
    code: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    authuser: str | Unset = UNSET,
    prompt: str | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    params["state"] = state

    params["code"] = code

    params["error"] = error

    params["error_description"] = error_description

    params["iss"] = iss

    params["scope"] = scope

    params["authuser"] = authuser

    params["prompt"] = prompt


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/oauth/callback",
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | SessionCreated | TokenPair | None:
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = SessionCreated.from_dict(response.json())



        return response_201

    if response.status_code == 303:
        response_303 = cast(Any, None)
        return response_303

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem | SessionCreated | TokenPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: str,
    code: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    authuser: str | Unset = UNSET,
    prompt: str | Unset = UNSET,

) -> Response[Any | Problem | SessionCreated | TokenPair]:
    """ Finish a login with the identity provider

     Redeems the provider's answer: the `state` must name a pending login of this server (single use, 10
    minutes) started by this browser, which must present the `__Host-trellis_oauth` cookie set with that
    login's redirect (login CSRF, RFC 9700 §4.7); the code is exchanged with the PKCE verifier and the
    client secret; the ID token's signature (provider JWKS), issuer, audience, expiry and nonce are
    checked. The provider account then signs in as the local account it is linked to; on its first login
    it is linked to the account with the same email only if the provider says the email is verified, and
    an account without a password is created when no account has that email. Without
    `OAUTH_FRONTEND_URL`, answers our token pair (200) or starts a cookie session (201), as chosen when
    the login started, and clears the binding cookie. With it, redirects (303) to the front end with a
    one-time `login_code` in the URL fragment (never a token), which the front end exchanges at `POST
    /oauth/logins` from the same browser within 60 seconds. Every refusal uses the state up.

    Args:
        state (str):
        code (str | Unset):
        error (str | Unset):
        error_description (str | Unset):
        iss (str | Unset):
        scope (str | Unset):
        authuser (str | Unset):
        prompt (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SessionCreated | TokenPair]
     """


    kwargs = _get_kwargs(
        state=state,
code=code,
error=error,
error_description=error_description,
iss=iss,
scope=scope,
authuser=authuser,
prompt=prompt,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    state: str,
    code: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    authuser: str | Unset = UNSET,
    prompt: str | Unset = UNSET,

) -> Any | Problem | SessionCreated | TokenPair | None:
    """ Finish a login with the identity provider

     Redeems the provider's answer: the `state` must name a pending login of this server (single use, 10
    minutes) started by this browser, which must present the `__Host-trellis_oauth` cookie set with that
    login's redirect (login CSRF, RFC 9700 §4.7); the code is exchanged with the PKCE verifier and the
    client secret; the ID token's signature (provider JWKS), issuer, audience, expiry and nonce are
    checked. The provider account then signs in as the local account it is linked to; on its first login
    it is linked to the account with the same email only if the provider says the email is verified, and
    an account without a password is created when no account has that email. Without
    `OAUTH_FRONTEND_URL`, answers our token pair (200) or starts a cookie session (201), as chosen when
    the login started, and clears the binding cookie. With it, redirects (303) to the front end with a
    one-time `login_code` in the URL fragment (never a token), which the front end exchanges at `POST
    /oauth/logins` from the same browser within 60 seconds. Every refusal uses the state up.

    Args:
        state (str):
        code (str | Unset):
        error (str | Unset):
        error_description (str | Unset):
        iss (str | Unset):
        scope (str | Unset):
        authuser (str | Unset):
        prompt (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SessionCreated | TokenPair
     """


    return sync_detailed(
        client=client,
state=state,
code=code,
error=error,
error_description=error_description,
iss=iss,
scope=scope,
authuser=authuser,
prompt=prompt,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    state: str,
    code: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    authuser: str | Unset = UNSET,
    prompt: str | Unset = UNSET,

) -> Response[Any | Problem | SessionCreated | TokenPair]:
    """ Finish a login with the identity provider

     Redeems the provider's answer: the `state` must name a pending login of this server (single use, 10
    minutes) started by this browser, which must present the `__Host-trellis_oauth` cookie set with that
    login's redirect (login CSRF, RFC 9700 §4.7); the code is exchanged with the PKCE verifier and the
    client secret; the ID token's signature (provider JWKS), issuer, audience, expiry and nonce are
    checked. The provider account then signs in as the local account it is linked to; on its first login
    it is linked to the account with the same email only if the provider says the email is verified, and
    an account without a password is created when no account has that email. Without
    `OAUTH_FRONTEND_URL`, answers our token pair (200) or starts a cookie session (201), as chosen when
    the login started, and clears the binding cookie. With it, redirects (303) to the front end with a
    one-time `login_code` in the URL fragment (never a token), which the front end exchanges at `POST
    /oauth/logins` from the same browser within 60 seconds. Every refusal uses the state up.

    Args:
        state (str):
        code (str | Unset):
        error (str | Unset):
        error_description (str | Unset):
        iss (str | Unset):
        scope (str | Unset):
        authuser (str | Unset):
        prompt (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem | SessionCreated | TokenPair]
     """


    kwargs = _get_kwargs(
        state=state,
code=code,
error=error,
error_description=error_description,
iss=iss,
scope=scope,
authuser=authuser,
prompt=prompt,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    state: str,
    code: str | Unset = UNSET,
    error: str | Unset = UNSET,
    error_description: str | Unset = UNSET,
    iss: str | Unset = UNSET,
    scope: str | Unset = UNSET,
    authuser: str | Unset = UNSET,
    prompt: str | Unset = UNSET,

) -> Any | Problem | SessionCreated | TokenPair | None:
    """ Finish a login with the identity provider

     Redeems the provider's answer: the `state` must name a pending login of this server (single use, 10
    minutes) started by this browser, which must present the `__Host-trellis_oauth` cookie set with that
    login's redirect (login CSRF, RFC 9700 §4.7); the code is exchanged with the PKCE verifier and the
    client secret; the ID token's signature (provider JWKS), issuer, audience, expiry and nonce are
    checked. The provider account then signs in as the local account it is linked to; on its first login
    it is linked to the account with the same email only if the provider says the email is verified, and
    an account without a password is created when no account has that email. Without
    `OAUTH_FRONTEND_URL`, answers our token pair (200) or starts a cookie session (201), as chosen when
    the login started, and clears the binding cookie. With it, redirects (303) to the front end with a
    one-time `login_code` in the URL fragment (never a token), which the front end exchanges at `POST
    /oauth/logins` from the same browser within 60 seconds. Every refusal uses the state up.

    Args:
        state (str):
        code (str | Unset):
        error (str | Unset):
        error_description (str | Unset):
        iss (str | Unset):
        scope (str | Unset):
        authuser (str | Unset):
        prompt (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem | SessionCreated | TokenPair
     """


    return (await asyncio_detailed(
        client=client,
state=state,
code=code,
error=error,
error_description=error_description,
iss=iss,
scope=scope,
authuser=authuser,
prompt=prompt,

    )).parsed
