from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.password_grant import PasswordGrant
from ...models.problem import Problem
from ...models.refresh_grant import RefreshGrant
from ...models.token_pair import TokenPair
from typing import cast



def _get_kwargs(
    *,
    body: PasswordGrant | RefreshGrant,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/tokens",
    }

    
    if isinstance(body, PasswordGrant):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = body.to_dict()


    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TokenPair | None:
    if response.status_code == 200:
        response_200 = TokenPair.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TokenPair]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordGrant | RefreshGrant,

) -> Response[Problem | TokenPair]:
    """ Log in or refresh

     With `grant_type: PASSWORD`, checks email and password and starts a login. With `grant_type:
    REFRESH_TOKEN`, rotates a refresh token: the presented token stops working and a new pair is
    returned. Presenting an already rotated refresh token is treated as theft and revokes the whole
    login. Failed password attempts are throttled per account and per client address.

    Standard OAuth 2.0 clients may send the same request form-encoded, in RFC 6749's words
    (`grant_type=password` with `username` and `password`, or `grant_type=refresh_token` with
    `refresh_token`). Errors of a form-encoded request answer RFC 6749 §5.2 bodies (`400` with
    `invalid_request`, `invalid_grant` or `unsupported_grant_type`) instead of problems; a JSON request
    is answered exactly as before. Every answer carries `Cache-Control: no-store`.

    Args:
        body (PasswordGrant | RefreshGrant):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenPair]
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
    body: PasswordGrant | RefreshGrant,

) -> Problem | TokenPair | None:
    """ Log in or refresh

     With `grant_type: PASSWORD`, checks email and password and starts a login. With `grant_type:
    REFRESH_TOKEN`, rotates a refresh token: the presented token stops working and a new pair is
    returned. Presenting an already rotated refresh token is treated as theft and revokes the whole
    login. Failed password attempts are throttled per account and per client address.

    Standard OAuth 2.0 clients may send the same request form-encoded, in RFC 6749's words
    (`grant_type=password` with `username` and `password`, or `grant_type=refresh_token` with
    `refresh_token`). Errors of a form-encoded request answer RFC 6749 §5.2 bodies (`400` with
    `invalid_request`, `invalid_grant` or `unsupported_grant_type`) instead of problems; a JSON request
    is answered exactly as before. Every answer carries `Cache-Control: no-store`.

    Args:
        body (PasswordGrant | RefreshGrant):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenPair
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: PasswordGrant | RefreshGrant,

) -> Response[Problem | TokenPair]:
    """ Log in or refresh

     With `grant_type: PASSWORD`, checks email and password and starts a login. With `grant_type:
    REFRESH_TOKEN`, rotates a refresh token: the presented token stops working and a new pair is
    returned. Presenting an already rotated refresh token is treated as theft and revokes the whole
    login. Failed password attempts are throttled per account and per client address.

    Standard OAuth 2.0 clients may send the same request form-encoded, in RFC 6749's words
    (`grant_type=password` with `username` and `password`, or `grant_type=refresh_token` with
    `refresh_token`). Errors of a form-encoded request answer RFC 6749 §5.2 bodies (`400` with
    `invalid_request`, `invalid_grant` or `unsupported_grant_type`) instead of problems; a JSON request
    is answered exactly as before. Every answer carries `Cache-Control: no-store`.

    Args:
        body (PasswordGrant | RefreshGrant):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TokenPair]
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
    body: PasswordGrant | RefreshGrant,

) -> Problem | TokenPair | None:
    """ Log in or refresh

     With `grant_type: PASSWORD`, checks email and password and starts a login. With `grant_type:
    REFRESH_TOKEN`, rotates a refresh token: the presented token stops working and a new pair is
    returned. Presenting an already rotated refresh token is treated as theft and revokes the whole
    login. Failed password attempts are throttled per account and per client address.

    Standard OAuth 2.0 clients may send the same request form-encoded, in RFC 6749's words
    (`grant_type=password` with `username` and `password`, or `grant_type=refresh_token` with
    `refresh_token`). Errors of a form-encoded request answer RFC 6749 §5.2 bodies (`400` with
    `invalid_request`, `invalid_grant` or `unsupported_grant_type`) instead of problems; a JSON request
    is answered exactly as before. Every answer carries `Cache-Control: no-store`.

    Args:
        body (PasswordGrant | RefreshGrant):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TokenPair
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
