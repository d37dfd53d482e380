from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.user import User
from ...models.user_update import UserUpdate
from typing import cast



def _get_kwargs(
    *,
    body: UserUpdate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/identity/users/me",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | User | None:
    if response.status_code == 200:
        response_200 = User.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | User]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: UserUpdate,

) -> Response[Problem | User]:
    """ Update my account

     Changes the display name and/or the password. A password change needs `current_password` and ends
    every login made before it: refresh tokens are revoked, and access tokens and session cookies issued
    before the change are refused from then on (the one making the change too; log in again with the new
    password). API keys cannot change the account: this needs a bearer token or a session, and keys stay
    valid (revoke them separately).

    Args:
        body (UserUpdate): Change your display name, or your password (give `current_password`
            too). Example: {'display_name': 'Ada King'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | User]
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
    client: AuthenticatedClient,
    body: UserUpdate,

) -> Problem | User | None:
    """ Update my account

     Changes the display name and/or the password. A password change needs `current_password` and ends
    every login made before it: refresh tokens are revoked, and access tokens and session cookies issued
    before the change are refused from then on (the one making the change too; log in again with the new
    password). API keys cannot change the account: this needs a bearer token or a session, and keys stay
    valid (revoke them separately).

    Args:
        body (UserUpdate): Change your display name, or your password (give `current_password`
            too). Example: {'display_name': 'Ada King'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | User
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: UserUpdate,

) -> Response[Problem | User]:
    """ Update my account

     Changes the display name and/or the password. A password change needs `current_password` and ends
    every login made before it: refresh tokens are revoked, and access tokens and session cookies issued
    before the change are refused from then on (the one making the change too; log in again with the new
    password). API keys cannot change the account: this needs a bearer token or a session, and keys stay
    valid (revoke them separately).

    Args:
        body (UserUpdate): Change your display name, or your password (give `current_password`
            too). Example: {'display_name': 'Ada King'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | User]
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
    client: AuthenticatedClient,
    body: UserUpdate,

) -> Problem | User | None:
    """ Update my account

     Changes the display name and/or the password. A password change needs `current_password` and ends
    every login made before it: refresh tokens are revoked, and access tokens and session cookies issued
    before the change are refused from then on (the one making the change too; log in again with the new
    password). API keys cannot change the account: this needs a bearer token or a session, and keys stay
    valid (revoke them separately).

    Args:
        body (UserUpdate): Change your display name, or your password (give `current_password`
            too). Example: {'display_name': 'Ada King'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | User
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
