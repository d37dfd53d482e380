from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.outbox_message import OutboxMessage
from ...models.problem import Problem
from typing import cast
from uuid import UUID



def _get_kwargs(
    message_id: UUID,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/outbox/messages/{message_id}".format(message_id=quote(str(message_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> OutboxMessage | Problem | None:
    if response.status_code == 200:
        response_200 = OutboxMessage.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[OutboxMessage | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    message_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[OutboxMessage | Problem]:
    """ Get one of my outbox messages

     One message you queued, with its delivery state: status, attempts, the last error and when the next
    attempt is due. Messages queued by someone else answer 404, like missing ones.

    Args:
        message_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxMessage | Problem]
     """


    kwargs = _get_kwargs(
        message_id=message_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    message_id: UUID,
    *,
    client: AuthenticatedClient,

) -> OutboxMessage | Problem | None:
    """ Get one of my outbox messages

     One message you queued, with its delivery state: status, attempts, the last error and when the next
    attempt is due. Messages queued by someone else answer 404, like missing ones.

    Args:
        message_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxMessage | Problem
     """


    return sync_detailed(
        message_id=message_id,
client=client,

    ).parsed

async def asyncio_detailed(
    message_id: UUID,
    *,
    client: AuthenticatedClient,

) -> Response[OutboxMessage | Problem]:
    """ Get one of my outbox messages

     One message you queued, with its delivery state: status, attempts, the last error and when the next
    attempt is due. Messages queued by someone else answer 404, like missing ones.

    Args:
        message_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[OutboxMessage | Problem]
     """


    kwargs = _get_kwargs(
        message_id=message_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    message_id: UUID,
    *,
    client: AuthenticatedClient,

) -> OutboxMessage | Problem | None:
    """ Get one of my outbox messages

     One message you queued, with its delivery state: status, attempts, the last error and when the next
    attempt is due. Messages queued by someone else answer 404, like missing ones.

    Args:
        message_id (UUID):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        OutboxMessage | Problem
     """


    return (await asyncio_detailed(
        message_id=message_id,
client=client,

    )).parsed
