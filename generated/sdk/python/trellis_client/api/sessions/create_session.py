from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.session_created import SessionCreated
from ...models.session_login import SessionLogin
from typing import cast



def _get_kwargs(
    *,
    body: SessionLogin,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | SessionCreated | None:
    if response.status_code == 201:
        response_201 = SessionCreated.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | SessionCreated]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionLogin,

) -> Response[Problem | SessionCreated]:
    """ Log in with a session cookie

     Checks email and password (throttled like `POST /identity/tokens`) and starts a browser session:
    sets `trellis_session` (opaque id; HttpOnly, Secure, SameSite=Lax, Path=/) and `trellis_csrf`
    (readable by scripts, same attributes otherwise). A session cookie already sent with this request is
    revoked: the id is always new (no fixation). The session ends after 30 minutes without use or 12
    hours after login, whichever comes first.

    Args:
        body (SessionLogin):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SessionCreated]
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
    body: SessionLogin,

) -> Problem | SessionCreated | None:
    """ Log in with a session cookie

     Checks email and password (throttled like `POST /identity/tokens`) and starts a browser session:
    sets `trellis_session` (opaque id; HttpOnly, Secure, SameSite=Lax, Path=/) and `trellis_csrf`
    (readable by scripts, same attributes otherwise). A session cookie already sent with this request is
    revoked: the id is always new (no fixation). The session ends after 30 minutes without use or 12
    hours after login, whichever comes first.

    Args:
        body (SessionLogin):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SessionCreated
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SessionLogin,

) -> Response[Problem | SessionCreated]:
    """ Log in with a session cookie

     Checks email and password (throttled like `POST /identity/tokens`) and starts a browser session:
    sets `trellis_session` (opaque id; HttpOnly, Secure, SameSite=Lax, Path=/) and `trellis_csrf`
    (readable by scripts, same attributes otherwise). A session cookie already sent with this request is
    revoked: the id is always new (no fixation). The session ends after 30 minutes without use or 12
    hours after login, whichever comes first.

    Args:
        body (SessionLogin):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | SessionCreated]
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
    body: SessionLogin,

) -> Problem | SessionCreated | None:
    """ Log in with a session cookie

     Checks email and password (throttled like `POST /identity/tokens`) and starts a browser session:
    sets `trellis_session` (opaque id; HttpOnly, Secure, SameSite=Lax, Path=/) and `trellis_csrf`
    (readable by scripts, same attributes otherwise). A session cookie already sent with this request is
    revoked: the id is always new (no fixation). The session ends after 30 minutes without use or 12
    hours after login, whichever comes first.

    Args:
        body (SessionLogin):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | SessionCreated
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
