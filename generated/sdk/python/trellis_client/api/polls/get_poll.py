from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.polls_poll import PollsPoll
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    poll_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/polls/{poll_id}".format(poll_id=quote(str(poll_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PollsPoll | Problem | None:
    if response.status_code == 200:
        response_200 = PollsPoll.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PollsPoll | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[PollsPoll | Problem]:
    """ Read a poll

     Any poll by its id: polls are shared by link, and anyone holding the id may read it (credentials
    optional). The results come with it when they are visible to you: always for the owner, otherwise
    when `results_visibility` is ALWAYS or the poll is closed. The ETag is the poll's version (its
    edits, not its votes).

    Args:
        poll_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PollsPoll | Problem]
     """


    kwargs = _get_kwargs(
        poll_id=poll_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,

) -> PollsPoll | Problem | None:
    """ Read a poll

     Any poll by its id: polls are shared by link, and anyone holding the id may read it (credentials
    optional). The results come with it when they are visible to you: always for the owner, otherwise
    when `results_visibility` is ALWAYS or the poll is closed. The ETag is the poll's version (its
    edits, not its votes).

    Args:
        poll_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PollsPoll | Problem
     """


    return sync_detailed(
        poll_id=poll_id,
client=client,

    ).parsed

async def asyncio_detailed(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[PollsPoll | Problem]:
    """ Read a poll

     Any poll by its id: polls are shared by link, and anyone holding the id may read it (credentials
    optional). The results come with it when they are visible to you: always for the owner, otherwise
    when `results_visibility` is ALWAYS or the poll is closed. The ETag is the poll's version (its
    edits, not its votes).

    Args:
        poll_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PollsPoll | Problem]
     """


    kwargs = _get_kwargs(
        poll_id=poll_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    poll_id: UUID,
    *,
    client: AuthenticatedClient,

) -> PollsPoll | Problem | None:
    """ Read a poll

     Any poll by its id: polls are shared by link, and anyone holding the id may read it (credentials
    optional). The results come with it when they are visible to you: always for the owner, otherwise
    when `results_visibility` is ALWAYS or the poll is closed. The ETag is the poll's version (its
    edits, not its votes).

    Args:
        poll_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PollsPoll | Problem
     """


    return (await asyncio_detailed(
        poll_id=poll_id,
client=client,

    )).parsed
