from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.token_revocation import TokenRevocation
from typing import cast



def _get_kwargs(
    *,
    body: TokenRevocation,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/token-revocations",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 204:
        response_204 = cast(Any, None)
        return response_204

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRevocation,

) -> Response[Any | Problem]:
    """ Log out

     Revokes the login the refresh token belongs to (every token rotated from it), or with `everywhere:
    true` every login of that user. Unknown or already revoked tokens are accepted silently, so logging
    out twice is harmless.

    Args:
        body (TokenRevocation): Log out. Revokes the refresh token's login, or every login of its
            user. Example: {'refresh_token': 'rt_9yQx3nV2kP0sL8aB1cD4eF6gH7iJ5kL3mN0oP2qR4sT',
            'everywhere': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: TokenRevocation,

) -> Any | Problem | None:
    """ Log out

     Revokes the login the refresh token belongs to (every token rotated from it), or with `everywhere:
    true` every login of that user. Unknown or already revoked tokens are accepted silently, so logging
    out twice is harmless.

    Args:
        body (TokenRevocation): Log out. Revokes the refresh token's login, or every login of its
            user. Example: {'refresh_token': 'rt_9yQx3nV2kP0sL8aB1cD4eF6gH7iJ5kL3mN0oP2qR4sT',
            'everywhere': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: TokenRevocation,

) -> Response[Any | Problem]:
    """ Log out

     Revokes the login the refresh token belongs to (every token rotated from it), or with `everywhere:
    true` every login of that user. Unknown or already revoked tokens are accepted silently, so logging
    out twice is harmless.

    Args:
        body (TokenRevocation): Log out. Revokes the refresh token's login, or every login of its
            user. Example: {'refresh_token': 'rt_9yQx3nV2kP0sL8aB1cD4eF6gH7iJ5kL3mN0oP2qR4sT',
            'everywhere': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Problem]
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
    body: TokenRevocation,

) -> Any | Problem | None:
    """ Log out

     Revokes the login the refresh token belongs to (every token rotated from it), or with `everywhere:
    true` every login of that user. Unknown or already revoked tokens are accepted silently, so logging
    out twice is harmless.

    Args:
        body (TokenRevocation): Log out. Revokes the refresh token's login, or every login of its
            user. Example: {'refresh_token': 'rt_9yQx3nV2kP0sL8aB1cD4eF6gH7iJ5kL3mN0oP2qR4sT',
            'everywhere': False}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
