from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.user import User
from ...models.user_create import UserCreate
from typing import cast



def _get_kwargs(
    *,
    body: UserCreate,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/users",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | User | None:
    if response.status_code == 201:
        response_201 = User.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | User]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: UserCreate,

) -> Response[Problem | User]:
    """ Sign up

     Creates an account with the USER role and mails it a verification code (see `POST /identity/email-
    verification-confirmations`); until it is confirmed the account's `email_verified` is false, and
    IDENTITY_UNVERIFIED_ACCOUNTS decides what it may do (by default everything). Emails are unique case-
    insensitively. Sign-ups are limited per client address (SIGNUP_LIMIT_PER_ADDRESS, 10 a minute by
    default, counted with the Conduit facade's): past it, 429 with `Retry-After`.

    Args:
        body (UserCreate):  Example: {'email': 'ada@example.com', 'password': 'correct horse
            battery staple', 'display_name': 'Ada Lovelace'}.

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
    client: AuthenticatedClient | Client,
    body: UserCreate,

) -> Problem | User | None:
    """ Sign up

     Creates an account with the USER role and mails it a verification code (see `POST /identity/email-
    verification-confirmations`); until it is confirmed the account's `email_verified` is false, and
    IDENTITY_UNVERIFIED_ACCOUNTS decides what it may do (by default everything). Emails are unique case-
    insensitively. Sign-ups are limited per client address (SIGNUP_LIMIT_PER_ADDRESS, 10 a minute by
    default, counted with the Conduit facade's): past it, 429 with `Retry-After`.

    Args:
        body (UserCreate):  Example: {'email': 'ada@example.com', 'password': 'correct horse
            battery staple', 'display_name': 'Ada Lovelace'}.

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
    client: AuthenticatedClient | Client,
    body: UserCreate,

) -> Response[Problem | User]:
    """ Sign up

     Creates an account with the USER role and mails it a verification code (see `POST /identity/email-
    verification-confirmations`); until it is confirmed the account's `email_verified` is false, and
    IDENTITY_UNVERIFIED_ACCOUNTS decides what it may do (by default everything). Emails are unique case-
    insensitively. Sign-ups are limited per client address (SIGNUP_LIMIT_PER_ADDRESS, 10 a minute by
    default, counted with the Conduit facade's): past it, 429 with `Retry-After`.

    Args:
        body (UserCreate):  Example: {'email': 'ada@example.com', 'password': 'correct horse
            battery staple', 'display_name': 'Ada Lovelace'}.

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
    client: AuthenticatedClient | Client,
    body: UserCreate,

) -> Problem | User | None:
    """ Sign up

     Creates an account with the USER role and mails it a verification code (see `POST /identity/email-
    verification-confirmations`); until it is confirmed the account's `email_verified` is false, and
    IDENTITY_UNVERIFIED_ACCOUNTS decides what it may do (by default everything). Emails are unique case-
    insensitively. Sign-ups are limited per client address (SIGNUP_LIMIT_PER_ADDRESS, 10 a minute by
    default, counted with the Conduit facade's): past it, 429 with `Retry-After`.

    Args:
        body (UserCreate):  Example: {'email': 'ada@example.com', 'password': 'correct horse
            battery staple', 'display_name': 'Ada Lovelace'}.

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
