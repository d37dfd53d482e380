from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.account import Account
from ...models.account_invitation import AccountInvitation
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: AccountInvitation,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/admin/users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Account | Problem | None:
    if response.status_code == 201:
        response_201 = Account.from_dict(response.json())



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

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Account | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: AccountInvitation,

) -> Response[Account | Problem]:
    """ Invite a user by email (admin)

     Creates an account without a usable password and mails its owner an invitation: a one-use code,
    valid 7 days by default (IDENTITY_INVITATION_TTL_SECONDS), with which they choose a password at
    `POST /identity/password-reset-confirmations` (which also verifies the email). Until then the
    account cannot log in with a password. The invitation is in the audit trail and in the account's
    security log (INVITED).

    Args:
        body (AccountInvitation):  Example: {'email': 'grace@example.com', 'display_name': 'Grace
            Hopper'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Problem]
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
    body: AccountInvitation,

) -> Account | Problem | None:
    """ Invite a user by email (admin)

     Creates an account without a usable password and mails its owner an invitation: a one-use code,
    valid 7 days by default (IDENTITY_INVITATION_TTL_SECONDS), with which they choose a password at
    `POST /identity/password-reset-confirmations` (which also verifies the email). Until then the
    account cannot log in with a password. The invitation is in the audit trail and in the account's
    security log (INVITED).

    Args:
        body (AccountInvitation):  Example: {'email': 'grace@example.com', 'display_name': 'Grace
            Hopper'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Problem
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: AccountInvitation,

) -> Response[Account | Problem]:
    """ Invite a user by email (admin)

     Creates an account without a usable password and mails its owner an invitation: a one-use code,
    valid 7 days by default (IDENTITY_INVITATION_TTL_SECONDS), with which they choose a password at
    `POST /identity/password-reset-confirmations` (which also verifies the email). Until then the
    account cannot log in with a password. The invitation is in the audit trail and in the account's
    security log (INVITED).

    Args:
        body (AccountInvitation):  Example: {'email': 'grace@example.com', 'display_name': 'Grace
            Hopper'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Account | Problem]
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
    body: AccountInvitation,

) -> Account | Problem | None:
    """ Invite a user by email (admin)

     Creates an account without a usable password and mails its owner an invitation: a one-use code,
    valid 7 days by default (IDENTITY_INVITATION_TTL_SECONDS), with which they choose a password at
    `POST /identity/password-reset-confirmations` (which also verifies the email). Until then the
    account cannot log in with a password. The invitation is in the audit trail and in the account's
    security log (INVITED).

    Args:
        body (AccountInvitation):  Example: {'email': 'grace@example.com', 'display_name': 'Grace
            Hopper'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Account | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
