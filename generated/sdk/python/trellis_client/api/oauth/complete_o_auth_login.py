from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.login_code_exchange import LoginCodeExchange
from ...models.problem import Problem
from ...models.session_created import SessionCreated
from ...models.token_pair import TokenPair
from typing import cast



def _get_kwargs(
    *,
    body: LoginCodeExchange,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/oauth/logins",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SessionCreated | TokenPair | None:
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = SessionCreated.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SessionCreated | TokenPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginCodeExchange,

) -> Response[Problem | SessionCreated | TokenPair]:
    """ Exchange a one-time login code

     Completes a provider login that `GET /oauth/callback` handed to the front end
    (`OAUTH_FRONTEND_URL`): the one-time `login_code` from the redirect's fragment answers our token
    pair (200) or starts a cookie session (201), as chosen when the login started. A code works once,
    for 60 seconds, and only from the browser that started the login (the `__Host-trellis_oauth` cookie
    goes with the request: same site, `credentials: "include"` from another origin of it); it is stored
    only as SHA-256. Any refusal uses the code up.

    Args:
        body (LoginCodeExchange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SessionCreated | TokenPair]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient | Client,
    body: LoginCodeExchange,

) -> Problem | SessionCreated | TokenPair | None:
    """ Exchange a one-time login code

     Completes a provider login that `GET /oauth/callback` handed to the front end
    (`OAUTH_FRONTEND_URL`): the one-time `login_code` from the redirect's fragment answers our token
    pair (200) or starts a cookie session (201), as chosen when the login started. A code works once,
    for 60 seconds, and only from the browser that started the login (the `__Host-trellis_oauth` cookie
    goes with the request: same site, `credentials: "include"` from another origin of it); it is stored
    only as SHA-256. Any refusal uses the code up.

    Args:
        body (LoginCodeExchange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SessionCreated | TokenPair
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: LoginCodeExchange,

) -> Response[Problem | SessionCreated | TokenPair]:
    """ Exchange a one-time login code

     Completes a provider login that `GET /oauth/callback` handed to the front end
    (`OAUTH_FRONTEND_URL`): the one-time `login_code` from the redirect's fragment answers our token
    pair (200) or starts a cookie session (201), as chosen when the login started. A code works once,
    for 60 seconds, and only from the browser that started the login (the `__Host-trellis_oauth` cookie
    goes with the request: same site, `credentials: "include"` from another origin of it); it is stored
    only as SHA-256. Any refusal uses the code up.

    Args:
        body (LoginCodeExchange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SessionCreated | TokenPair]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: LoginCodeExchange,

) -> Problem | SessionCreated | TokenPair | None:
    """ Exchange a one-time login code

     Completes a provider login that `GET /oauth/callback` handed to the front end
    (`OAUTH_FRONTEND_URL`): the one-time `login_code` from the redirect's fragment answers our token
    pair (200) or starts a cookie session (201), as chosen when the login started. A code works once,
    for 60 seconds, and only from the browser that started the login (the `__Host-trellis_oauth` cookie
    goes with the request: same site, `credentials: "include"` from another origin of it); it is stored
    only as SHA-256. Any refusal uses the code up.

    Args:
        body (LoginCodeExchange):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SessionCreated | TokenPair
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
