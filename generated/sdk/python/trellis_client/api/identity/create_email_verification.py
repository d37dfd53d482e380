from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.email_request import EmailRequest
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    *,
    body: EmailRequest,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/identity/email-verifications",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Problem | None:
    if response.status_code == 202:
        response_202 = cast(Any, None)
        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

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
    body: EmailRequest,

) -> Response[Any | Problem]:
    """ Mail a new email-verification code

     Mails a new verification code to the account with this email, if there is an enabled one whose email
    is not verified yet (sign-up mails the first one). Answers 202 either way, so it never tells who has
    an account. Limited like password resets.

    Args:
        body (EmailRequest):  Example: {'email': 'ada@example.com'}.

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
    body: EmailRequest,

) -> Any | Problem | None:
    """ Mail a new email-verification code

     Mails a new verification code to the account with this email, if there is an enabled one whose email
    is not verified yet (sign-up mails the first one). Answers 202 either way, so it never tells who has
    an account. Limited like password resets.

    Args:
        body (EmailRequest):  Example: {'email': 'ada@example.com'}.

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
    body: EmailRequest,

) -> Response[Any | Problem]:
    """ Mail a new email-verification code

     Mails a new verification code to the account with this email, if there is an enabled one whose email
    is not verified yet (sign-up mails the first one). Answers 202 either way, so it never tells who has
    an account. Limited like password resets.

    Args:
        body (EmailRequest):  Example: {'email': 'ada@example.com'}.

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
    body: EmailRequest,

) -> Any | Problem | None:
    """ Mail a new email-verification code

     Mails a new verification code to the account with this email, if there is an enabled one whose email
    is not verified yet (sign-up mails the first one). Answers 202 either way, so it never tells who has
    an account. Limited like password resets.

    Args:
        body (EmailRequest):  Example: {'email': 'ada@example.com'}.

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
